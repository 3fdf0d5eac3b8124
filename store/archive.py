"""One archive for every meeting: the journal and the minutes tables, on either engine.

:meth:`Archive.open` takes a file (SQLite, :mod:`store.sqlite`: the embedded
default) or a ``postgresql://`` URL (:mod:`store.postgres`: the
organisation's own server). Everything above the store sees this one class:
meetings listed and found, a meeting created, its journal
(:mod:`store.journal`), a follower's view of it, the minutes. The engines
differ only in how they open, lock, wait, notice changes and copy.

Events are written, one command per transaction, the moment they happen,
durable before they are acknowledged. Closing a meeting writes its minutes
tables and the close event in one transaction: all or nothing.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from facilitator.app.settings import Location, is_server_url, shown
from facilitator.core.i18n import t
from facilitator.meeting.journal import JournalUnavailable
from store.errors import ArchiveError
from store.meetings import MeetingRow, instant, matching
from store.migrate import applied
from store.minutes import iso
from store.sql import Connection, Dialect
from store.versions import KNOWN, MIGRATION_SET

if TYPE_CHECKING:
    from pendulum import DateTime

    from facilitator.app.selection import MeetingStanding
    from facilitator.meeting.agenda import Agenda
    from facilitator.meeting.minutes import Minutes
    from facilitator.meeting.state import MeetingState
    from store.journal import FollowedJournal, StoredJournal

# The events, the fold and the minutes are imported where they are used: a
# command that only lists rows (tasks, search, meetings) starts without them.

T = TypeVar("T")

BUSY_TIMEOUT_MS = 10_000
"""How long a write waits for another terminal's write before giving up."""
BUSY_TIMEOUT_ENV = "FACILITATOR_BUSY_TIMEOUT_MS"


def default_busy_timeout_ms() -> int:
    """The busy timeout: ``FACILITATOR_BUSY_TIMEOUT_MS`` if set (tests keep it short)."""
    import os

    value = os.environ.get(BUSY_TIMEOUT_ENV, "")
    return int(value) if value.isdigit() else BUSY_TIMEOUT_MS


