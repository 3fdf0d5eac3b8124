"""Trends across the meetings of a series: is it getting better?

Per meeting: planned against actual minutes, overruns, decisions per hour,
the retrospective's rating, and the open items it opened and how many of them
are settled since. Pure; ``store.series`` gathers the meetings.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pendulum import DateTime

from facilitator.followup.items import SETTLED, ItemRecord
from facilitator.followup.retro import Retrospective
from facilitator.meeting.metrics import meeting_metrics
from facilitator.meeting.minutes import Minutes


@dataclass(frozen=True)
class HeldMeeting:
    """One closed meeting of a series, with what followed it up."""

    id: int
    minutes: Minutes
    retrospective: Retrospective | None
    items: tuple[ItemRecord, ...]


@dataclass(frozen=True)
class SeriesPoint:
    """One meeting of a series, in numbers."""

    meeting_id: int
    title: str
    start: DateTime
    planned_minutes: int
    actual_minutes: float
    overruns: int
    decisions: int
    decisions_per_hour: float | None
    rating: int | None
    items_opened: int
    items_settled: int
    """Of the items this meeting opened, how many are settled (resolved or dropped) now."""

    @property
    def over_minutes(self) -> float:
        """Actual minus planned minutes (negative: finished early)."""
        return round(self.actual_minutes - self.planned_minutes, 1)


def series_trend(meetings: Sequence[HeldMeeting]) -> list[SeriesPoint]:
    """The series' meetings in the order they were held, each in numbers."""
    points = []
    for held in sorted(meetings, key=lambda m: (m.minutes.agenda.start, m.id)):
        numbers = meeting_metrics(held.minutes)
        points.append(
            SeriesPoint(
                meeting_id=held.id,
                title=held.minutes.agenda.title,
                start=held.minutes.agenda.start,
                planned_minutes=numbers.planned_minutes,
                actual_minutes=numbers.actual_minutes,
                overruns=len(numbers.overruns),
                decisions=numbers.decisions,
                decisions_per_hour=numbers.decisions_per_hour,
                rating=held.retrospective.rating if held.retrospective else None,
                items_opened=len(held.items),
                items_settled=sum(1 for item in held.items if item.status in SETTLED),
            )
        )
    return points
