"""Where a topic stands on its clock: planned, running, warning, overrun or paused.

The one place that decides it. The room's countdown, the follow view, the
notebook's live view and the metrics all read these functions, so a topic
is "overrun" in the same words and at the same second everywhere: once it
has taken more than its planned minutes plus every ``/extend``.

A speaker's own countdown (a limit per turn) runs by the same rule: it warns
near its end and is over once past it (:func:`speaker_phase`).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the state imports this module: only its type is needed here
    from pendulum import DateTime

    from facilitator.meeting.state import TopicState

WARNING_SECONDS = 120
"""Time left at which a running topic turns to warning colours (by default)."""
DEFAULT_WARN_MINUTES = WARNING_SECONDS / 60
SPEAKER_WARNING_SECONDS = 30
"""Time left at which a speaker's own countdown warns (a turn is short)."""


@dataclass(frozen=True)
class WarnAt:
    """When a countdown turns to a warning: ``minutes`` before its end, or, when
    ``share`` is set (0.7), once that share of its time is used (the agenda's
    ``warn_minutes`` and ``warn_share``)."""

    minutes: float = DEFAULT_WARN_MINUTES
    share: float = 0

    def seconds(self, allotted: float) -> float:
        """Seconds left at which a countdown of ``allotted`` seconds warns."""
        if self.share:
            return allotted * (1 - self.share)
        return self.minutes * 60

    def speaker_seconds(self, limit: float) -> float:
        """The same for a speaker's turn of ``limit`` seconds: a share of it when
        the agenda says so, else :data:`SPEAKER_WARNING_SECONDS` (at most a quarter)."""
        if self.share:
            return limit * (1 - self.share)
        return min(SPEAKER_WARNING_SECONDS, limit / 4)


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
    warning: float = WARNING_SECONDS
    """Seconds left at which it warns (the agenda's ``warn_minutes`` or ``warn_share``)."""

    @property
    def over(self) -> float:
        """Seconds past the allotted time (0 while within it)."""
        return max(0.0, -self.left)


def allotted_seconds(planned_minutes: int, extra_minutes: int) -> int:
    """The time a topic has: its planned minutes plus every extension, in seconds."""
    return (planned_minutes + extra_minutes) * 60


def time_phase(left: float, warning: float = WARNING_SECONDS) -> Phase:
    """How the time alone stands with ``left`` seconds to go: running, warning (at
    ``warning`` seconds left or less) or overrun."""
    if left < 0:
        return Phase.OVERRUN
    if left <= warning:
        return Phase.WARNING
    return Phase.RUNNING


def seconds_over(planned_minutes: int, extra_minutes: int, taken_seconds: float) -> float:
    """Seconds a topic took beyond its planned plus extended time (0 if within it).

    The metrics' overrun: an extended topic that ends inside its extension
    did not overrun, as the room's countdown never said it did.
    """
    return max(0.0, taken_seconds - allotted_seconds(planned_minutes, extra_minutes))


def topic_phase(topic: TopicState, now: DateTime, warn: WarnAt | None = None) -> TopicPhase:
    """The phase of ``topic`` at ``now``, with its seconds left and allotted minutes.

    ``warn``: the agenda's warning (:attr:`Agenda.warning`); two minutes by default.
    """
    left = topic.left(now)
    warning = (warn or WarnAt()).seconds(topic.allotted_seconds)
    time = time_phase(left, warning)
    if topic.status == "paused":
        phase = Phase.PAUSED
    elif topic.status == "running":
        phase = time
    else:
        phase = Phase.PLANNED
    return TopicPhase(phase, time, left, topic.topic.minutes + topic.extra_minutes, warning)


@dataclass(frozen=True)
class SpeakerPhase:
    """A speaker's own countdown at one instant: the limit per turn, and how it stands."""

    time: Phase
    """Running, warning or overrun (the colour of the speaker's clock)."""
    left: float
    """Seconds left of the turn; negative once over."""
    limit: float
    """Seconds the turn may take."""
    warning: float
    """Seconds left at which it warned."""

    @property
    def over(self) -> float:
        return max(0.0, -self.left)


def speaker_phase(elapsed: float, limit: float, warn: WarnAt | None = None) -> SpeakerPhase | None:
    """How a turn of ``elapsed`` seconds stands against a ``limit`` (None: no limit)."""
    if limit <= 0:
        return None
    warning = (warn or WarnAt()).speaker_seconds(limit)
    left = limit - elapsed
    return SpeakerPhase(time_phase(left, warning), left, limit, warning)
