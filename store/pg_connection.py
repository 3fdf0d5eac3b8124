"""A connection to the archive's PostgreSQL server that speaks the store's SQL and
outlives a dropped link.

The store writes ``?`` placeholders (:mod:`store.sql`); psycopg reads ``%s``.
Every session asks for what SQLite gives by default: a commit is acknowledged
only once the server has it on disk (``synchronous_commit = on``, whatever
the server's default), and a write waits for another's lock at most the busy
timeout (``lock_timeout``). A lost connection is one :class:`JournalUnavailable`
(the room keeps the line and says so) and is made again: at once by a caller
that may wait, in the background for one that must not (the room's screen).
"""

from __future__ import annotations

import contextlib
import re
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

import psycopg
from psycopg import errors

from facilitator.app.settings import shown
from facilitator.core.i18n import t
from facilitator.meeting.journal import JournalUnavailable
from store.errors import ArchiveError

CONNECT_TIMEOUT_S = 3
"""How long making a connection may take (libpq's minimum is 2 s)."""
RECONNECT_PAUSE_S = 0.5
"""Between two attempts to connect again: a server that is down is not hammered."""
NOTIFY_CHANNEL = "facilitator_journal"
"""The server says ``NOTIFY facilitator_journal, '<meeting id>'`` when a journal grows."""

Statements = list[tuple[str, "Sequence[Any] | None"]]
"""SQL (with ``?``) and its parameters; None: run as it is."""


_NAMED = re.compile(r"(?<![:\w]):([A-Za-z_]\w*)")
"""A named parameter (``:now``), not a cast (``::text``)."""


@lru_cache(maxsize=512)
def _pg(sql: str, named: bool = False) -> str:
    """The store's ``?`` placeholders (or, with ``named``, ``:name`` ones, as
    SQLite reads them) as psycopg's ``%s`` (``%(name)s``), a literal ``%`` doubled."""
    sql = sql.replace("%", "%%")
    if named:
        return _NAMED.sub(r"%(\1)s", sql)
    return sql.replace("?", "%s")


def _sql(sql: str, params: Any) -> str:
    return _pg(sql, isinstance(params, Mapping))


def reason(error: BaseException) -> str:
    """The server's or libpq's message, first line only."""
    text = str(error).strip().splitlines()
    return text[0] if text else type(error).__name__


def mapped(error: psycopg.Error, where: str, conn: psycopg.Connection | None) -> Exception | None:
    """What a psycopg error means for a person, or None for a fault of ours (a bug)."""
    if conn is None or conn.broken or conn.closed:
        return JournalUnavailable(t("trust.server_lost", path=where, reason=reason(error)))
    if isinstance(error, errors.LockNotAvailable):
        return JournalUnavailable(t("trust.archive_busy", path=where))
    if isinstance(error, errors.DiskFull):
        return JournalUnavailable(t("trust.disk_full", path=where))
    if isinstance(error, errors.ReadOnlySqlTransaction):
        return ArchiveError(t("archive.read_only", path=where))
    if isinstance(error, errors.InsufficientPrivilege):
        return ArchiveError(t("archive.server_refused", path=where, reason=reason(error)))
    if isinstance(error, psycopg.OperationalError):
        return JournalUnavailable(t("trust.write_failed", path=where, reason=reason(error)))
    return None


def connect(url: str, *, read_only: bool, busy_ms: int, listen: bool = False) -> psycopg.Connection:
    """A new session on the server, set up as the store needs it.

    Raises psycopg's own errors (the caller says what they mean where it knows).
    """
    conn = psycopg.connect(
        url,
        autocommit=True,
        connect_timeout=CONNECT_TIMEOUT_S,
        application_name="facilitator",
        # A silent network (a cable pulled, a laptop asleep) is noticed in
        # seconds, not after the system's two hours of TCP keepalive.
        keepalives=1,
        keepalives_idle=5,
        keepalives_interval=2,
        keepalives_count=3,
    )
    settings = [
        "SET synchronous_commit = on",
        f"SET lock_timeout = {int(busy_ms)}",
    ]
    if read_only:
        settings.append("SET default_transaction_read_only = on")
    if listen:
        settings.append(f"LISTEN {NOTIFY_CHANNEL}")
    conn.execute("; ".join(settings))
    return conn


