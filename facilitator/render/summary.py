"""The closing summary in words: topics left, decisions, disputes, open items and tasks.

The room's closing screen, the follow view's last screen and the summary
printed to the terminal at the close each built it on their own, and did
not agree on its order. Here it is built once, from the minutes; each
output lays out the same :class:`SummarySection` s.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

from pendulum import Date

from facilitator.core.i18n import listed, t
from facilitator.core.text import clean
from facilitator.core.zones import zone_of
from facilitator.line.entries import kept_as_point
from facilitator.meeting.minutes import Minutes, OpenItem, TaskLine, TopicMinutes
from facilitator.render.entries import side_text, sides_separator
from facilitator.render.numbers import heading_number
from facilitator.render.patterns import Part, fill, joined
from facilitator.render.times import format_date
from facilitator.render.topics import topic_timing

Followed = TypeVar("Followed", OpenItem, TaskLine)
"""An open item or a task: what someone follows up after the meeting."""


@dataclass(frozen=True)
class Owned:
    """Who follows an item up, and by when; either may still be missing."""

    owner: str
    """The owner's name, or the catalogue's "no owner"."""
    date: str
    """The date as people read it, or the catalogue's "no date"."""
    owner_missing: bool
    date_missing: bool
    parts: tuple[Part, ...]
    """``Li, Thu 10 Sep 2026`` / ``李雷，2026年9月10日 星期四``: fields "owner" and "date"."""
    outside: bool = False
    """The owner is neither a participant nor a department in the room (``@Legal``,
    or a typo): ``owner`` says so, and the room can fix it before confirming."""
    before: str = " — "
    after: str = ""
    """Around owner and date after the item: ``x — Li, Thu`` / ``x（李雷，…）``."""
    date_passed: bool = False
    """The date was over before the meeting was held: ``date`` says so."""

    @property
    def text(self) -> str:
        """Owner and date as one plain string, in the catalogue's pattern."""
        return joined(self.parts)


@dataclass(frozen=True)
class SummaryItem:
    """One line of the summary.

    ``sides`` are a dispute's sides, one text each (``text`` holds them on one
    line). ``owned`` is set for open items and tasks; ``index`` is then the
    item's place in ``minutes.open_items`` or ``minutes.tasks``, so the room can
    find the entry to fix.
    """

    text: str
    sides: tuple[str, ...] = ()
    owned: Owned | None = None
    index: int | None = None


@dataclass(frozen=True)
class SummarySection:
    """A heading (``Decisions (2)``) and its items; ``none`` is said when there are none."""

    kind: str
    """left | unread | decision | dispute | unresolved | action: what the items are
    (unread: task or open item lines kept as points, :func:`kept_as_point`)."""
    heading: str
    items: tuple[SummaryItem, ...]
    none: str


def _owned(owner: str, due: Date | None, language: str | None, room: set[str], held: Date) -> Owned:
    name = clean(owner)
    outside = bool(name) and owner not in room
    who = name or t("summary.no_owner", language=language)
    if outside:
        who = t("summary.outside_owner", language=language, name=name)
    when = format_date(due, language) if due else t("summary.no_date", language=language)
    passed = due is not None and due < held
    if passed:
        # Kept as typed (the room warned), but it would be late from the start.
        when = t("summary.date_passed", language=language, date=when)
    parts = fill("minutes.owner_and_date", language=language, words={"owner": who, "date": when})
    return Owned(
        who,
        when,
        not name,
        due is None,
        parts,
        outside,
        t("summary.owned_before", language=language),
        t("summary.owned_after", language=language),
        passed,
    )


def _section(
    kind: str, key: str, items: Sequence[SummaryItem], language: str | None
) -> SummarySection:
    heading = t(
        "minutes.counted", language=language, heading=t(key, language=language), count=len(items)
    )
    return SummarySection(kind, heading, tuple(items), t("minutes.none", language=language))


def role_text(minutes: Minutes, role: str, language: str | None = None) -> str:
    """The host or the recorder as the minutes name them (``role``: ``host``,
    ``recorder``); one marked absent at the roll call says so, since the
    minutes list them among the absent too: ``Sam (absent)`` / ``Sam（缺席）``."""
    away = {line.name for line in minutes.absent}
    names = (
        t("minutes.role_absent", language=language, name=clean(person.name))
        if person.name in away
        else clean(person.name)
        for person in minutes.agenda.with_role(role)
    )
    return listed(names, language)


def topic_left_text(topic: TopicMinutes, language: str | None = None) -> str:
    """``3. Sales training — not reached`` / ``议题三：销售培训需求（未讨论）``."""
    heading = t(
        "minutes.topic_heading",
        language=language,
        number=heading_number(topic.position, language),
        title=clean(topic.title),
    )
    return t(
        "summary.topic_left", language=language, topic=heading, status=topic_timing(topic, language)
    )


def closing_summary(minutes: Minutes, language: str | None = None) -> tuple[SummarySection, ...]:
    """Decisions, disputes, open items and tasks (with owner and due date), in agenda order.

    Topics not reached or skipped come first when there are any: closing with
    most of the agenda untouched must not pass unseen, and the next meeting
    (``new --from``) inherits them.

    Agenda order, topic by topic (what came before the first topic first), and
    in the order captured within a topic: that is how the minutes read, so the
    summary the room confirms lists things where the minutes will put them,
    also after ``/back`` or ``/goto`` went back to an earlier topic. People's
    words are cleaned of control characters (the terminal prints them).
    """
    sections = (minutes.general, *minutes.topics)
    place = {section.id or None: n for n, section in enumerate(sections)}
    agenda = minutes.agenda
    room = {person.name for person in agenda.people} | set(agenda.departments)
    # The day the meeting ran where it was held (the room's "today" for its dates):
    # it may have opened on another day than planned.
    held = (minutes.opened_at or agenda.start).in_timezone(zone_of(agenda.start)).date()
    last = len(sections)

    def in_agenda_order(items: Sequence[Followed]) -> list[tuple[int, Followed]]:
        # (place in items, item), topic by topic; sorted() keeps the captured order in a topic.
        return sorted(enumerate(items), key=lambda pair: place.get(pair[1].topic, last))

    decisions = [SummaryItem(clean(text)) for section in sections for text in section.decisions]
    disputes = []
    for dispute in (dispute for section in sections for dispute in section.disputes):
        sides = tuple(clean(side_text(side, language)) for side in dispute.sides)
        disputes.append(
            SummaryItem(sides_separator(language).join(sides) or clean(dispute.text), sides)
        )
    open_items = [
        SummaryItem(
            clean(item.text), owned=_owned(item.owner, item.deadline, language, room, held), index=n
        )
        for n, item in in_agenda_order(minutes.open_items)
    ]
    tasks = [
        SummaryItem(
            clean(task.title), owned=_owned(task.owner, task.due, language, room, held), index=n
        )
        for n, task in in_agenda_order(minutes.tasks)
    ]
    left = [SummaryItem(topic_left_text(topic, language)) for topic in minutes.topics_left]
    # Typed as a task or an open item, kept as a point: nobody would chase it.
    unread = [
        SummaryItem(clean(text))
        for section in sections
        for text in section.points
        if kept_as_point(text)
    ]
    return (
        *([_section("left", "minutes.topics_left", left, language)] if left else []),
        *([_section("unread", "summary.kept_as_points", unread, language)] if unread else []),
        _section("decision", "minutes.decisions", decisions, language),
        _section("dispute", "minutes.disputes", disputes, language),
        _section("unresolved", "minutes.open_items", open_items, language),
        _section("action", "minutes.tasks", tasks, language),
    )
