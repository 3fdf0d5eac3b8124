"""Where a topic stands on its clock: planned, running, warning, overrun or paused.

The one place that decides it. The room's countdown, the follow view, the
notebook's live view and the metrics all read these functions, so a topic
is "overrun" in the same words and at the same second everywhere: once it
has taken more than its planned minutes plus every ``/extend``.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the state imports this module: only its type is needed here
    from pendulum import DateTime

    from facilitator.meeting.state import TopicState

WARNING_SECONDS = 120
"""Time left at which a running topic turns to warning colours."""


class Phase(StrEnum):
    """A topic's phase; the values are stable codes (words are in ``render.banners``)."""

    PLANNED = "planned"
    """Not on the clock: not started yet, or left, finished or skipped."""
    RUNNING = "running"
    WARNING = "warning"
    """Running with :data:`WARNING_SECONDS` or less left."""
    OVERRUN = "overrun"
    """Past its planned minutes plus every extension."""
    PAUSED = "paused"


@dataclass(frozen=True)
class TopicPhase:
    """A topic's phase at one instant, with the numbers shown beside it."""

    phase: Phase
    """What the banner says: a stopped clock says paused whatever the time."""
    time: Phase
    """The time alone (running, warning or overrun), paused or not: the digits'
    colour, which a pause mutes but does not forget."""
    left: float
    """Seconds left; negative once overrun."""
    allotted_minutes: int
    """Planned minutes plus every ``/extend``."""

    @property
    def over(self) -> float:
        """Seconds past the allotted time (0 while within it)."""
        return max(0.0, -self.left)


def allotted_seconds(planned_minutes: int, extra_minutes: int) -> int:
    """The time a topic has: its planned minutes plus every extension, in seconds."""
    return (planned_minutes + extra_minutes) * 60


def time_phase(left: float) -> Phase:
    """How the time alone stands with ``left`` seconds to go: running, warning or overrun."""
    if left < 0:
        return Phase.OVERRUN
    if left <= WARNING_SECONDS:
        return Phase.WARNING
    return Phase.RUNNING


def seconds_over(planned_minutes: int, extra_minutes: int, taken_seconds: float) -> float:
    """Seconds a topic took beyond its planned plus extended time (0 if within it).

    The metrics' overrun: an extended topic that ends inside its extension
    did not overrun, as the room's countdown never said it did.
    """
    return max(0.0, taken_seconds - allotted_seconds(planned_minutes, extra_minutes))


def topic_phase(topic: TopicState, now: DateTime) -> TopicPhase:
    """The phase of ``topic`` at ``now``, with its seconds left and allotted minutes."""
    left = topic.left(now)
    time = time_phase(left)
    if topic.status == "paused":
        phase = Phase.PAUSED
    elif topic.status == "running":
        phase = time
    else:
        phase = Phase.PLANNED
    return TopicPhase(phase, time, left, topic.topic.minutes + topic.extra_minutes)
