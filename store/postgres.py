"""The archive on the organisation's PostgreSQL server (``--db postgresql://...``).

The server does the concurrency: every room and recorder has its own
session; appends to one meeting queue on that meeting's row (``SELECT ...
FOR UPDATE``), so each is checked against the last event and numbered in
order, while other meetings write at once beside it. A commit is
acknowledged once it is on the server's disk. Followers are woken by
``LISTEN facilitator_journal`` (the journal's trigger notifies each new
row's meeting) instead of asking several times a second.

The tables are the same as in an SQLite archive (README, "The archive"),
in the schema the connection works in (``search_path``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from facilitator.app.settings import shown
from facilitator.core.i18n import t
from facilitator.meeting.journal import JournalUnavailable
from store.archive import BUSY_TIMEOUT_MS, Archive
from store.errors import ArchiveError
from store.sql import Dialect

if TYPE_CHECKING:
    from store.journal import StoredJournal
    from store.pg_connection import Bound, PgConnection

T = TypeVar("T")

NO_WAIT_LOCK_MS = 20
"""A write that must not wait (the room's screen) still waits this long for
another terminal's append to the same meeting: one such append takes a few
round trips, and the line would otherwise flicker through "not yet written"."""
MIGRATION_LOCK = 0x46414349
"""Advisory lock key held while migrating ("FACI"): two terminals opening a new
archive at once migrate it once."""


class PgArchive(Archive):
    """An archive in a PostgreSQL database. Use :meth:`Archive.open` with its URL."""

    dialect: Dialect = "postgres"
    conn: PgConnection
    read_errors = (JournalUnavailable,)

    def __init__(
        self,
        url: str,
        conn: PgConnection,
        busy_ms: int = BUSY_TIMEOUT_MS,
        read_only: bool = False,
    ) -> None:
        self.location = url
        self.conn = conn
        self.busy_ms = busy_ms
        self.read_only = read_only
        self._listener: PgConnection | None = None
        self._seen: dict[int, int] = {}
        self._generation = -1

    @classmethod
    def connect(
        cls, url: str, busy_ms: int, *, read_only: bool, create: bool, live: bool
    ) -> PgArchive:
        """Connect to the server at ``url`` and bring the archive's tables up to date
        (see :meth:`Archive.open`). An empty database becomes an archive only with
        ``create``; the server's refusals are one clear line."""
        try:
            import psycopg

            from store.pg_connection import PgConnection, reason
        except ImportError:
            raise ArchiveError(t("archive.no_driver", path=shown(url))) from None
        try:
            conn = PgConnection(url, read_only=read_only, busy_ms=busy_ms)
        except psycopg.Error as exc:
            raise ArchiveError(
                t("archive.server_unreachable", path=shown(url), reason=reason(exc))
            ) from None
        archive = cls(url, conn, busy_ms, read_only=read_only)
        try:
            archive._prepare(create)
        except (JournalUnavailable, ArchiveError) as exc:
            conn.close()
            if isinstance(exc, ArchiveError):
                raise
            raise ArchiveError(str(exc)) from None
        except psycopg.Error as exc:
            conn.close()
            raise ArchiveError(t("archive.failed", path=shown(url), reason=reason(exc))) from None
        return archive

    def _prepare(self, create: bool) -> None:
        if not self._applied() and not (create and not self.read_only):
            if self._is_foreign():
                raise ArchiveError(t("trust.foreign_database", path=self.shown))
            if not self._applied():  # not migrated by another terminal meanwhile
                raise ArchiveError(t("archive.server_empty", path=self.shown))
        if self.read_only:
            if self._pending_migrations():
                raise ArchiveError(t("archive.too_old", path=self.shown))
            return
        if self._pending_migrations():
            with self.transaction() as conn:
                # Two terminals may open a new archive at once: the first to take
                # the lock migrates, the other waits and then finds it done.
                conn.execute(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})")
                if self._pending_migrations_in(conn):
                    from store.migrate import apply
                    from store.schema import MIGRATIONS
                    from store.versions import MIGRATION_SET

                    apply(conn, self.dialect, MIGRATION_SET, MIGRATIONS)

    def _pending_migrations_in(self, conn: Bound) -> bool:
        from store.migrate import applied
        from store.versions import KNOWN, MIGRATION_SET

        return bool(set(KNOWN) - set(applied(conn, self.dialect, MIGRATION_SET)))

    def _has_foreign_tables(self) -> bool:
        (count,) = self.conn.execute(
            "SELECT count(*) FROM information_schema.tables "
            "WHERE table_schema = current_schema() AND table_name != '_sqlite_migrations'"
        ).fetchone()
        return bool(count > 0)

    def _journal_class(self) -> type[StoredJournal]:
        from store.pg_journal import PgJournal

        return PgJournal

    # -- waiting, locking, failing -------------------------------------------------

    def patiently(self, action: Callable[[], T], wait: bool = True) -> T:
        # The server waits for locks itself (lock_timeout); a lock not granted in
        # time is JournalUnavailable already (store.pg_connection.mapped).
        return action()

    def read_now(self, sql: str, params: tuple[Any, ...]) -> list[Any]:
        return list(self.conn.execute_now(sql, params).fetchall())

    @contextmanager
    def transaction(self, wait: bool = True) -> Iterator[Bound]:
        """A write transaction on the server (see :meth:`PgConnection.transaction`).

        With ``wait=False`` a lock held by another writer is waited for only
        :data:`NO_WAIT_LOCK_MS`, and a lost connection is not made again now.
        """
        with self.conn.transaction(wait, None if wait else NO_WAIT_LOCK_MS) as bound:
            yield bound

    @contextmanager
    def reading(self) -> Iterator[Bound]:
        """One snapshot of the whole archive for a long read (a copy), written meanwhile
        by others as they please."""
        begin = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"
        with self.conn.transaction(True, begin=begin) as bound:
            yield bound

    @property
    def engine_errors(self) -> tuple[type[Exception], ...]:
        import psycopg

        return (psycopg.Error,)

    def lock_meeting(self, conn: Any, meeting_id: int) -> Any:
        """Lock the meeting's row until the transaction ends: its appends queue here,
        other meetings' go on. Returns the transaction's id, for a commit in doubt."""
        row = conn.execute(
            "SELECT pg_current_xact_id()::text FROM meetings WHERE id = ? FOR UPDATE",
            (meeting_id,),
        ).fetchone()
        return row[0] if row else None

    # -- followers -----------------------------------------------------------------

    def changes(self, meeting_id: int) -> int:
        """How many notifications for ``meeting_id`` the listening session has had
        (plus one for each time it connected again: it may have missed some)."""
        if self._listener is None:
            import psycopg

            from store.pg_connection import PgConnection, reason

            try:
                self._listener = PgConnection(
                    str(self.location), read_only=True, busy_ms=self.busy_ms, listen=True
                )
            except psycopg.Error as exc:
                where = self.shown
                lost = t("trust.server_lost", path=where, reason=reason(exc))
                raise JournalUnavailable(lost) from None
        for payload in self._listener.notifications():
            if payload.isdigit():
                self._seen[int(payload)] = self._seen.get(int(payload), 0) + 1
        return self._seen.get(meeting_id, 0) + 1_000_000 * self._listener.generation

    def close(self) -> None:
        self.conn.close()
        if self._listener is not None:
            self._listener.close()

    def backup(self, target: Path) -> None:
        """A consistent copy of the whole archive as an SQLite file (never overwrites)."""
        from store.copy import backup_as_file

        backup_as_file(self, target)
