"""The journal of one meeting: events appended, one command per transaction.

Written the moment they happen (WAL, synchronous=FULL), so a crash or a kill
loses nothing acknowledged; the close and the minutes tables go in one
transaction with it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from facilitator.core.i18n import t
from facilitator.meeting.events import EVENT_TYPES, Event, MeetingClosed
from facilitator.meeting.journal import JournalGone, JournalMoved, JournalUnavailable
from facilitator.meeting.minutes import Minutes
from store.codec import decode_event, encode_payload
from store.errors import ArchiveError
from store.files import write_failure
from store.minutes import iso, write_minutes

if TYPE_CHECKING:
    from store.archive import Archive


class SqliteJournal:
    """The journal of one meeting in an :class:`Archive`."""

    def __init__(self, archive: Archive, meeting_id: int) -> None:
        self.archive = archive
        self.meeting_id = meeting_id

    def read(self, after: int = 0) -> list[Event]:
        rows = self.archive.patiently(
            lambda: self.archive.conn.execute(
                "SELECT seq, at, kind, payload, grp FROM journal "
                "WHERE meeting_id = ? AND seq > ? ORDER BY seq",
                (self.meeting_id, after),
            ).fetchall()
        )
        return [self._decode(*row) for row in rows]

    def _decode(self, seq: int, at: str, kind: str, payload: str, grp: int | None) -> Event:
        """One journal row as an event; a row this version cannot read is a clear error."""
        if kind not in EVENT_TYPES:
            raise ArchiveError(t("archive.newer_schema", path=self.archive.path))
        try:
            return decode_event(kind, payload, at, seq, grp or 0)
        except (ValueError, TypeError, KeyError, AttributeError) as exc:
            reason = f"journal {seq}: {type(exc).__name__}"
            path = self.archive.path
            raise ArchiveError(t("archive.corrupt", path=path, reason=reason)) from None

    def _insert(self, conn: sqlite3.Connection, events: Sequence[Event]) -> list[Event]:
        written: list[Event] = []
        group = 0
        for event in events:
            cursor = conn.execute(
                "INSERT INTO journal (meeting_id, at, kind, payload, grp) VALUES (?, ?, ?, ?, ?)",
                (
                    self.meeting_id,
                    iso(event.at),
                    event.kind,
                    encode_payload(event),
                    group or None,
                ),
            )
            seq = int(cursor.lastrowid or 0)
            group = group or seq
            written.append(replace(event, seq=seq, group=group))
        return written

    def append(
        self, events: Sequence[Event], expected_last: int | None = None, wait: bool = True
    ) -> list[Event]:
        try:
            with self.archive.transaction(wait) as conn:
                self._check_last(conn, expected_last)
                return self._insert(conn, events)
        except sqlite3.OperationalError as exc:
            # A full disk or failing storage: nothing was written (the
            # transaction rolled back); the room keeps the line and tries again.
            raise JournalUnavailable(write_failure(exc, self.archive.path)) from None

    def _check_last(self, conn: sqlite3.Connection, expected_last: int | None) -> None:
        """Inside the write lock: has anyone written to this meeting since?"""
        if expected_last is None:
            return
        (last,) = conn.execute(
            "SELECT COALESCE(MAX(seq), 0) FROM journal WHERE meeting_id = ?", (self.meeting_id,)
        ).fetchone()
        if last != expected_last:
            raise JournalMoved()

    def close(
        self, event: MeetingClosed, minutes: Minutes, expected_last: int | None = None
    ) -> Event:
        try:
            return self._close(event, minutes, expected_last)
        except sqlite3.OperationalError as exc:
            raise JournalUnavailable(write_failure(exc, self.archive.path)) from None

    def _close(self, event: MeetingClosed, minutes: Minutes, expected_last: int | None) -> Event:
        with self.archive.transaction() as conn:
            self._check_last(conn, expected_last)
            status = conn.execute(
                "SELECT status FROM meetings WHERE id = ?", (self.meeting_id,)
            ).fetchone()
            if status and status[0] == "closed":
                raise ArchiveError(t("archive.already_closed"))
            (written,) = self._insert(conn, [event])
            write_minutes(conn, self.meeting_id, minutes)
        # Fold the log into the file now: a plain copy of archive.db made after
        # the meeting then holds every line (it did not while they sat in the WAL).
        self.archive.checkpoint()
        return written


class FollowedJournal:
    """One meeting's journal read by a follower (the projector, the notebook).

    Any error reading the file just now (busy, being checkpointed, a moment
    of I/O trouble) is :class:`JournalUnavailable`: the follower asks again
    at its next poll and keeps showing what it has.
    """

    def __init__(self, archive: Archive, meeting_id: int) -> None:
        self.archive = archive
        self.meeting_id = meeting_id
        self._journal = archive.journal(meeting_id)

    def read(self, after: int = 0) -> list[Event]:
        """Events with ``seq`` greater than ``after``, oldest first."""
        try:
            return self._journal.read(after)
        except sqlite3.Error as exc:
            raise JournalUnavailable(str(exc)) from None

    def version(self) -> int:
        """Changes when another connection commits (``PRAGMA data_version``).

        Raises :class:`JournalGone` when the file was deleted or replaced under
        the follower: what it shows is then no longer the archive's.
        """
        gone = self.archive.file_gone()
        if gone is not None:
            raise JournalGone(t(f"archive.file_{gone}", path=self.archive.path))
        try:
            if self.archive.reopen_if_written():
                self._journal = self.archive.journal(self.meeting_id)
                return -1  # surely new: read what the writer added
            return self.archive.data_version()
        except sqlite3.Error as exc:
            raise JournalUnavailable(str(exc)) from None
