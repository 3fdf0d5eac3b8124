"""What the domain needs from wherever events are kept.

``store.archive`` implements it on SQLite; the domain never imports it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    # Types only: the exceptions below are imported by every command, which
    # should not pay for loading the events and the minutes to catch them.
    from facilitator.meeting.events import Event, MeetingClosed
    from facilitator.meeting.minutes import Minutes


class JournalUnavailable(Exception):
    """The journal could not be read or written just now (another program held
    it too long). Nothing was written; the message says so, for a person."""


class JournalGone(Exception):
    """The journal's file was deleted or replaced by another one while being read:
    what a follower shows is no longer it. The message says so, for a person."""


class JournalMoved(Exception):
    """The journal gained events since the caller last read it (another
    terminal wrote): nothing was written; read again and decide again."""


class Journal(Protocol):
    """The events of one meeting, in order, durable once appended."""

    meeting_id: int

    def read(self, after: int = 0) -> list[Event]:
        """Events with ``seq`` greater than ``after``, oldest first."""
        ...

    def append(
        self, events: Sequence[Event], expected_last: int | None = None, wait: bool = True
    ) -> list[Event]:
        """Write ``events`` as one command (one undo group); return them numbered.

        With ``expected_last``, raises :class:`JournalMoved` (writing nothing)
        if the meeting's last event is no longer that one.

        Returns only once they are durable; raises :class:`JournalUnavailable`
        (having written nothing) if the journal stays busy past the busy
        timeout, or at once with ``wait=False``.
        """
        ...

    def close(
        self, event: MeetingClosed, minutes: Minutes, expected_last: int | None = None
    ) -> Event:
        """Append the close and write the minutes tables, all or nothing.

        With ``expected_last``, raises :class:`JournalMoved` (writing nothing)
        if the meeting's last event is no longer that one.
        """
        ...
