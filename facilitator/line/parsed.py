"""What a typed line turns out to be: an entry, a command, or a line to fix."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from pendulum import Date

from facilitator.core.notice import Notice
from facilitator.core.workdays import WEEKENDS, WorkCalendar
from facilitator.meeting.decision import Command
from facilitator.meeting.events import Entry


@dataclass(frozen=True)
class Capture:
    """A line that becomes an entry under the current topic."""

    entry: Entry
    notices: tuple[Notice, ...] = ()
    speaker: str | None = None
    """Who the line says said it: ``@Li:`` at its start names them, ``-:`` nobody
    (""); None when the line does not say (whoever is speaking said it)."""


@dataclass(frozen=True)
class Invalid:
    """A command line that cannot run; the line stays in the input to fix."""

    notice: Notice
    raw: str = ""


Parsed = Capture | Command | Invalid


MAX_LINE_CHARS = 10_000
"""The longest line the room reads (a long paragraph is well under it): a longer
one is refused with its length, never cut, and the preview stays instant."""


@dataclass(frozen=True)
class LineContext:
    """What the parser needs to know about the room."""

    people: Sequence[str]
    departments: Sequence[str] = ()
    today: Date = field(default_factory=lambda: Date.today())
    calendar: WorkCalendar = WEEKENDS
    """Which days are working days (``3个工作日内`` skips China's National Day)."""
    max_chars: int | None = MAX_LINE_CHARS
    """Lines longer than this are refused (None: no limit, for measuring the parser)."""

    @property
    def names(self) -> list[str]:
        return list(self.people) + [d for d in self.departments if d not in self.people]
