"""A topic of the minutes in words: heading, owner and timing, and what was recorded.

The Markdown and HTML minutes and the notebook's minutes each walked a topic
on their own, and drifted: the notebook listed decisions before disputes and
said an extended topic had been "planned 17 min" where the minutes said
"planned 15 min (+2 extended)". Each now lays out the same
:class:`TopicView` s, in the order :func:`discussion` gives.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import groupby

from pendulum import Date

from facilitator.core.i18n import t
from facilitator.meeting.minutes import Dispute, Minutes, OpenItem, TaskLine, TopicMinutes
from facilitator.render.entries import said_parts, side_parts
from facilitator.render.numbers import heading_number
from facilitator.render.patterns import Part, fill, joined
from facilitator.render.times import duration, format_date

META_SEPARATOR = " · "
"""Between the owner and the timing under a topic's heading."""


def topic_timing(section: TopicMinutes, language: str | None = None) -> str:
    """``planned 5 min (+2 extended), took 7 min 00 s``, skipped, or not reached.

    The plan is the agenda's, with any extension said apart, as ``metrics``
    counts it: an extended topic is not shown as if it had been planned longer.
    """
    if section.status == "skipped" and section.actual_seconds >= 1:
        # Discussed, then skipped: how long it took still counts (metrics counts it).
        actual = duration(section.actual_seconds, language)
        return t("minutes.topic_skipped_after", language=language, actual=actual)
    if section.status == "skipped":
        return t("minutes.topic_skipped", language=language)
    if section.status == "pending":
        return t("minutes.topic_not_reached", language=language)
    actual = duration(section.actual_seconds, language)
    if section.extra_minutes:
        return t(
            "minutes.topic_timing_extended",
            language=language,
            planned=section.planned_minutes,
            extra=section.extra_minutes,
            actual=actual,
        )
    return t(
        "minutes.topic_timing", language=language, planned=section.planned_minutes, actual=actual
    )


@dataclass(frozen=True)
class Bullet:
    """One recorded item: a point, a decision, a dispute, an open item or a task.

    A dispute with sides shows ``label`` ("Dispute 1:", "争议一：") with
    one sub-item per side, and so do points grouped by speaker (``李雷：`` and
    one sub-item per point); anything else shows :attr:`pieces`: ``text``,
    people's words, or ``parts`` when a pattern adds our own (an open item's
    owner and date).
    """

    text: str
    label: str = ""
    sides: tuple[tuple[Part, ...], ...] = ()
    parts: tuple[Part, ...] = ()

    @property
    def pieces(self) -> tuple[Part, ...]:
        """What to show, as parts: people's words (to escape) and the pattern's."""
        return self.parts or (Part(self.text, "text"),)


@dataclass(frozen=True)
class Block:
    """One labelled list under a topic: its points, its disputes or its decisions."""

    label: str
    bullets: tuple[Bullet, ...]


@dataclass(frozen=True)
class TopicView:
    """A topic as the minutes show it.

    ``heading`` and ``meta`` are parts (the topic's title and owner are
    people's words, to escape); ``meta`` is empty for what was recorded
    before the first topic, which had no owner and no plan.
    """

    heading: tuple[Part, ...]
    meta: tuple[Part, ...]
    blocks: tuple[Block, ...]
    nothing: str
    """What to say when ``blocks`` is empty ("Nothing recorded.")."""


def _dispute(dispute: Dispute, number: int, language: str | None) -> Bullet:
    """A dispute with its sides under a label: Chinese counts them (争议一：, 争议二：)
    rather than repeating one word over each."""
    if not dispute.sides:
        return Bullet(dispute.text)
    return Bullet(
        dispute.text,
        label=t("minutes.dispute", language=language, number=heading_number(number, language)),
        sides=tuple(side_parts(side, language) for side in dispute.sides),
    )


GROUP_FROM = 2
"""Points in a row by one speaker are listed under their name from this many on;
a single point reads better as ``李雷：…`` on its own line."""


def _owned(
    text: str, owner: str, due: Date | None, language: str | None, task_id: int | None = None
) -> Bullet:
    """An open item or a task: its words, who follows it up and by when."""
    words = {"text": text, "owner": owner}
    if owner and due:
        parts = fill("minutes.item_owner_date", language, words, date=format_date(due, language))
    elif owner:
        parts = fill("minutes.item_owner", language, words)
    elif due:
        parts = fill("minutes.item_date", language, {"text": text}, date=format_date(due, language))
    else:
        parts = (Part(text, "text"),)
    if task_id is not None:
        # The id `facilitator task ID` takes: the minutes are where people look it up.
        marks = fill("minutes.task_numbered", language, {"item": "item"}, id=task_id)
        parts = tuple(p for mark in marks for p in (parts if mark.field else (mark,)))
    return Bullet(text, parts=parts)


