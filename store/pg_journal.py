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
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from facilitator.core.i18n import t
from facilitator.meeting.events import Event, MeetingClosed
from facilitator.meeting.journal import JournalMoved, JournalUnavailable
from facilitator.meeting.minutes import Minutes
from store.codec import encode_payload
from store.journal import StoredJournal
from store.minutes import iso
from store.pg_connection import CommitInDoubt
from store.postgres import NO_WAIT_LOCK_MS

if TYPE_CHECKING:
    from store.postgres import PgArchive

HOLD_SECONDS = 30.0
"""How long a write known to be committed waits for the room's retry to claim it
before reads show it anyway (a write nobody retries: the roll call's keys)."""


@dataclass
class Doubt:
    """A write whose commit was never confirmed."""

    xid: str
    events: list[Event]
    first_seq: int
    """The number the server gave its first event (the others carry it as ``grp``)."""
    committed_at: float | None = None
    """``time.monotonic()`` when the server said it was committed."""
    written: list[Event] = field(default_factory=list)
    """The events as the archive holds them, once known to be committed."""


LOCK = "SELECT pg_current_xact_id()::text FROM meetings WHERE id = ? FOR UPDATE"
INSERT = (
    "INSERT INTO journal (meeting_id, at, kind, payload, grp) VALUES (?, ?, ?, ?, ?) RETURNING seq"
)
# Run after LOCK, as a statement of its own: it sees every append committed
# before this one took the meeting's lock.
INSERT_IF_LAST = (
    "INSERT INTO journal (meeting_id, at, kind, payload) SELECT ?, ?, ?, ? "
    "WHERE (SELECT COALESCE(MAX(seq), 0) FROM journal WHERE meeting_id = ?) = ? RETURNING seq"
)


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
        self._own_write: tuple[int, list[Event]] | None = None
        """(``expected_last``, the events written after it) of the last checked append:
        under the meeting's lock nothing else came between, so a read after
        ``expected_last`` is answered without asking the server again."""

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
            found = run("SELECT 1 FROM journal WHERE seq = ?", (doubt.first_seq,)).fetchone()
            committed = found is not None
        else:
            committed = status == "committed"
        if committed:
            rows = run(
                "SELECT seq FROM journal WHERE seq = ? OR grp = ? ORDER BY seq",
                (doubt.first_seq, doubt.first_seq),
            ).fetchall()
            doubt.written = [
                replace(event, seq=int(seq), group=doubt.first_seq)
                for event, (seq,) in zip(doubt.events, rows, strict=True)
            ]
        return committed

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
        own, self._own_write = self._own_write, None
        if own is not None and own[0] == after:
            return list(own[1])
        return super().read(after)

    def _claim(self, events: Sequence[Event], expected_last: int | None, wait: bool) -> list[Event]:
        """Before writing: a doubtful write of the same events is this one, written."""
        doubt = self._settle(patient=wait)
        if doubt is None:
            return []
        self._doubt = None
        if _same(doubt.events, events):
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

    def _values(self, event: Event) -> tuple[object, ...]:
        at = iso(event.at)
        return (self.meeting_id, at, event.kind, encode_payload(event))

    def _append(
        self, events: Sequence[Event], expected_last: int | None, wait: bool
    ) -> list[Event]:
        """Two round trips: the meeting's lock and the first event (written only if
        the journal still ends at ``expected_last``), then the rest and the commit."""
        claimed = self._claim(events, expected_last, wait)
        if claimed or not events:
            return claimed
        conn = self.archive.conn
        first, *rest = events
        if expected_last is None:
            insert = (INSERT, (*self._values(first), None))
        else:
            insert = (INSERT_IF_LAST, (*self._values(first), self.meeting_id, expected_last))
        lock_ms = None if wait else NO_WAIT_LOCK_MS
        bound, (locked, inserted) = conn.begin_batch(
            wait, lock_ms, [(LOCK, (self.meeting_id,)), insert]
        )
        if not inserted:
            conn.rollback(bound)
            raise JournalMoved()
        xid = str(locked[0][0]) if locked else ""
        first_seq = int(inserted[0][0])
        try:
            seqs = conn.commit_batch(
                bound, [(INSERT, (*self._values(event), first_seq)) for event in rest]
            )
        except CommitInDoubt:
            return self._written(Doubt(xid, list(events), first_seq), wait)
        numbers = [first_seq, *(int(rows[0][0]) for rows in seqs)]
        written = [
            replace(event, seq=seq, group=first_seq)
            for event, seq in zip(events, numbers, strict=True)
        ]
        if expected_last is not None:
            self._own_write = (expected_last, written)
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
            return self._written(Doubt(xid, [event], written[0].seq), True)[0]
        return written[0]
