"""Following a meeting that another process runs: read its journal, never write.

The projector screen, the notebook's live view and ``facilitator serve
--follow`` all watch the same journal the room writes. A :class:`Follower`
holds only a reader, so it cannot write even by mistake, and asks the
archive cheaply whether anything changed (``PRAGMA data_version``) before
it reads the rows past the last one it has seen.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from pendulum import DateTime

from facilitator.core.clock import Clock, SystemClock
from facilitator.meeting.events import Event
from facilitator.meeting.fold import Folder
from facilitator.meeting.journal import JournalGone, JournalUnavailable
from facilitator.meeting.minutes import Minutes, build_minutes
from facilitator.meeting.state import MeetingState
from facilitator.render.banners import meeting_banner

POLL_SECONDS = 0.2
"""How often a follower asks whether the room wrote: well inside the half
second within which the second screen must show each new row."""


class JournalReader(Protocol):
    """The reading half of a :class:`facilitator.meeting.journal.Journal`."""

    meeting_id: int

    def read(self, after: int = 0) -> list[Event]:
        """Events with ``seq`` greater than ``after``, oldest first."""
        ...


class Follower:
    """The state of a meeting as written by someone else, kept current by :meth:`poll`.

    ``version`` is a cheap probe that returns a different number whenever
    another connection has committed (the archive's ``data_version``); the
    journal is read only when it moves.
    """

    def __init__(
        self,
        reader: JournalReader,
        clock: Clock | None = None,
        version: Callable[[], int] | None = None,
    ) -> None:
        self.reader = reader
        self.clock = clock or SystemClock()
        self._version = version
        self._seen_version = version() if version else None
        self._folder = Folder(reader.read())
        self._state = self._folder.state
        self.gone: str | None = None
        """Why the journal can no longer be followed (its file deleted or replaced)."""

    @property
    def state(self) -> MeetingState:
        return self._state

    @property
    def meeting_id(self) -> int:
        return self.reader.meeting_id

    @property
    def last_seq(self) -> int:
        return self._folder.events[-1].seq if self._folder.events else 0

    def poll(self) -> bool:
        """Take in rows written since the last poll; True if the state changed.

        A journal that cannot be read just now is asked again at the next
        poll: the follower keeps showing what it has and never gives up.
        """
        if self.gone is not None:
            return False
        try:
            if self._version is not None:
                current = self._version()
                if current == self._seen_version:
                    return False
            new = self.reader.read(after=self.last_seq)
        except JournalUnavailable:
            self._seen_version = None
            return False
        except JournalGone as gone:
            # Keep showing the last state, and say it is no longer the archive's.
            self.gone = str(gone)
            return True
        if self._version is not None:
            self._seen_version = current
        if not new:
            return False
        self._folder.extend(new)
        self._state = self._folder.state
        return True

    def minutes(self) -> Minutes:
        """The minutes as of the close, or as they stand now if still running."""
        return build_minutes(self._state, self._state.closed_at or self.clock.now())


def audience_status(state: MeetingState, now: DateTime) -> str:
    """The line under the second screen's countdown: what the room is doing.

    The room's own banners name the host's keys ("F3 or /resume"); the
    people watching a projector or a notebook have no keys to press, so they
    read what is happening instead (:func:`facilitator.render.banners.meeting_banner`).
    """
    return meeting_banner(state, now, audience=True)
