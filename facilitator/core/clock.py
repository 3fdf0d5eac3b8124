"""The one clock of the domain: injectable, so tests never sleep."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from pendulum import DateTime


def instant(text: str) -> DateTime:
    """An ISO 8601 instant; ValueError for a date alone, a time or a duration."""
    import pendulum

    parsed = pendulum.parse(text)
    if not isinstance(parsed, pendulum.DateTime):
        raise ValueError(f"not an instant: {text!r}")
    return parsed


class Clock(Protocol):
    """Anything that tells the current instant (timezone-aware)."""

    def now(self) -> DateTime: ...


class SystemClock:
    """The wall clock, in UTC; screens convert to the meeting's zone."""

    def now(self) -> DateTime:
        # Imported when first asked: a command that only lists needs no date
        # library (see facilitator.core.zones).
        import pendulum

        return pendulum.now("UTC")


def current_instant(clock: Clock) -> dt.datetime:
    """What ``clock.now()`` says, the wall clock's read without loading pendulum.

    A command that only reads rows (``facilitator tasks``) needs the instant as
    the archive compares it, not the date library, whose loading is a tenth of
    a 200 ms task list (``benchmarks/task_query.py``).
    """
    if type(clock) is SystemClock:
        return dt.datetime.now(dt.UTC)
    return clock.now()


class FakeClock:
    """A clock that only moves when told to."""

    def __init__(self, start: DateTime | str = "2026-03-02T10:00:00+01:00") -> None:
        self._now = instant(start) if isinstance(start, str) else start

    def now(self) -> DateTime:
        return self._now

    def advance(self, *, minutes: float = 0, seconds: float = 0, hours: float = 0) -> DateTime:
        """Move the clock forward and return the new instant."""
        self._now = self._now.add(seconds=seconds + 60 * minutes + 3600 * hours)
        return self._now

    def set(self, instant: DateTime) -> None:
        self._now = instant