class Archive:
    """An open archive. Use :meth:`open`; close it when done.

    Subclasses (:class:`store.sqlite.SqliteArchive`,
    :class:`store.postgres.PgArchive`) supply the connection and how it
    waits, locks and notices changes; the rest is here, in SQL both read.
    """

    dialect: Dialect
    conn: Connection
    read_only: bool
    busy_ms: int
    location: Location
    """What opens it again: the file's path or the server's URL (with its password)."""
    read_errors: tuple[type[Exception], ...] = ()
    """Errors reading just now that a follower waits out (busy, a moment of I/O trouble)."""

    # -- opening ---------------------------------------------------------------

    @classmethod
    def open(
        cls,
        target: str | Path,
        busy_timeout_ms: int | None = None,
        *,
        read_only: bool = False,
        create: bool = True,
        live: bool = False,
    ) -> Archive:
        """Open the archive at ``target`` (a file, or a ``postgresql://`` URL) and
        bring its tables up to date.

        ``create``: make a new archive when there is none (a file, mode 0600; the
        tables in an empty database); else its absence is an :class:`ArchiveError`
        (a typo must not start one). ``read_only``: the engine itself refuses
        every write (the follow view, minutes, task lists): nothing is migrated,
        an archive from an older version is refused with the command that
        upgrades it. ``live``: a reader that stays open (the follow view, the
        notebook) and must see what is written after it opened.
        ``busy_timeout_ms``: how long to wait for another program's write
        (default :func:`default_busy_timeout_ms`).
        """
        busy_ms = busy_timeout_ms if busy_timeout_ms is not None else default_busy_timeout_ms()
        if is_server_url(target):
            from store.postgres import PgArchive

            return PgArchive.connect(
                str(target), busy_ms, read_only=read_only, create=create, live=live
            )
        from store.sqlite import SqliteArchive

        return SqliteArchive.open_file(
            Path(target).expanduser(), busy_ms, read_only=read_only, create=create, live=live
        )

    @property
    def shown(self) -> str:
        """The archive as named to people (a URL without its password)."""
        return shown(self.location)

    # -- what each engine does its own way ---------------------------------------

    def patiently(self, action: Callable[[], T], wait: bool = True) -> T:
        """Run ``action``, waiting for another program's lock up to the busy timeout
        (not at all with ``wait=False``); :class:`JournalUnavailable` if it stays busy."""
        raise NotImplementedError

    def transaction(self, wait: bool = True) -> AbstractContextManager[Connection]:
        """A write transaction; :class:`JournalUnavailable` (nothing written) if the
        archive stays busy past the timeout (at once with ``wait=False``)."""
        raise NotImplementedError

    def lock_meeting(self, conn: Connection, meeting_id: int) -> Any:
        """Inside a write transaction: keep every other writer of this meeting out
        until it ends (appends to one meeting happen one after another). SQLite's
        write transaction already keeps out every other writer."""
        return None

    def read_now(self, sql: str, params: tuple[Any, ...]) -> list[Any]:
        """The rows of a read the room and the follow view make between keystrokes
        (a busy archive is waited out; a lost server connection is not)."""
        return self.patiently(lambda: self.conn.execute(sql, params).fetchall())

    def write_failure(self, error: Exception) -> JournalUnavailable | None:
        """What a failed write means for the room (nothing written; try again), or
        None if ``error`` is not one the room waits out."""
        return None

    def reading(self) -> AbstractContextManager[Connection]:
        """One snapshot of the whole archive for a long read (a copy)."""
        raise NotImplementedError

    @property
    def engine_errors(self) -> tuple[type[Exception], ...]:
        """The engine's own errors (a value it refuses while copying, say)."""
        raise NotImplementedError

    def changes(self, meeting_id: int) -> int:
        """A number that moves when the journal of ``meeting_id`` may have grown."""
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def file_gone(self) -> str | None:
        """ "deleted" or "replaced" when the archive's file is no longer the one opened."""
        return None

    def reopen_if_written(self) -> bool:
        """Open again if a writer appeared since a read-only open (see SQLite)."""
        return False

    def checkpoint(self) -> None:
        """Make a plain copy of the archive hold every line (SQLite's log folded in)."""

    def backup(self, target: Path) -> None:
        """A consistent copy of the whole archive as an SQLite file at ``target``, 0600."""
        raise NotImplementedError

    def _has_foreign_tables(self) -> bool:
        raise NotImplementedError

    def _journal_class(self) -> type[StoredJournal]:
        from store.journal import StoredJournal

        return StoredJournal

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- schema ------------------------------------------------------------------

    def _applied(self) -> list[str]:
        """Names of the migrations applied, in order."""
        return applied(self.conn, self.dialect, MIGRATION_SET)

    def _pending_migrations(self) -> bool:
        """True if this archive needs migrating; refuses one from a newer version."""
        done = set(self._applied())
        if not done and self._is_foreign():
            # Another program's database: adding our tables to it would change it.
            raise ArchiveError(t("trust.foreign_database", path=self.shown))
        done = done or set(self._applied())
        if done - set(KNOWN):
            raise ArchiveError(t("archive.newer_schema", path=self.shown))
        return bool(set(KNOWN) - done)

    def _is_foreign(self) -> bool:
        """True if tables other than ours are here and no migration of ours is.

        The record of migrations is read again *after* the tables: another terminal
        migrating a new archive meanwhile commits its tables and its record at once,
        so its tables are never taken for another program's."""
        return self._has_foreign_tables() and not self._applied()

    def _migrate(self) -> None:
        """Apply what is pending, inside the write lock (taken by the caller)."""
        from store.migrate import apply
        from store.schema import MIGRATIONS

        apply(self.conn, self.dialect, MIGRATION_SET, MIGRATIONS)

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
            import pendulum  # here, not at the top: listing tasks needs no date library

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
        found = matching(rows, reference)
        if not found:
            # It may exist but be in the other state: say that, not "no meeting matches".
            other = matching(every, reference)
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
            'SELECT m.id, m.start, m."end", m.status, m.closed_at, '
            "COALESCE(MAX(j.seq), 0), "
            "COALESCE(MAX(CASE WHEN j.kind IN ('meeting_opened', 'topic_started') "
            "THEN 1 ELSE 0 END), 0) "
            "FROM meetings m LEFT JOIN journal j ON j.meeting_id = m.id GROUP BY m.id"
        ).fetchall()
        where = self.shown
        return [
            MeetingStanding(
                id=meeting_id,
                start=instant(start, where),
                end=instant(end, where),
                opened=bool(opened) or status == "closed",
                closed_at=instant(closed_at or end, where) if status == "closed" else None,
                last_activity=last,
            )
            for meeting_id, start, end, status, closed_at, last, opened in rows
        ]

    def find_by_key(self, key: str) -> MeetingRow | None:
        return next((m for m in self.meetings() if m.key == key), None)

    def create_meeting(self, agenda: Agenda, now: DateTime) -> StoredJournal:
        """A new meeting in the archive, its journal begun with the agenda."""
        from facilitator.meeting.events import MeetingCreated
        from store.codec import encode_payload
        from store.views import add_zone

        created = MeetingCreated(at=now, agenda=agenda)
        with self.transaction() as conn:
            (meeting_id,) = conn.execute(
                'INSERT INTO meetings (key, title, goal, kind, start, "end", timezone, place, '
                "online, rsvp_by, language, status, created_at, host, recorder, agenda, series) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'planned', ?, ?, ?, ?, ?) RETURNING id",
                _meeting_values(agenda, now),
            ).fetchone()
            conn.execute(
                "INSERT INTO journal (meeting_id, at, kind, payload) VALUES (?, ?, ?, ?)",
                (meeting_id, iso(now), created.kind, encode_payload(created)),
            )
            add_zone(conn, agenda.timezone)
        return self.journal(int(meeting_id))

    def journal(self, meeting_id: int) -> StoredJournal:
        """The journal of one meeting, to read and append to."""
        return self._journal_class()(self, meeting_id)

    def followed(self, meeting_id: int) -> FollowedJournal:
        """One meeting's journal for a follower: read-only, with a cheap "anything new?"."""
        from store.journal import FollowedJournal

        return FollowedJournal(self, meeting_id)

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


def _meeting_values(agenda: Agenda, now: DateTime) -> tuple[Any, ...]:
    return (
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
    )