class Bound:
    """One connection inside a transaction: the store's SQL, errors said for people.

    Never connects again (a transaction cannot continue on a new connection).
    """

    def __init__(self, conn: psycopg.Connection, where: str) -> None:
        self.raw = conn
        self.where = where
        self.cursor: psycopg.Cursor[Any] | None = None
        self.failure = ""
        """The server's or libpq's words for the last error here."""

    def execute(self, sql: str, params: Sequence[Any] | None = None, /) -> Any:
        try:
            if params is None:
                return self.raw.execute(sql)
            return self.raw.execute(_sql(sql, params), params)
        except psycopg.Error as exc:
            self.failure = reason(exc)
            meant = mapped(exc, self.where, self.raw)
            if meant is None:
                raise
            raise meant from None

    def executemany(self, sql: str, params: Any, /) -> Any:
        try:
            cursor = self.raw.cursor()
            cursor.executemany(_sql(sql, params), params)
            return cursor
        except psycopg.Error as exc:
            meant = mapped(exc, self.where, self.raw)
            if meant is None:
                raise
            raise meant from None


class PgConnection:
    """The archive's connection, made again when the server drops it.

    ``execute`` waits for a new connection if the old one was lost (at most
    :data:`CONNECT_TIMEOUT_S`); ``execute_now`` never waits: it starts one in
    the background and says "not now" (the room's screen and the follow view
    call it several times a second). ``listen``: the session also listens
    for journal notifications (a follower's).
    """

    def __init__(self, url: str, *, read_only: bool, busy_ms: int, listen: bool = False) -> None:
        self.url = url
        self.where = shown(url)
        self.read_only = read_only
        self.busy_ms = busy_ms
        self.listen = listen
        self._lock = threading.Lock()
        self._conn: psycopg.Connection | None = connect(
            url, read_only=read_only, busy_ms=busy_ms, listen=listen
        )
        self._attempt: threading.Thread | None = None
        self._last_attempt = 0.0
        self._failure = ""
        self.generation = 0
        """How many times the connection was made again (a follower reads afresh after one)."""

    @property
    def is_open(self) -> bool:
        conn = self._conn
        return conn is not None and not conn.closed and not conn.broken

    def _lost(self) -> JournalUnavailable:
        return JournalUnavailable(
            t("trust.server_lost", path=self.where, reason=self._failure or "-")
        )

    def _reconnect(self) -> None:
        """One attempt to connect again (never two at once, never more often than
        every :data:`RECONNECT_PAUSE_S`)."""
        with self._lock:
            if self.is_open:
                return
            if time.monotonic() - self._last_attempt < RECONNECT_PAUSE_S:
                return
            self._last_attempt = time.monotonic()
        try:
            fresh = connect(
                self.url, read_only=self.read_only, busy_ms=self.busy_ms, listen=self.listen
            )
        except psycopg.Error as exc:
            self._failure = reason(exc)
            return
        with self._lock:
            if self.is_open:  # another attempt got there first
                old = fresh
            else:
                old, self._conn = self._conn, fresh
                self.generation += 1
        if old is not None:
            old.close()

    def _start_reconnecting(self) -> None:
        if self._attempt is None or not self._attempt.is_alive():
            self._attempt = threading.Thread(target=self._reconnect, daemon=True)
            self._attempt.start()

    def current(self, patient: bool = True) -> psycopg.Connection:
        """The live connection; a lost one is made again (in the background, and
        :class:`JournalUnavailable` now, unless ``patient``)."""
        if not self.is_open:
            if patient:
                self._reconnect()
            else:
                self._start_reconnecting()
        conn = self._conn
        if conn is None or conn.closed or conn.broken:
            raise self._lost()
        return conn

    def _bound(self, patient: bool, first: str, params: Sequence[Any] | None = None) -> Bound:
        """The live connection, once ``first`` ran on it. A connection found lost by it
        (dropped while idle: nothing was done) is made again and ``first`` tried once
        more if ``patient``; otherwise the next connection is begun in the background.
        ``first`` must be safe to run twice: a read, or ``BEGIN``."""
        for attempt in (1, 2):
            bound = Bound(self.current(patient), self.where)
            try:
                bound.cursor = bound.execute(first, params)
                return bound
            except JournalUnavailable:
                if self.is_open:
                    raise  # busy, a full disk: the connection itself is fine
                self._failure = bound.failure
                if not patient:
                    self._start_reconnecting()
                if not patient or attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def execute(self, sql: str, params: Sequence[Any] | None = None, /) -> Any:
        """Run one read (its own transaction), connecting again if need be."""
        cursor = self._bound(True, sql, params).cursor
        assert cursor is not None
        return cursor

    def execute_now(self, sql: str, params: Sequence[Any] | None = None, /) -> Any:
        """As :meth:`execute`, but never waits for a new connection."""
        cursor = self._bound(False, sql, params).cursor
        assert cursor is not None
        return cursor

    def executemany(self, sql: str, params: Any, /) -> Any:
        return Bound(self.current(), self.where).executemany(sql, params)

    @contextmanager
    def transaction(
        self, wait: bool, lock_ms: int | None = None, begin: str = "BEGIN"
    ) -> Iterator[Bound]:
        """``BEGIN`` ... ``COMMIT`` on the live connection; any error rolls back.

        ``lock_ms``: this transaction's wait for another's lock (else the busy
        timeout). A commit whose answer never came is :class:`CommitInDoubt`.
        """
        if lock_ms is not None:
            begin += f"; SET LOCAL lock_timeout = {int(lock_ms)}"
        bound = self._bound(wait, begin)
        try:
            yield bound
        except BaseException:
            if bound.raw.info.transaction_status != psycopg.pq.TransactionStatus.UNKNOWN:
                # A connection gone is rolled back by the server itself.
                with contextlib.suppress(psycopg.Error):
                    bound.raw.execute("ROLLBACK")
            raise
        try:
            bound.raw.execute("COMMIT")
        except psycopg.Error as exc:
            meant = mapped(exc, self.where, bound.raw)
            if isinstance(meant, JournalUnavailable) and (bound.raw.broken or bound.raw.closed):
                self._failure = reason(exc)
                raise CommitInDoubt(t("trust.server_doubt", path=self.where)) from None
            if meant is None:
                raise
            raise meant from None

    # -- a transaction in as few round trips as the server allows ---------------------

    def _pipeline(self, conn: psycopg.Connection, statements: Statements) -> list[list[Any]]:
        """Send ``statements`` at once and wait once (psycopg's pipeline mode):
        the server still runs them one after another, each seeing the one before."""
        with conn.pipeline():
            cursors = [
                conn.execute(sql) if params is None else conn.execute(_sql(sql, params), params)
                for sql, params in statements
            ]
        return [cursor.fetchall() if cursor.description else [] for cursor in cursors]

    def begin_batch(
        self, wait: bool, lock_ms: int | None, statements: Statements
    ) -> tuple[Bound, list[list[Any]]]:
        """``BEGIN`` and the first ``statements`` of a transaction in one round trip
        (their rows, in order); the transaction stays open for :meth:`commit_batch`.

        Nothing is committed yet, so a connection found lost here (dropped while
        idle) is made again and the whole tried once more if ``wait``.
        """
        begin: Statements = [("BEGIN", None)]
        if lock_ms is not None:
            begin.append((f"SET LOCAL lock_timeout = {int(lock_ms)}", None))
        for attempt in (1, 2):
            bound = Bound(self.current(patient=wait), self.where)
            try:
                rows = self._pipeline(bound.raw, [*begin, *statements])
                return bound, rows[len(begin) :]
            except psycopg.Error as exc:
                self.rollback(bound)
                meant = mapped(exc, self.where, bound.raw)
                if meant is None:
                    raise
                if self.is_open or not wait or attempt == 2:
                    if not self.is_open and not wait:
                        self._failure = reason(exc)
                        self._start_reconnecting()
                    raise meant from None
                self._failure = reason(exc)
        raise AssertionError("unreachable")

    def commit_batch(self, bound: Bound, statements: Statements) -> list[list[Any]]:
        """The last ``statements`` and ``COMMIT`` in one round trip (their rows).

        A connection lost on the way is :class:`CommitInDoubt`: the server may
        have committed.
        """
        try:
            return self._pipeline(bound.raw, [*statements, ("COMMIT", None)])[:-1]
        except psycopg.Error as exc:
            meant = mapped(exc, self.where, bound.raw)
            if bound.raw.broken or bound.raw.closed:
                self._failure = reason(exc)
                raise CommitInDoubt(t("trust.server_doubt", path=self.where)) from None
            self.rollback(bound)
            if meant is None:
                raise
            raise meant from None

    def rollback(self, bound: Bound) -> None:
        """End the transaction on ``bound`` without writing (nothing if the link is gone)."""
        if not (bound.raw.broken or bound.raw.closed):
            with contextlib.suppress(psycopg.Error):
                bound.raw.execute("ROLLBACK")

    def notifications(self) -> list[str]:
        """Payloads of the notifications received since last asked; never waits."""
        conn = self.current(patient=False)
        try:
            return [n.payload for n in conn.notifies(timeout=0)]
        except psycopg.Error as exc:
            self._failure = reason(exc)
            raise self._lost() from None

    def close(self) -> None:
        with self._lock:
            conn, self._conn = self._conn, None
        if conn is not None:
            conn.close()


class CommitInDoubt(JournalUnavailable):
    """The connection was lost while the server committed: the write may or may not
    be in the archive (the journal asks the server which, once it answers)."""
