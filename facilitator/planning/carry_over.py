"""What an earlier meeting hands on: open items and unfinished tasks, and when to meet next."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from pendulum import Date, DateTime

from facilitator.core.i18n import t
from facilitator.core.workdays import WorkCalendar
from facilitator.planning.planned import PlannedPerson, PlannedTopic
from facilitator.planning.warnings import NOTICE_WORKDAYS
from facilitator.render.times import format_date

CARRY_OVER_MINUTES = 5
"""Minutes given to each item carried over from an earlier meeting."""


@dataclass(frozen=True)
class CarriedItem:
    """What an earlier meeting hands on: an open item, a task not done (delayed or
    not), or a topic it never reached or skipped."""

    kind: str  # unresolved | delayed | task | left
    text: str
    owner: str
    due: Date | None
    carries: str = ""
    """``item 3`` / ``task 7``: the row it follows up (written into the agenda)."""
    minutes: int = CARRY_OVER_MINUTES
    """A topic left keeps its planned minutes; an item or task gets a short slot."""
    source: str = ""
    """The meeting it comes from, as a comment for whoever edits the agenda."""


def carry_over_topics(
    items: Sequence[CarriedItem], people: Sequence[PlannedPerson], language: str
) -> list[PlannedTopic]:
    """One topic per carried item, owned by its owner when they attend.

    An owner who is not among the people (a department, someone outside the
    room) is named in the title and the host reports instead, so the agenda
    still runs. A topic left keeps its own title: carried again, it must not
    grow a second "Carried over:".
    """
    names = {p.name for p in people}
    host = next((p.name for p in people if p.role == "host"), people[0].name if people else "")
    return [
        PlannedTopic(
            item.text if item.kind == "left" else carried_title(item, language),
            item.owner if item.owner in names else host,
            item.minutes,
            note=carried_note(item, language),
            carries=item.carries,
        )
        for item in items
    ]


def carried_note(item: CarriedItem, language: str) -> str:
    """The comment above a carried topic: where it comes from, how to settle it."""
    if not item.source:
        return ""
    if item.kind == "left":
        return t("plan.carry_note_left", language=language, meeting=item.source)
    kind, _, number = item.carries.partition(" ")
    command = f"facilitator {kind} {number} " + ("resolved" if kind == "item" else "done")
    return t("plan.carry_note", language=language, meeting=item.source, command=command)


def follow_up_title(series: str, start: DateTime, language: str) -> str:
    """``Weekly sync · follow-up 2026-03-09`` / ``进度同步会 · 进度跟进 2026-03-09``.

    A title of its own for each meeting of a series: the same title twice made
    ``minutes`` and ``retro`` match two meetings.
    """
    return t("plan.follow_up_title", language=language, series=series, date=start.to_date_string())


def series_carry_over(
    items: Sequence[CarriedItem],
    tasks: Sequence[CarriedItem],
    left: Sequence[CarriedItem],
    planned: Collection[str] = (),
) -> list[CarriedItem]:
    """The topics left first (they were planned), then open items, then tasks.

    A topic left that itself carried an item or task is dropped: that row
    carries itself while it is not settled. So is one the new agenda has
    anyway (``planned``: the template's own titles), so no topic comes twice.
    """
    kept = [topic for topic in left if not topic.carries and topic.text not in planned]
    return [*kept, *items, *tasks]


def carried_title(item: CarriedItem, language: str) -> str:
    """``Carried over: budget (Li, deadline Thu 5 Mar 2026)``, naming only what is known.

    An item without owner or date reads ``Carried over: budget``, never
    ``(, deadline no date)``.
    """

    def tr(key: str, **params: object) -> str:
        return t(key, language=language, **params)

    details = []
    if item.owner:
        details.append(item.owner)
    if item.due is not None:
        details.append(tr(f"plan.carry_{item.kind}_due", due=format_date(item.due, language)))
    title = tr(f"plan.carry_{item.kind}", text=item.text)
    if not details:
        return title
    return tr("plan.carry_details", title=title, details=tr("plan.carry_sep").join(details))


def next_meeting_start(now: DateTime, zone: str, calendar: WorkCalendar) -> DateTime:
    """10:00 on the first working day that leaves two full working days for the notice."""
    local = now.in_timezone(zone)
    day = local.date()
    while calendar.between(local.date(), day) < NOTICE_WORKDAYS + 1 or not calendar.is_workday(day):
        day = day.add(days=1)
    return local.set(
        year=day.year, month=day.month, day=day.day, hour=10, minute=0, second=0, microsecond=0
    )


def previous_workday_evening(start: DateTime, calendar: WorkCalendar) -> DateTime:
    """17:00 on the working day before ``start``: the RSVP deadline."""
    day = calendar.previous_workday(start.date().subtract(days=1))
    return start.set(
        year=day.year, month=day.month, day=day.day, hour=17, minute=0, second=0, microsecond=0
    )
