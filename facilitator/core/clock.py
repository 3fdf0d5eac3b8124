"""The one clock of the domain: injectable, so tests never sleep."""

from __future__ import annotations

from typing import Protocol

import pendulum
from pendulum import DateTime


def instant(text: str) -> DateTime:
    """An ISO 8601 instant; ValueError for a date alone, a time or a duration."""
    parsed = pendulum.parse(text)
    if not isinstance(parsed, DateTime):
        raise ValueError(f"not an instant: {text!r}")
    return parsed


class Clock(Protocol):
    """Anything that tells the current instant (timezone-aware)."""

    def now(self) -> DateTime: ...


class SystemClock:
    """The wall clock, in UTC; screens convert to the meeting's zone."""

    def now(self) -> DateTime:
        return pendulum.now("UTC")


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
