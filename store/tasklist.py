"""The task list across meetings, streamed: what ``facilitator tasks`` and ``nb.tasks()`` read.

Statuses, filters and order are computed by the engine (``store.views``), and rows
come out as plain tuples (:class:`facilitator.followup.listing.TaskRow`), one
at a time: 40,000 open tasks among 200,000 list in a fraction of a second
(``benchmarks/task_query.py``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from itertools import chain
from typing import TYPE_CHECKING, Any, cast

from facilitator.followup.listing import ALL, OpenItemRow, TaskRow
from store.minutes import iso
from store.views import screen_select, shown_status, task_select

if TYPE_CHECKING:
    import sqlite3

    from store.archive import Archive


def _casefold(value: str | None) -> str:
    return (value or "").casefold()


def _filtered(
    archive: Archive,
    select: str,
    params: dict[str, object],
    status: str | None,
    owner: str | None,
    department: str | None,
    meeting_id: int | None,
    limit: int | None,
) -> Iterator[tuple[Any, ...]]:
    """``select`` (a query over ``tasks AS t``) filtered, due first, undated last."""
    where: list[str] = []
    if status is None or status not in (ALL, "done"):
        where.append("t.status != 'done'")
    if status == "done":
        where.append("t.status = 'done'")
    if status not in (None, ALL, "done"):
        where.append(f"{shown_status(':now', archive.dialect)} = :status")
        params["status"] = status
    if meeting_id is not None:
        where.append("t.meeting_id = :meeting")
        params["meeting"] = meeting_id
    # Names match in any case: SQLite's lower() knows only ASCII, so it is given
    # Python's casefold; PostgreSQL's lower() knows every script.
    fold = "facilitator_casefold" if archive.dialect == "sqlite" else "lower"
    if owner:
        where.append(f"{fold}(t.owner) = {fold}(:owner)")
        params["owner"] = owner.casefold()
    if department:
        where.append(f"{fold}(t.department) = {fold}(:department)")
        params["department"] = department.casefold()
    if archive.dialect == "sqlite":
        conn = cast("sqlite3.Connection", archive.conn)
        conn.create_function("facilitator_casefold", 1, _casefold, deterministic=True)
    clause = f" WHERE {' AND '.join(where)}" if where else ""
    # Dated tasks in the order of the index (due, id), then the undated ones:
    # two index-ordered reads, nothing for SQLite to sort.
    dated = f"{select}{clause}{' AND' if where else ' WHERE'} t.due IS NOT NULL"
    undated = f"{select}{clause}{' AND' if where else ' WHERE'} t.due IS NULL"
    reads = (f"{dated} ORDER BY t.due, t.id", f"{undated} ORDER BY t.id")
    # Each read's rows as one list, chained: not a generator step per row.
    return chain.from_iterable(_read(archive, reads, params, limit))


def _read(
    archive: Archive, reads: tuple[str, ...], params: dict[str, object], limit: int | None
) -> Iterator[list[tuple[Any, ...]]]:
    """The rows of each query in turn, ``limit`` rows in all (None: every row)."""
    left = limit
    for sql in reads:
        if left is not None:
            sql += f" LIMIT {int(left)}"
        rows = archive.conn.execute(sql, params).fetchall()
        yield rows
        if left is not None:
            left -= len(rows)
            if left <= 0:
                return


def task_rows(
    archive: Archive,
    now: dt.datetime,
    *,
    status: str | None = None,
    owner: str | None = None,
    department: str | None = None,
    meeting_id: int | None = None,
    limit: int | None = None,
) -> Iterator[TaskRow]:
    """Tasks due first (undated last), each with its status as of ``now``.

    ``status``: None for every task not done (the follow-up list), ``all`` for
    every task, else only tasks showing that status. ``owner`` and
    ``department`` match in any case. Tasks not done are read through the
    partial index of m010/m032 (``status != 'done'``).
    """
    params: dict[str, object] = {"now": iso(now)}
    found = _filtered(
        archive,
        task_select(":now", archive.dialect),
        params,
        status,
        owner,
        department,
        meeting_id,
        limit,
    )
    return map(TaskRow._make, found)


def task_lines(
    archive: Archive,
    now: dt.datetime,
    labels: Mapping[str, str],
    *,
    status: str | None = None,
    owner: str | None = None,
    department: str | None = None,
    meeting_id: int | None = None,
    limit: int | None = None,
) -> list[tuple[str, str | None, str, str, str, str, str]]:
    """The same tasks, as the terminal lists them: (id, due, status in words from
    ``labels``, owner, department, title, meeting), made in SQL
    (:func:`store.views.screen_select`) by the engine: 40,000 of them take no Python per task."""
    params: dict[str, object] = {"now": iso(now), **labels}
    found = _filtered(
        archive,
        screen_select(":now", archive.dialect),
        params,
        status,
        owner,
        department,
        meeting_id,
        limit,
    )
    return list(found)


def latest_notes(archive: Archive) -> dict[int, str]:
    """Each task's latest non-empty note, by task id (one read, however long the list)."""
    rows = archive.conn.execute(
        "SELECT task_id, note FROM task_updates WHERE note != '' ORDER BY at, id"
    ).fetchall()
    return dict(rows)


def open_item_rows(archive: Archive, meeting_id: int | None = None) -> list[OpenItemRow]:
    """Open items (of one meeting, or of all), the nearest deadline first."""
    where, params = (
        ("WHERE o.meeting_id = ?", (meeting_id,)) if meeting_id is not None else ("", ())
    )
    rows = archive.conn.execute(
        "SELECT o.id, o.meeting_id, m.title, COALESCE(tp.title, ''), o.text, "
        "COALESCE(o.owner, ''), o.deadline, m.closed_at "
        "FROM open_items AS o JOIN meetings AS m ON m.id = o.meeting_id "
        f"LEFT JOIN topics AS tp ON tp.id = o.topic_id {where} "
        "ORDER BY o.deadline IS NULL, o.deadline, o.id",
        params,
    ).fetchall()
    return list(map(OpenItemRow._make, rows))


def unsent_minutes(archive: Archive) -> list[tuple[int, str, str]]:
    """(id, title, closed_at) of closed meetings whose minutes were never exported,
    the oldest close first (``closed_at`` as stored: UTC ISO 8601)."""
    return archive.conn.execute(
        "SELECT id, title, closed_at FROM meetings WHERE status = 'closed' "
        "AND closed_at IS NOT NULL "
        "AND NOT EXISTS (SELECT 1 FROM exports WHERE exports.meeting_id = meetings.id) "
        "ORDER BY closed_at, id"
    ).fetchall()
