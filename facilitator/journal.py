"""What the domain needs from wherever events are kept.

``store.archive`` implements it on SQLite; the domain never imports it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from facilitator.events import Event, MeetingClosed
from facilitator.minutes import Minutes


class JournalUnavailable(Exception):
    """The journal could not be read or written just now (another program held
    it too long). Nothing was written; the message says so, for a person."""


class Journal(Protocol):
    """The events of one meeting, in order, durable once appended."""

    meeting_id: int

    def read(self, after: int = 0) -> list[Event]:
        """Events with ``seq`` greater than ``after``, oldest first."""
        ...

    def append(self, events: Sequence[Event]) -> list[Event]:
        """Write ``events`` as one command (one undo group); return them numbered.

        Returns only once they are durable; raises :class:`JournalUnavailable`
        (having written nothing) if the journal stays busy.
        """
        ...

    def close(self, event: MeetingClosed, minutes: Minutes) -> Event:
        """Append the close and write the minutes tables, all or nothing."""
        ...