def point_bullets(section: TopicMinutes, language: str | None = None) -> tuple[Bullet, ...]:
    """A topic's points, each with who said it; several in a row by one speaker
    grouped under their name (``label``), one sub-item per point (``sides``)."""
    bullets: list[Bullet] = []
    for speaker, run in groupby(section.said(), key=lambda said: said[0]):
        points = [text for _speaker, text in run]
        if speaker and len(points) >= GROUP_FROM:
            label = joined(
                fill("minutes.said_group", language=language, words={"speaker": speaker})
            )
            bullets.append(
                Bullet("", label=label, sides=tuple((Part(text, "text"),) for text in points))
            )
            continue
        bullets += [Bullet(joined(said_parts(speaker, text, language))) for text in points]
    return tuple(bullets)


def topic_blocks(
    section: TopicMinutes,
    language: str | None = None,
    open_items: Sequence[OpenItem] = (),
    tasks: Sequence[TaskLine] = (),
) -> tuple[Block, ...]:
    """The owner's report (progress, risks, proposals), then points, disputes and
    decisions, then the open items and tasks captured under the topic: the order
    the minutes read a topic in.

    The report comes first, under the template's headings in its order
    (当前进展, 风险点, 建议), as the owner gives it before the discussion.
    Disputes come before decisions because a topic's decision usually settles
    them; what is left to do comes last, as at the end of the minutes. A
    label with nothing under it is left out.
    """
    blocks = (
        Block(t("minutes.progress", language=language), tuple(map(Bullet, section.progress))),
        Block(t("minutes.risks", language=language), tuple(map(Bullet, section.risks))),
        Block(t("minutes.proposals", language=language), tuple(map(Bullet, section.proposals))),
        Block(t("minutes.points", language=language), point_bullets(section, language)),
        Block(
            t("minutes.disputes", language=language),
            tuple(_dispute(dispute, n, language) for n, dispute in enumerate(section.disputes, 1)),
        ),
        Block(
            t("minutes.decisions_in_topic", language=language),
            tuple(map(Bullet, section.decisions)),
        ),
        Block(
            t("minutes.open_items_in_topic", language=language),
            tuple(_owned(i.text, i.owner, i.deadline, language) for i in open_items),
        ),
        Block(
            t("minutes.tasks_in_topic", language=language),
            tuple(_owned(x.title, x.owner, x.due, language, x.id) for x in tasks),
        ),
    )
    return tuple(block for block in blocks if block.bullets)


def topic_view(
    section: TopicMinutes,
    language: str | None = None,
    open_items: Sequence[OpenItem] = (),
    tasks: Sequence[TaskLine] = (),
) -> TopicView:
    """A topic of the agenda: ``1. Title``, ``Owner: Li · planned 15 min, took 17 min 00 s``."""
    heading = fill(
        "minutes.topic_heading",
        language=language,
        words={"title": section.title},
        number=heading_number(section.position, language),
    )
    owner = t("minutes.topic_owner", language=language)
    meta = fill("minutes.labelled", language=language, words={"value": section.owner}, label=owner)
    meta += (Part(META_SEPARATOR + topic_timing(section, language)),)
    nothing = t("minutes.nothing_recorded", language=language)
    blocks = topic_blocks(section, language, open_items, tasks)
    return TopicView(heading, meta, blocks, nothing)


def discussion(minutes: Minutes, language: str | None = None) -> tuple[TopicView, ...]:
    """The discussion topic by topic: what came before the first topic (if anything), then
    every topic of the agenda in the order it was held, each with the open items
    and tasks captured under it."""

    def captured(topic: str | None) -> tuple[list[OpenItem], list[TaskLine]]:
        return (
            [item for item in minutes.open_items if item.topic == topic],
            [task for task in minutes.tasks if task.topic == topic],
        )

    views = []
    items, tasks = captured(None)
    general = topic_blocks(minutes.general, language, items, tasks)
    if general:
        heading = (Part(t("minutes.general", language=language)),)
        nothing = t("minutes.nothing_recorded", language=language)
        views.append(TopicView(heading, (), general, nothing))
    for section in minutes.topics:
        items, tasks = captured(section.id)
        views.append(topic_view(section, language, items, tasks))
    return tuple(views)
