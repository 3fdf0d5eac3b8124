"""How a meeting went, in numbers: planned vs actual time per topic, overruns,
decisions per hour, and each department's share of the speaking time.
"""

from __future__ import annotations

from dataclasses import dataclass

from facilitator.meeting.balance import shares_of
from facilitator.meeting.minutes import Minutes
from facilitator.meeting.phase import seconds_over


@dataclass(frozen=True)
class TopicMetric:
    position: int
    title: str
    planned_minutes: int  # as planned, before any /extend
    actual_minutes: float
    status: str
    extra_minutes: int = 0
    """Minutes the room added with ``/extend``."""

    @property
    def overrun_minutes(self) -> float:
        """Minutes beyond the planned and extended time (0 when within it or not held).

        The room's definition (:func:`facilitator.meeting.phase.seconds_over`):
        a topic extended by 2 minutes that took 17 of its 15 did not overrun.
        """
        over = seconds_over(self.planned_minutes, self.extra_minutes, self.actual_minutes * 60)
        return round(over / 60, 1)


@dataclass(frozen=True)
class MeetingMetrics:
    title: str
    topics: tuple[TopicMetric, ...]
    planned_minutes: int
    actual_minutes: float
    decisions: int
    speaking_share: tuple[tuple[str, float], ...]  # (department, share 0-1), largest first

    @property
    def overruns(self) -> tuple[TopicMetric, ...]:
        return tuple(topic for topic in self.topics if topic.overrun_minutes > 0)

    @property
    def decisions_per_hour(self) -> float | None:
        """Decisions over the time actually spent on topics; None under a minute,
        where a rate would be noise (0.0, or 60 for one decision in a minute)."""
        if self.actual_minutes < 1:
            return None
        return round(self.decisions / (self.actual_minutes / 60), 1)


def meeting_metrics(minutes: Minutes) -> MeetingMetrics:
    """The metrics of a closed meeting, from its minutes."""
    topics = tuple(
        TopicMetric(
            topic.position,
            topic.title,
            topic.planned_minutes,
            round(topic.actual_seconds / 60, 1),
            topic.status,
            topic.extra_minutes,
        )
        for topic in minutes.topics
    )
    speaking_share = tuple(
        sorted(
            (
                (dept, round(share, 3))
                for dept, share in shares_of(minutes.speaking_by_department()).items()
            ),
            key=lambda pair: -pair[1],
        )
    )
    return MeetingMetrics(
        title=minutes.agenda.title,
        topics=topics,
        planned_minutes=sum(topic.planned_minutes for topic in topics),
        actual_minutes=round(sum(topic.actual_seconds for topic in minutes.topics) / 60, 1),
        decisions=len(minutes.decisions),
        speaking_share=speaking_share,
    )
