"""Which meeting is meant when none is named.

``facilitator follow``, ``serve --follow``, ``open`` and the notebook's
``follow()`` all start from "the meeting", unnamed. Comparing start times as
text picks a meeting planned for next week over the one running now, and
gets instants with different UTC offsets wrong; this rule compares instants
and looks at what the room is actually doing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pendulum import DateTime


@dataclass(frozen=True)
class MeetingStanding:
    """What the archive knows of one meeting, for choosing among them."""

    id: int
    start: DateTime
    end: DateTime
    opened: bool
    """The room has opened it (opening shown, or a topic started)."""
    closed_at: DateTime | None
    last_activity: int
    """The journal position of its latest row: higher is more recent, across meetings."""

    @property
    def in_progress(self) -> bool:
        return self.opened and self.closed_at is None

    @property
    def planned(self) -> bool:
        return not self.opened and self.closed_at is None


def default_meeting(
    meetings: Sequence[MeetingStanding], now: DateTime, closed: bool | None = None
) -> MeetingStanding | None:
    """The meeting meant when none is named, or None if there is none to choose.

    - A meeting in progress (opened, not closed) comes first; of several, the
      one the room wrote to last.
    - Else a planned one: the first, by start, that has not yet reached its
      planned end (about to start, or due and waiting for the room); if all
      are past, the one planned last.
    - ``closed=True`` chooses among closed meetings: the one closed last.
      ``closed=None`` (any meeting) prefers one in progress, then the one
      closed last (what a reader of minutes wants), then a planned one.
    """
    if closed:
        return _closed_last([m for m in meetings if m.closed_at is not None])
    running = [m for m in meetings if m.in_progress]
    if running:
        return max(running, key=lambda m: (m.last_activity, m.id))
    if closed is None:
        held = _closed_last([m for m in meetings if m.closed_at is not None])
        if held is not None:
            return held
    planned = [m for m in meetings if m.planned]
    ahead = [m for m in planned if m.end > now]
    if ahead:
        return min(ahead, key=lambda m: (m.start, m.id))
    return max(planned, key=lambda m: (m.start, m.id), default=None)


def _closed_last(meetings: Sequence[MeetingStanding]) -> MeetingStanding | None:
    return max(meetings, key=lambda m: (m.closed_at, m.id), default=None)
