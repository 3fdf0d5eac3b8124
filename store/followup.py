"""Follow-up queries and updates: tasks across meetings, exports, retrospectives.

Reads and writes the public tables (``tasks``, ``task_updates``, ``exports``,
``retrospectives``); the rules that decide what the rows mean live in
``facilitator.followup.tasks``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import lru_cache

import pendulum
from pendulum import Date, DateTime

from facilitator.core.i18n import t
from facilitator.core.zones import zone_of
from facilitator.followup.tasks import (
    Retrospective,
    TaskRecord,
    TaskUpdate,
    with_follow_up,
)
from facilitator.meeting.minutes import Minutes
from store.archive import Archive
from store.errors import ArchiveError


@lru_cache(maxsize=65536)
def _parse_instant(value: str) -> DateTime:
    # Tasks of one meeting share their timestamps (its close), and parsing is the
    # bulk of reading a long task list: parse each distinct one once. An
    # organisation's open tasks come from some 10,000 meetings
    # (benchmarks/task_scale.py): the cache holds them all.
    return pendulum.instance(dt.datetime.fromisoformat(value))


@lru_cache(maxsize=65536)
def _parse_date(value: str) -> Date:
    return pendulum.Date.fromisoformat(value)


def _instant(value: str | None) -> DateTime | None:
    return _parse_instant(value) if value else None


def _date(value: str | None) -> Date | None:
    # Due dates repeat (a few per day of the year): parsed once each.
    return _parse_date(value) if value else None


_TASK_COLUMNS = (
    "SELECT tasks.id, tasks.meeting_id, meetings.title, tasks.title, tasks.owner, "
    "tasks.department, tasks.due, tasks.status, tasks.created_at, tasks.updated_at "
    "FROM tasks JOIN meetings ON meetings.id = tasks.meeting_id"
)


def _task(row: tuple) -> TaskRecord:
    return TaskRecord(
        id=row[0],
        meeting_id=row[1],
        meeting_title=row[2],
        title=row[3],
        owner=row[4] or "",
        department=row[5] or "",
        due=_date(row[6]),
        status=row[7] or "open",
        created_at=_instant(row[8]) or pendulum.from_timestamp(0),
        updated_at=_instant(row[9]) or pendulum.from_timestamp(0),
    )


def tasks(
    archive: Archive, meeting_id: int | None = None, *, not_done: bool = False
) -> list[TaskRecord]:
    """Every task (of one meeting, or of all), in the order they were written.

    ``not_done`` leaves out tasks marked done, in SQL: written as
    ``status != 'done'`` so SQLite uses the partial index of m010.
    """
    where = []
    params: list[object] = []
    if meeting_id is not None:
        where.append("tasks.meeting_id = ?")
        params.append(meeting_id)
    if not_done:
        where.append("tasks.status != 'done'")
    clause = f" WHERE {' AND '.join(where)}" if where else ""
    rows = archive.conn.execute(f"{_TASK_COLUMNS}{clause} ORDER BY tasks.id", params).fetchall()
    return [_task(row) for row in rows]


def task(archive: Archive, task_id: int) -> TaskRecord:
    row = archive.conn.execute(f"{_TASK_COLUMNS} WHERE tasks.id = ?", (task_id,)).fetchone()
    if row is None:
        raise ArchiveError(t("followup.no_such_task", id=task_id))
    return _task(row)


def update_task(
    archive: Archive, task_id: int, status: str, note: str, now: DateTime
) -> TaskUpdate:
    """Set a task's status and append the change to its history, in one transaction."""
    with archive.transaction() as conn:
        row = conn.execute("SELECT status FROM tasks WHERE id = ?", (task_id,)).fetchone()
        if row is None:
            raise ArchiveError(t("followup.no_such_task", id=task_id))
        previous = row[0] or "open"
        at = now.isoformat()
        conn.execute(
            "UPDATE tasks SET status = ?, updated_at = ? WHERE id = ?", (status, at, task_id)
        )
        conn.execute(
            "INSERT INTO task_updates (task_id, at, previous, status, note) VALUES (?, ?, ?, ?, ?)",
            (task_id, at, previous, status, note),
        )
    return TaskUpdate(task_id, now, previous, status, note)


def task_updates(archive: Archive, task_id: int | None = None) -> list[TaskUpdate]:
    """The status history (of one task, or of all), oldest first."""
    query = "SELECT task_id, at, previous, status, note FROM task_updates"
    params: tuple = ()
    if task_id is not None:
        query += " WHERE task_id = ?"
        params = (task_id,)
    rows = archive.conn.execute(query + " ORDER BY at, id", params).fetchall()
    return [TaskUpdate(r[0], _instant(r[1]), r[2] or "", r[3], r[4] or "") for r in rows]  # type: ignore[arg-type]


def last_notes(archive: Archive, task_ids: Sequence[int]) -> dict[int, str]:
    """The latest non-empty note of each of ``task_ids`` (tasks without one are left out)."""
    notes: dict[int, str] = {}
    ids = list(dict.fromkeys(task_ids))
    # SQLite limits the number of parameters of one statement: ask in chunks.
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        rows = archive.conn.execute(
            f"SELECT task_id, note FROM task_updates WHERE task_id IN ({marks}) "
            "AND note != '' ORDER BY at, id",
            chunk,
        ).fetchall()
        notes.update({row[0]: row[1] for row in rows})
    return notes


def record_export(archive: Archive, meeting_id: int, fmt: str, now: DateTime) -> None:
    with archive.transaction() as conn:
        conn.execute(
            "INSERT INTO exports (meeting_id, format, at) VALUES (?, ?, ?)",
            (meeting_id, fmt, now.isoformat()),
        )


def unexported_closed_meetings(archive: Archive) -> list[tuple[int, str, DateTime]]:
    """(id, title, closed_at) of closed meetings whose minutes were never exported."""
    rows = archive.conn.execute(
        "SELECT id, title, closed_at FROM meetings WHERE status = 'closed' "
        "AND closed_at IS NOT NULL "
        "AND NOT EXISTS (SELECT 1 FROM exports WHERE exports.meeting_id = meetings.id) "
        "ORDER BY closed_at, id"
    ).fetchall()
    return [(r[0], r[1], _instant(r[2])) for r in rows]  # type: ignore[misc]


def save_retrospective(archive: Archive, meeting_id: int, retro: Retrospective) -> None:
    """Store (or replace) the meeting's retrospective."""
    with archive.transaction() as conn:
        conn.execute(
            "INSERT INTO retrospectives (meeting_id, good, improve, rating, at) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT (meeting_id) DO UPDATE SET "
            "good = excluded.good, improve = excluded.improve, rating = excluded.rating, "
            "at = excluded.at",
            (meeting_id, retro.good, retro.improve, retro.rating, retro.at.isoformat()),
        )


def retrospective(archive: Archive, meeting_id: int) -> Retrospective | None:
    row = archive.conn.execute(
        "SELECT good, improve, rating, at FROM retrospectives WHERE meeting_id = ?",
        (meeting_id,),
    ).fetchone()
    if row is None:
        return None
    return Retrospective(row[0] or "", row[1] or "", row[2], _instant(row[3]))  # type: ignore[arg-type]


def followed_minutes(archive: Archive, meeting_id: int, now: DateTime) -> Minutes:
    """A closed meeting's minutes with each task's id and follow-up status as of ``now``."""
    minutes = archive.minutes(meeting_id)
    today = now.in_timezone(zone_of(minutes.agenda.start)).date()
    return with_follow_up(minutes, tasks(archive, meeting_id), today)
