"""A meeting's journal on PostgreSQL: the one case SQLite never has, a commit in doubt.

SQLite commits on this machine: it either happened or not. A server may
commit and lose the connection before saying so. Writing the line again
could then record it twice; dropping it could lose it. So the journal
remembers the transaction (``pg_current_xact_id()``) and asks the server,
once it answers again, what became of it (``pg_xact_status``):

- committed: the write is acknowledged as it was, and the room's retry of
  the same line returns it instead of writing it again;
- aborted: nothing was written; the retry writes it;
- not known yet: the line waits ("not yet written") and the journal asks
  again at the next attempt.

Until then the journal does not show the room its own rows as news (the room
would decide the line again on top of them): reads wait too.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from facilitator.core.i18n import t
from facilitator.meeting.events import Event, MeetingClosed
from facilitator.meeting.journal import JournalMoved, JournalUnavailable
from facilitator.meeting.minutes import Minutes
from store.codec import encode_payload
from store.journal import StoredJournal
from store.pg_connection import CommitInDoubt

if TYPE_CHECKING:
    from store.postgres import PgArchive

HOLD_SECONDS = 30.0
"""How long a write known to be committed waits for the room's retry to claim it
before reads show it anyway (a write nobody retries: the roll call's keys)."""


@dataclass
class Doubt:
    """A write whose commit was never confirmed."""

    xid: str
    written: list[Event]
    committed_at: float | None = None
    """``time.monotonic()`` when the server said it was committed."""


def _same(ours: Sequence[Event], theirs: Sequence[Event]) -> bool:
    """The same command decided again: the same events (a close is a close, whenever)."""
    if len(ours) != len(theirs):
        return False
    for a, b in zip(ours, theirs, strict=True):
        if a.kind != b.kind:
            return False
        if isinstance(a, MeetingClosed):
            continue
        if a.at != b.at or encode_payload(a) != encode_payload(b):
            return False
    return True


class PgJournal(StoredJournal):
    """The journal of one meeting on PostgreSQL."""

    archive: PgArchive

    def __init__(self, archive: PgArchive, meeting_id: int) -> None:
        super().__init__(archive, meeting_id)
        self._doubt: Doubt | None = None

    def _doubtful(self) -> JournalUnavailable:
        return JournalUnavailable(t("trust.server_doubt", path=self.archive.shown))

    def _committed(self, doubt: Doubt, patient: bool) -> bool:
        """Whether the doubtful write is in the archive; :class:`JournalUnavailable`
        while the server cannot say (unreachable, or still finishing it)."""
        run = self.archive.conn.execute if patient else self.archive.conn.execute_now
        (status,) = run("SELECT pg_xact_status(?::xid8)", (doubt.xid,)).fetchone()
        if status == "in progress":
            raise self._doubtful()
        if status is None:  # too old to be remembered: look for its rows
            seqs = [event.seq for event in doubt.written]
            (found,) = run("SELECT count(*) FROM journal WHERE seq = ANY(?)", (seqs,)).fetchone()
            return bool(found)
        return bool(status == "committed")

    def _settle(self, patient: bool) -> Doubt | None:
        """The doubtful write if it was committed (not yet claimed), else None."""
        doubt = self._doubt
        if doubt is None:
            return None
        if doubt.committed_at is None:
            if not self._committed(doubt, patient):
                self._doubt = None
                return None
            doubt.committed_at = time.monotonic()
        return doubt

    def read(self, after: int = 0) -> list[Event]:
        doubt = self._settle(patient=False)
        if doubt is not None:
            assert doubt.committed_at is not None
            if time.monotonic() - doubt.committed_at < HOLD_SECONDS:
                raise self._doubtful()
            self._doubt = None  # nobody came back for it: it is just the journal now
        return super().read(after)

    def _claim(self, events: Sequence[Event], expected_last: int | None, wait: bool) -> list[Event]:
        """Before writing: a doubtful write of the same events is this one, written."""
        doubt = self._settle(patient=wait)
        if doubt is None:
            return []
        self._doubt = None
        if _same(doubt.written, events):
            return doubt.written
        if expected_last is not None:
            raise JournalMoved()  # the journal holds more than the caller has seen
        return []

    def _written(self, doubt: Doubt, wait: bool) -> list[Event]:
        """Right after a commit in doubt: ask at once (often the server is back)."""
        self._doubt = doubt
        try:
            settled = self._settle(patient=wait)
        except JournalUnavailable:
            raise self._doubtful() from None
        if settled is None:  # rolled back: the retry writes it
            raise JournalUnavailable(
                t("trust.server_lost", path=self.archive.shown, reason="rolled back")
            )
        self._doubt = None
        return settled.written

    def _append(
        self, events: Sequence[Event], expected_last: int | None, wait: bool
    ) -> list[Event]:
        claimed = self._claim(events, expected_last, wait)
        if claimed:
            return claimed
        xid = ""
        written: list[Event] = []
        try:
            with self.archive.transaction(wait) as conn:
                xid = self.lock_meeting(conn) or ""
                self._check_last(conn, expected_last)
                written = self._insert(conn, events)
        except CommitInDoubt:
            return self._written(Doubt(xid, written), wait)
        return written

    def _close(self, event: MeetingClosed, minutes: Minutes, expected_last: int | None) -> Event:
        claimed = self._claim([event], expected_last, wait=True)
        if claimed:
            return claimed[0]
        xid = ""
        written: list[Event] = []
        try:
            with self.archive.transaction() as conn:
                xid = self.lock_meeting(conn) or ""
                written = [self._close_in(conn, event, minutes, expected_last)]
        except CommitInDoubt:
            return self._written(Doubt(xid, written), True)[0]
        return written[0]
