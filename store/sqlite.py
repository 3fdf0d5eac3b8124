"""The archive as one SQLite file: the embedded default.

WAL with ``synchronous=FULL``: a committed event survives a crash or a kill.
Writers take the whole file's write lock (``BEGIN IMMEDIATE``) and queue for
it up to the busy timeout; followers ask ``PRAGMA data_version`` whether
another connection committed.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from facilitator.core.i18n import t
from facilitator.meeting.journal import JournalUnavailable
from store.archive import BUSY_TIMEOUT_MS, Archive
from store.errors import ArchiveError
from store.files import (
    backup_to,
    connect,
    opening_error,
    reads_as_immutable,
    writer_present,
)
from store.files import write_failure as failure_reason
from store.sql import Dialect

if TYPE_CHECKING:
    from sqlite_utils import Database

T = TypeVar("T")

BUSY_RETRIES = 8
"""SQLite answers "busy" without waiting in a few cases (a snapshot gone stale,
recovery after a crash in another process): those are retried briefly, within
the same busy timeout, never past it."""


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


class SqliteArchive(Archive):
    """An open archive file. Use :meth:`Archive.open`; close it when done."""

    dialect: Dialect = "sqlite"
    conn: sqlite3.Connection
    read_errors = (sqlite3.Error,)

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
        self.location = path
        self.identity = _identity(path)
        """The file opened (device, inode): another file put in its place is noticed."""
        self.conn = conn
        self._db: Database | None = None
        self.busy_ms = busy_ms

    @classmethod
    def open_file(
        cls, path: Path, busy_ms: int, *, read_only: bool, create: bool, live: bool
    ) -> SqliteArchive:
        """Open the file at ``path`` (see :meth:`Archive.open`).

        A read-only file or directory still opens read-only; a short read with no
        writer present leaves nothing beside the file (see :mod:`store.files`).
        """
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
                    self._migrate()
        if self.conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            self.conn.execute("PRAGMA journal_mode = WAL")
        self.conn.execute("PRAGMA synchronous = FULL")

    def _has_foreign_tables(self) -> bool:
        (count,) = self.conn.execute(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite_%' AND name != '_sqlite_migrations'"
        ).fetchone()
        return bool(count > 0)

    def write_failure(self, error: Exception) -> JournalUnavailable | None:
        # A full disk or failing storage: nothing was written (the transaction
        # rolled back); the room keeps the line and tries again.
        if isinstance(error, sqlite3.OperationalError):
            return JournalUnavailable(failure_reason(error, self.path))
        return None

    def close(self) -> None:
        self.conn.close()

    def file_gone(self) -> str | None:
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
        """SQLite's online backup: safe while a room is writing."""
        backup_to(self.conn, target)

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

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """One snapshot of the whole archive for a long read (a copy); rooms may
        write meanwhile (WAL readers do not block writers)."""
        self.patiently(lambda: self.conn.execute("BEGIN"))
        try:
            yield self.conn
        finally:
            if self.conn.in_transaction:
                self.conn.execute("COMMIT")

    @property
    def engine_errors(self) -> tuple[type[Exception], ...]:
        return (sqlite3.Error,)

    def data_version(self) -> int:
        """Changes when another connection commits: a cheap "anything new?"."""
        return int(self.conn.execute("PRAGMA data_version").fetchone()[0])

    def changes(self, meeting_id: int) -> int:
        # SQLite cannot say which meeting: any commit elsewhere moves it.
        return self.data_version()
