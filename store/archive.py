"""One SQLite archive for every meeting: the journal and the minutes tables.

Events are written, one command per transaction, the moment they happen
(WAL, synchronous=FULL), so a crash or a kill loses nothing acknowledged.
Closing a meeting writes its minutes tables and the close event in one
transaction: all or nothing.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import pendulum
from pendulum import DateTime

from facilitator.core.i18n import t
from facilitator.core.zones import zone
from facilitator.meeting.journal import JournalUnavailable
from store.errors import ArchiveError
from store.files import backup_to, connect, opening_error, reads_as_immutable, writer_present
from store.minutes import iso
from store.versions import KNOWN, MIGRATION_SET

if TYPE_CHECKING:
    from sqlite_utils import Database

    from facilitator.app.selection import MeetingStanding
    from facilitator.meeting.agenda import Agenda
    from facilitator.meeting.minutes import Minutes
    from facilitator.meeting.state import MeetingState
    from store.journal import SqliteJournal

# The events, the fold and the minutes are imported where they are used: a
# command that only lists rows (tasks, search, meetings) starts without them.

T = TypeVar("T")

BUSY_TIMEOUT_MS = 10_000
"""How long a write waits for another terminal's write before giving up."""
BUSY_TIMEOUT_ENV = "FACILITATOR_BUSY_TIMEOUT_MS"
BUSY_RETRIES = 8
"""SQLite answers "busy" without waiting in a few cases (a snapshot gone stale,
recovery after a crash in another process): those are retried briefly, within
the same busy timeout, never past it."""


def default_busy_timeout_ms() -> int:
    """The busy timeout: ``FACILITATOR_BUSY_TIMEOUT_MS`` if set (tests keep it short)."""
    value = os.environ.get(BUSY_TIMEOUT_ENV, "")
    return int(value) if value.isdigit() else BUSY_TIMEOUT_MS


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return (stat.st_dev, stat.st_ino)


def _is_busy(error: sqlite3.Error) -> bool:
    message = str(error).lower()
    return "locked" in message or "busy" in message


def _retrying(
    action: Callable[[], T], path: Path, conn: sqlite3.Connection, budget_ms: int, busy_ms: int
) -> T:
    """Run ``action``, waiting at most ``budget_ms`` in all for another program's lock,
    then give up with :class:`JournalUnavailable` (nothing was written).

    SQLite's own busy timeout does the waiting; it is set to what is left of the
    budget before each attempt, so retries never add up past it (five retries of
    a full timeout each once froze the room for 51 s).
    """
    deadline = time.monotonic() + budget_ms / 1000
    attempt = 0
    while True:
        left_ms = max(0, int((deadline - time.monotonic()) * 1000))
        conn.execute(f"PRAGMA busy_timeout = {left_ms}")
        try:
            return action()
        except sqlite3.OperationalError as exc:
            if not _is_busy(exc):
                raise
            left = deadline - time.monotonic()
            if left <= 0 or attempt >= BUSY_RETRIES:
                raise JournalUnavailable(t("trust.archive_busy", path=path)) from None
            time.sleep(min(0.01 * 2**attempt, left))
            attempt += 1
        finally:
            conn.execute(f"PRAGMA busy_timeout = {busy_ms}")


@dataclass(frozen=True)
class MeetingRow:
    """A meeting as listed in the archive."""

    id: int
    key: str
    title: str
    start: str
    """UTC ISO 8601, as stored (see :meth:`local_start`)."""
    status: str
    closed_at: str | None
    timezone: str = "UTC"
    """The meeting's zone: an IANA name or a fixed offset like ``+01:00``."""

    @property
    def is_closed(self) -> bool:
        return self.status == "closed"

    @property
    def local_start(self) -> DateTime:
        """The start in the meeting's own zone."""
        return pendulum.instance(dt.datetime.fromisoformat(self.start)).in_timezone(
            zone(self.timezone)
        )


def _matching(rows: list[MeetingRow], reference: str) -> list[MeetingRow]:
    """Meetings named by id, else by key, else by their whole title, else by part of
    it (any case)."""
    if reference.isdigit():
        return [m for m in rows if m.id == int(reference)]
    found = [m for m in rows if m.key == reference]
    if not found:
        # A whole title names its meeting even when it is part of another's
        # ("Q3 sync" and "Q3 sync · follow-up 2026-03-09").
        needle = reference.strip().casefold()
        found = [m for m in rows if m.title.casefold() == needle]
    if not found:
        found = [m for m in rows if needle in m.title.casefold()]
    return found


