"""The journal of one meeting: events appended, one command per transaction.

The same code on both engines (:class:`store.archive.Archive` says how each
locks and fails). An append is acknowledged once it is durable (committed,
on disk); the appends of one meeting happen one after another, each checked
against the last event its writer had seen (``expected_last``), so two
terminals never write one meeting from different views of it. The close and
the minutes tables go in one transaction with it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from facilitator.core.i18n import t
from facilitator.meeting.events import EVENT_TYPES, Event, MeetingClosed
from facilitator.meeting.journal import JournalGone, JournalMoved, JournalUnavailable
from facilitator.meeting.minutes import Minutes
from store.codec import decode_event, encode_payload
from store.errors import ArchiveError
from store.minutes import iso, write_minutes
from store.sql import Connection

if TYPE_CHECKING:
    from store.archive import Archive

READ = (
    "SELECT seq, at, kind, payload, grp FROM journal WHERE meeting_id = ? AND seq > ? ORDER BY seq"
)


class StoredJournal:
    """The journal of one meeting in an :class:`Archive`."""

    def __init__(self, archive: Archive, meeting_id: int) -> None:
        self.archive = archive
        self.meeting_id = meeting_id

    def read(self, after: int = 0) -> list[Event]:
        rows = self.archive.read_now(READ, (self.meeting_id, after))
        return [self._decode(*row) for row in rows]

    def _decode(self, seq: int, at: str, kind: str, payload: str, grp: int | None) -> Event:
        """One journal row as an event; a row this version cannot read is a clear error."""
        if kind not in EVENT_TYPES:
            raise ArchiveError(t("archive.newer_schema", path=self.archive.shown))
        try:
            return decode_event(kind, payload, at, seq, grp or 0)
        except (ValueError, TypeError, KeyError, AttributeError) as exc:
            reason = f"journal {seq}: {type(exc).__name__}"
            raise ArchiveError(
                t("archive.corrupt", path=self.archive.shown, reason=reason)
            ) from None

    def _insert(self, conn: Connection, events: Sequence[Event]) -> list[Event]:
        written: list[Event] = []
        group = 0
        for event in events:
            (seq,) = conn.execute(
                "INSERT INTO journal (meeting_id, at, kind, payload, grp) VALUES (?, ?, ?, ?, ?) "
                "RETURNING seq",
                (
                    self.meeting_id,
                    iso(event.at),
                    event.kind,
                    encode_payload(event),
                    group or None,
                ),
            ).fetchone()
            group = group or int(seq)
            written.append(replace(event, seq=int(seq), group=group))
        return written

    def _check_last(self, conn: Connection, expected_last: int | None) -> None:
        """Inside the meeting's lock: has anyone written to this meeting since?"""
        if expected_last is None:
            return
        (last,) = conn.execute(
            "SELECT COALESCE(MAX(seq), 0) FROM journal WHERE meeting_id = ?", (self.meeting_id,)
        ).fetchone()
        if last != expected_last:
            raise JournalMoved()

    def _failing(self, error: Exception) -> Exception:
        """A write that failed, as the room must hear it (nothing written: try again)."""
        unavailable = self.archive.write_failure(error)
        return error if unavailable is None else unavailable

    def append(
        self, events: Sequence[Event], expected_last: int | None = None, wait: bool = True
    ) -> list[Event]:
        """See :meth:`facilitator.meeting.journal.Journal.append`."""
        try:
            return self._append(events, expected_last, wait)
        except Exception as exc:
            failing = self._failing(exc)
            if failing is exc:
                raise
            raise failing from None

    def _append(
        self, events: Sequence[Event], expected_last: int | None, wait: bool
    ) -> list[Event]:
        with self.archive.transaction(wait) as conn:
            self.lock_meeting(conn)
            self._check_last(conn, expected_last)
            return self._insert(conn, events)

    def lock_meeting(self, conn: Connection) -> Any:
        """Keep every other writer of this meeting out until the transaction ends."""
        return self.archive.lock_meeting(conn, self.meeting_id)

    def close(
        self, event: MeetingClosed, minutes: Minutes, expected_last: int | None = None
    ) -> Event:
        """See :meth:`facilitator.meeting.journal.Journal.close`."""
        try:
            written = self._close(event, minutes, expected_last)
        except Exception as exc:
            failing = self._failing(exc)
            if failing is exc:
                raise
            raise failing from None
        # Fold the log into the file now: a plain copy of archive.db made after
        # the meeting then holds every line (it did not while they sat in the WAL).
        self.archive.checkpoint()
        return written

    def _close(self, event: MeetingClosed, minutes: Minutes, expected_last: int | None) -> Event:
        with self.archive.transaction() as conn:
            self.lock_meeting(conn)
            return self._close_in(conn, event, minutes, expected_last)

    def _close_in(
        self, conn: Connection, event: MeetingClosed, minutes: Minutes, expected_last: int | None
    ) -> Event:
        """The close, inside the transaction that holds the meeting's lock."""
        self._check_last(conn, expected_last)
        status = conn.execute(
            "SELECT status FROM meetings WHERE id = ?", (self.meeting_id,)
        ).fetchone()
        if status and status[0] == "closed":
            raise ArchiveError(t("archive.already_closed"))
        (written,) = self._insert(conn, [event])
        write_minutes(conn, self.meeting_id, minutes)
        return written


SqliteJournal = StoredJournal
"""The name this class had when SQLite was the only engine."""


class FollowedJournal:
    """One meeting's journal read by a follower (the projector, the notebook).

    Any error reading the archive just now (busy, being checkpointed, the
    server's connection lost) is :class:`JournalUnavailable`: the follower
    asks again at its next poll and keeps showing what it has.
    """

    def __init__(self, archive: Archive, meeting_id: int) -> None:
        self.archive = archive
        self.meeting_id = meeting_id
        self._journal = archive.journal(meeting_id)

    def read(self, after: int = 0) -> list[Event]:
        """Events with ``seq`` greater than ``after``, oldest first."""
        try:
            return self._journal.read(after)
        except self.archive.read_errors as exc:
            raise JournalUnavailable(str(exc)) from None

    def version(self) -> int:
        """Moves when the journal may have grown: SQLite's ``PRAGMA data_version``
        (any commit by another connection), PostgreSQL's notifications for this
        meeting (:meth:`store.archive.Archive.changes`). No rows are read.

        Raises :class:`JournalGone` when the file was deleted or replaced under
        the follower: what it shows is then no longer the archive's.
        """
        gone = self.archive.file_gone()
        if gone is not None:
            raise JournalGone(t(f"archive.file_{gone}", path=self.archive.shown))
        try:
            if self.archive.reopen_if_written():
                self._journal = self.archive.journal(self.meeting_id)
                return -1  # surely new: read what the writer added
            return self.archive.changes(self.meeting_id)
        except self.archive.read_errors as exc:
            raise JournalUnavailable(str(exc)) from None
