"""Copying a whole archive to another (SQLite to PostgreSQL and back), row for row.

``facilitator archive copy SRC DST``: every public table, with the same ids
(entries keep their numbers, tasks their ids), read from one snapshot of the
source and written in one transaction on the destination: a copy cut short
leaves the destination as it was. Running it again is safe: rows already
there are left alone, rows the source changed since (a task marked done) are
brought up to date, new ones added. A destination holding rows the source
has not is another archive, and is refused. Afterwards every table holds as
many rows in the destination as in the source, or nothing is kept.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from facilitator.core.i18n import t
from store.archive import Archive
from store.errors import ArchiveError
from store.sql import Connection, placeholders
from store.views import add_zone

TABLES: tuple[tuple[str, str], ...] = (
    ("meetings", "id"),
    ("journal", "seq"),
    ("topics", "id"),
    ("topic_reports", "id"),
    ("people", "id"),
    ("attendance", "id"),
    ("points", "id"),
    ("decisions", "id"),
    ("disputes", "id"),
    ("open_items", "id"),
    ("open_item_updates", "id"),
    ("tasks", "id"),
    ("speaking", "id"),
    ("task_updates", "id"),
    ("exports", "id"),
    ("retrospectives", "meeting_id"),
    ("confirmations", "id"),
)
"""Every table copied, (name, key), each after the tables it refers to."""

APPEND_ONLY = frozenset(
    {"journal", "task_updates", "exports", "open_item_updates", "confirmations"}
)
"""Tables whose rows never change once written: a row of the same key that
differs means the destination is another archive, not an older copy."""

NOT_COPIED = frozenset(
    {
        "_sqlite_migrations",
        "sqlite_sequence",
        "sqlite_stat1",
        "sqlite_stat4",
        "search_index",
        *(f"search_index_{part}" for part in ("data", "idx", "content", "docsize", "config")),
        "zone_offsets",
    }
)
"""Tables of the engine or of the migrations (each side keeps its own); tables
derived from others also go here, the destination builds them itself: its
triggers fill the search index (FTS5's own tables on SQLite) as rows arrive,
and the zones of the meetings copied are added to its ``zone_offsets``."""

BATCH = 5000


@dataclass
class Copied:
    """What a copy did to one table."""

    table: str
    rows: int = 0
    added: int = 0
    updated: int = 0


@dataclass
class CopyReport:
    """What a copy did, table by table, with the counts checked on both sides."""

    tables: list[Copied] = field(default_factory=list)

    @property
    def meetings(self) -> int:
        return next((c.rows for c in self.tables if c.table == "meetings"), 0)

    @property
    def rows(self) -> int:
        return sum(c.rows for c in self.tables)

    @property
    def changed(self) -> int:
        return sum(c.added + c.updated for c in self.tables)


def _batches(archive: Archive, conn: Any, sql: str) -> Iterator[list[tuple[Any, ...]]]:
    """The rows of ``sql`` a batch at a time (a server-side cursor on PostgreSQL)."""
    if archive.dialect == "postgres":
        cursor = conn.raw.cursor(name=f"copy_{uuid.uuid4().hex}")
        cursor.execute(sql)
    else:
        cursor = conn.execute(sql)
    while rows := cursor.fetchmany(BATCH):
        yield [tuple(row) for row in rows]
    cursor.close()


def _columns(conn: Connection, table: str) -> list[str]:
    cursor = conn.execute(f'SELECT * FROM "{table}" WHERE 1 = 0')
    names = [column[0] for column in cursor.description]
    cursor.fetchall()
    return names


def _load(dst: Archive, conn: Any, table: str, columns: list[str], rows: list[tuple]) -> None:
    """Insert ``rows`` as they are (ids included), the fastest way the engine has."""
    names = ", ".join(f'"{c}"' for c in columns)
    if dst.dialect == "postgres":
        with conn.raw.cursor().copy(f'COPY "{table}" ({names}) FROM STDIN') as copy:
            for row in rows:
                copy.write_row(row)
    else:
        conn.executemany(
            f'INSERT INTO "{table}" ({names}) VALUES ({placeholders(len(columns))})', rows
        )


def _copy_table(src: Archive, read: Any, dst: Archive, write: Any, table: str, key: str) -> Copied:
    columns = _columns(read, table)
    if set(columns) != set(_columns(write, table)):
        raise ArchiveError(t("archive.copy_schema", table=table))
    at = columns.index(key)
    names = ", ".join(f'"{c}"' for c in columns)
    select = f'SELECT {names} FROM "{table}" ORDER BY "{key}"'
    done = Copied(table)
    (existing,) = write.execute(f'SELECT count(*) FROM "{table}"').fetchone()
    there: dict[Any, tuple] = {}
    if existing:
        there = {row[at]: row for batch in _batches(dst, write, select) for row in batch}
    update = ", ".join(f'"{c}" = ?' for c in columns if c != key)
    for batch in _batches(src, read, select):
        done.rows += len(batch)
        new: list[tuple] = []
        changed: list[tuple] = []
        for row in batch:
            if row[at] not in there:
                new.append(row)
            elif there.pop(row[at]) != row:
                if table in APPEND_ONLY:
                    raise ArchiveError(t("archive.copy_diverged", table=table, count=1))
                changed.append(row)
        if new:
            _load(dst, write, table, columns, new)
            done.added += len(new)
        for row in changed:
            values = [v for i, v in enumerate(row) if i != at]
            write.execute(f'UPDATE "{table}" SET {update} WHERE "{key}" = ?', (*values, row[at]))
            done.updated += 1
    if there:
        # Rows the source has not: the destination is another archive, not a copy.
        raise ArchiveError(t("archive.copy_diverged", table=table, count=len(there)))
    (count,) = write.execute(f'SELECT count(*) FROM "{table}"').fetchone()
    if count != done.rows:
        raise ArchiveError(t("archive.copy_count", table=table, copied=count, source=done.rows))
    if dst.dialect == "postgres" and key != "meeting_id":
        # Ids given out from now on follow the copied ones.
        write.execute(
            f"SELECT setval(pg_get_serial_sequence('\"{table}\"', '{key}'), "
            f'COALESCE(MAX("{key}"), 0) + 1, false) FROM "{table}"'
        )
    return done


def copy_archive(src: Archive, dst: Archive) -> CopyReport:
    """Make ``dst`` hold every row of ``src`` (see the module's docstring).

    Raises :class:`ArchiveError` (``dst`` unchanged) if ``dst`` is another
    archive, a value does not fit, or a count differs after the copy.
    """
    if src.location == dst.location:
        raise ArchiveError(t("archive.copy_same", path=src.shown))
    report = CopyReport()
    try:
        with src.reading() as read, dst.transaction() as write:
            for table, key in TABLES:
                report.tables.append(_copy_table(src, read, dst, write, table, key))
            for (zone,) in write.execute("SELECT DISTINCT timezone FROM meetings").fetchall():
                add_zone(write, zone)
    except (*src.engine_errors, *dst.engine_errors) as exc:
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise ArchiveError(t("archive.copy_failed", path=dst.shown, reason=reason)) from None
    dst.checkpoint()
    return report


def backup_as_file(archive: Archive, target: Path) -> CopyReport:
    """The whole archive as a new SQLite file at ``target`` (0600, never overwriting):
    written beside it and renamed, so a copy cut short never stands in for a whole one."""
    from store.files import new_backup

    with new_backup(target) as partial, Archive.open(partial, create=True) as copy:
        report = copy_archive(archive, copy)
        copy.conn.execute("PRAGMA journal_mode = DELETE")
    return report