def _instant(value: str, path: Path) -> DateTime:
    """A stored ISO 8601 time as an instant (text with different offsets sorts wrongly)."""
    try:
        parsed = pendulum.parse(value)
    except (ValueError, pendulum.parsing.exceptions.ParserError):
        parsed = None
    if not isinstance(parsed, DateTime):
        raise ArchiveError(t("archive.corrupt", path=path, reason=f"meetings: {value!r}"))
    return parsed


class Archive:
    """An open archive file. Use :meth:`open`; close it when done."""

    def __init__(
        self,
        path: Path,
        conn: sqlite3.Connection,
        busy_ms: int = BUSY_TIMEOUT_MS,
        read_only: bool = False,
    ) -> None:
        self.read_only = read_only
        self.immutable = False
        """Read as a file nobody writes (see :func:`store.files.writer_present`)."""
        self.path = path
        self.identity = _identity(path)
        """The file opened (device, inode): another file put in its place is noticed."""
        self.conn = conn
        self._db: Database | None = None
        self.busy_ms = busy_ms

    # -- opening ---------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: str | Path,
        busy_timeout_ms: int | None = None,
        *,
        read_only: bool = False,
        create: bool = True,
        live: bool = False,
    ) -> Archive:
        """Open the archive at ``path`` and bring its tables up to date.

        ``create``: make a new archive (mode 0600) when there is none; else a
        missing file is an :class:`ArchiveError` (a typo must not start one).
        ``read_only``: SQLite itself refuses every write (the follow view,
        minutes, task lists): nothing is migrated, switched or checkpointed,
        an archive from an older version is refused with the command that
        upgrades it, and a read-only file or directory still opens. ``live``:
        a reader that stays open (the follow view, the notebook) and must see
        what is written after it opened.
        ``busy_timeout_ms``: how long to wait for another program's write
        (default :func:`default_busy_timeout_ms`).
        """
        path = Path(path).expanduser()
        busy_ms = busy_timeout_ms if busy_timeout_ms is not None else default_busy_timeout_ms()
        immutable = read_only and reads_as_immutable(path, live)
        conn = connect(
            path, busy_ms, read_only=read_only, create=create and not read_only, live=live
        )
        archive = cls(path, conn, busy_ms, read_only=read_only)
        archive.immutable = immutable
        try:
            archive.patiently(archive._prepare)
        except JournalUnavailable:
            conn.close()
            raise ArchiveError(t("archive.locked", path=path)) from None
        except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
            # A damaged file can hold a table's name as bytes that are not UTF-8.
            conn.close()
            raise opening_error(exc, path) from None
        except ArchiveError:
            conn.close()
            raise
        return archive

    @property
    def db(self) -> Database:
        """The archive through sqlite-utils (imported on first use: the room never needs it)."""
        if self._db is None:
            from sqlite_utils import Database

            self._db = Database(self.conn)
        return self._db

    def patiently(self, action: Callable[[], T], wait: bool = True) -> T:
        """Run ``action``, waiting for another program's lock up to the busy timeout
        (not at all with ``wait=False``); :class:`JournalUnavailable` if it stays busy."""
        budget = self.busy_ms if wait else 0
        return _retrying(action, self.path, self.conn, budget, self.busy_ms)

    def _prepare(self) -> None:
        self.conn.execute("PRAGMA foreign_keys = ON")
        # Integrity check before anything writes: a damaged file must stay untouched.
        self.conn.execute("PRAGMA schema_version").fetchone()
        if self.read_only:
            if self._pending_migrations():
                raise ArchiveError(t("archive.too_old", path=self.path))
            return
        if self._pending_migrations():
            # Two terminals may open a new archive at once: the first to take
            # the write lock migrates, the other waits and then finds it done.
            with self.transaction():
                if self._pending_migrations():
                    from store.schema import migrations

                    migrations.apply(self.db)
        if self.conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            self.conn.execute("PRAGMA journal_mode = WAL")
        self.conn.execute("PRAGMA synchronous = FULL")

    def _pending_migrations(self) -> bool:
        """True if this archive needs migrating; refuses one from a newer version."""
        applied = set(self._applied())
        if applied - set(KNOWN):
            raise ArchiveError(t("archive.newer_schema", path=self.path))
        if not applied and self._has_foreign_tables():
            # Another program's database: adding our tables to it would change it.
            raise ArchiveError(t("trust.foreign_database", path=self.path))
        return bool(set(KNOWN) - applied)

    def _has_foreign_tables(self) -> bool:
        (count,) = self.conn.execute(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite_%' AND name != '_sqlite_migrations'"
        ).fetchone()
        return count > 0

    def close(self) -> None:
        self.conn.close()

    def file_gone(self) -> str | None:
        """ "deleted" or "replaced" when the archive's file is no longer the one opened."""
        now = _identity(self.path)
        if now is None:
            return "deleted"
        return "replaced" if now != self.identity else None

    def reopen_if_written(self) -> bool:
        """A reader opened while nobody wrote reads the file as immutable: once a
        room starts writing, open it again so its lines are seen. True if reopened."""
        if not (self.immutable and writer_present(self.path)):
            return False
        self.conn.close()
        self.conn = connect(self.path, self.busy_ms, read_only=True, create=False, live=True)
        self._db = None
        self.immutable = False
        return True

    def checkpoint(self) -> None:
        """Fold the write-ahead log into the file (after a close: a plain copy of
        the file then holds every line). Never waits for a reader."""
        if not self.read_only:
            self.conn.execute("PRAGMA wal_checkpoint(PASSIVE)")

    def backup(self, target: Path) -> None:
        """A consistent copy of the whole archive (log included) at ``target``, 0600.

        SQLite's online backup: safe while a room is writing.
        """
        backup_to(self.conn, target)

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self, wait: bool = True) -> Iterator[sqlite3.Connection]:
        """A write transaction taken at once (IMMEDIATE), so writers queue, not fail.

        Raises :class:`JournalUnavailable` (nothing written) if another program
        keeps the archive busy past the timeout (at once with ``wait=False``):
        every writer, not only the journal, gets the one clear message instead
        of "database is locked". Once the lock is held nothing inside waits.
        """
        self.patiently(lambda: self.conn.execute("BEGIN IMMEDIATE"), wait)
        try:
            yield self.conn
            self.conn.execute("COMMIT")
        except BaseException:
            # Also when COMMIT itself failed: never leave a transaction open.
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise

    def _applied(self) -> list[str]:
        """Names of the migrations applied, in order (plain SQL: no sqlite-utils at start)."""
        exists = self.conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_sqlite_migrations'"
        ).fetchone()
        if not exists:
            return []
        rows = self.conn.execute(
            "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY rowid",
            (MIGRATION_SET,),
        ).fetchall()
        return [name for (name,) in rows]

    @property
    def schema_version(self) -> int:
        return len(self._applied())

    @property
    def migration_set(self) -> str:
        return MIGRATION_SET

    # -- meetings --------------------------------------------------------------

    def meetings(self) -> list[MeetingRow]:
        """Every meeting, oldest start first."""
        rows = self.conn.execute(
            "SELECT id, key, title, start, status, closed_at, COALESCE(timezone, 'UTC') "
            "FROM meetings ORDER BY start, id"
        ).fetchall()
        return [MeetingRow(*row) for row in rows]

    def find(
        self,
        reference: str | None = None,
        *,
        closed: bool | None = None,
        now: DateTime | None = None,
    ) -> MeetingRow:
        """A meeting by id, key or (part of) title; without one, the meeting meant.

        ``closed`` restricts to closed (True) or not-yet-closed (False) meetings.
        With no reference the rule is :func:`facilitator.app.selection.default_meeting`
        (the one in progress first), as of ``now`` (default: the wall clock).
        """
        every = self.meetings()
        rows = [m for m in every if closed is None or m.is_closed == closed]
        if reference is None or reference == "":
            from facilitator.app.selection import default_meeting

            chosen = default_meeting(self.standings(), now or pendulum.now("UTC"), closed)
            if chosen is None:
                raise ArchiveError(
                    t(
                        "archive.no_meetings"
                        if closed is None
                        else "archive.no_closed"
                        if closed
                        else "archive.no_open"
                    )
                )
            return next(m for m in rows if m.id == chosen.id)
        found = _matching(rows, reference)
        if not found:
            # It may exist but be in the other state: say that, not "no meeting matches".
            other = _matching(every, reference)
            if len(other) == 1:
                key = "archive.still_open" if closed else "archive.is_closed"
                raise ArchiveError(t(key, id=other[0].id, title=other[0].title))
            raise ArchiveError(t("archive.no_such_meeting", reference=reference))
        if len(found) > 1:
            listing = "; ".join(
                f"{m.id}: {m.title} ({m.local_start.format('YYYY-MM-DD HH:mm')})" for m in found
            )
            raise ArchiveError(t("archive.ambiguous_meeting", reference=reference, matches=listing))
        return found[0]

    def standings(self) -> list[MeetingStanding]:
        """Every meeting with what choosing among them needs: times, opened, last activity."""
        from facilitator.app.selection import MeetingStanding

        rows = self.conn.execute(
            "SELECT m.id, m.start, m.end, m.status, m.closed_at, "
            "COALESCE(MAX(j.seq), 0), "
            "COALESCE(MAX(j.kind IN ('meeting_opened', 'topic_started')), 0) "
            "FROM meetings m LEFT JOIN journal j ON j.meeting_id = m.id GROUP BY m.id"
        ).fetchall()
        return [
            MeetingStanding(
                id=meeting_id,
                start=_instant(start, self.path),
                end=_instant(end, self.path),
                opened=bool(opened) or status == "closed",
                closed_at=_instant(closed_at or end, self.path) if status == "closed" else None,
                last_activity=last,
            )
            for meeting_id, start, end, status, closed_at, last, opened in rows
        ]

    def find_by_key(self, key: str) -> MeetingRow | None:
        return next((m for m in self.meetings() if m.key == key), None)

    def create_meeting(self, agenda: Agenda, now: DateTime) -> SqliteJournal:
        """A new meeting in the archive, its journal begun with the agenda."""
        return self._create_meeting(agenda, now)

    def _create_meeting(self, agenda: Agenda, now: DateTime) -> SqliteJournal:
        from facilitator.meeting.events import MeetingCreated
        from store.codec import encode_payload
        from store.journal import SqliteJournal
        from store.views import add_zone

        created = MeetingCreated(at=now, agenda=agenda)
        with self.transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO meetings (key, title, goal, kind, start, end, timezone, place, "
                "online, rsvp_by, language, status, created_at, host, recorder, agenda, series) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'planned', ?, ?, ?, ?, ?)",
                (
                    agenda.key,
                    agenda.title,
                    agenda.goal,
                    agenda.kind,
                    iso(agenda.start),
                    iso(agenda.end),
                    agenda.timezone,
                    agenda.place,
                    agenda.online,
                    iso(agenda.rsvp_by),
                    agenda.language,
                    iso(now),
                    ", ".join(p.name for p in agenda.with_role("host")),
                    ", ".join(p.name for p in agenda.with_role("recorder")),
                    json.dumps(agenda.to_dict(), ensure_ascii=False),
                    agenda.series_name,
                ),
            )
            meeting_id = int(cursor.lastrowid or 0)
            conn.execute(
                "INSERT INTO journal (meeting_id, at, kind, payload) VALUES (?, ?, ?, ?)",
                (meeting_id, iso(now), created.kind, encode_payload(created)),
            )
            add_zone(conn, agenda.timezone)
        return SqliteJournal(self, meeting_id)

    def journal(self, meeting_id: int) -> SqliteJournal:
        from store.journal import SqliteJournal

        return SqliteJournal(self, meeting_id)

    def state(self, meeting_id: int) -> MeetingState:
        """The meeting's state after all its events."""
        from facilitator.meeting.fold import fold

        return fold(self.journal(meeting_id).read())

    def minutes(self, meeting_id: int, now: DateTime | None = None) -> Minutes:
        """The minutes of a meeting, from its journal (as of its close, or ``now``)."""
        from facilitator.meeting.minutes import build_minutes

        state = self.state(meeting_id)
        instant = state.closed_at or now
        if instant is None:
            raise ArchiveError(t("archive.not_closed", title=state.agenda.title))
        return build_minutes(state, instant)

    def data_version(self) -> int:
        """Changes when another connection commits: a cheap "anything new?"."""
        return int(self.conn.execute("PRAGMA data_version").fetchone()[0])
