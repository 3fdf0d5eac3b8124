"""Follow-up queries and updates: tasks across meetings, exports, retrospectives.

Reads and writes the public tables (``tasks``, ``task_updates``, ``exports``,
``retrospectives``); the rules that decide what the rows mean live in
``facilitator.followup.tasks``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

import pendulum
from pendulum import Date, DateTime

from facilitator.core.i18n import t
from facilitator.core.zones import zone_of
from facilitator.followup.retro import Retrospective
from facilitator.followup.tasks import TaskRecord, TaskUpdate, with_follow_up
from store.archive import Archive
from store.errors import ArchiveError
from store.minutes import iso

if TYPE_CHECKING:
    from facilitator.meeting.minutes import Minutes


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
    "tasks.department, tasks.due, tasks.status, tasks.created_at, tasks.updated_at, "
    "COALESCE(meetings.timezone, 'UTC') "
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
        timezone=row[10],
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
    archive: Archive,
    task_id: int,
    status: str | None,
    note: str,
    now: DateTime,
    *,
    owner: tuple[str, str] | None = None,
    due: Date | None = None,
) -> TaskUpdate:
    """Set a task's status (None: keep it), owner (name, department) or due date, and
    append the change to its history, in one transaction."""
    with archive.transaction() as conn:
        row = conn.execute(
            "SELECT status, owner, due FROM tasks WHERE id = ?", (task_id,)
        ).fetchone()
        if row is None:
            raise ArchiveError(t("followup.no_such_task", id=task_id))
        previous, previous_owner, previous_due = row[0] or "open", row[1] or "", row[2]
        status = status or previous
        at = iso(now)
        conn.execute(
            "UPDATE tasks SET status = ?, updated_at = ? WHERE id = ?", (status, at, task_id)
        )
        if owner is not None:
            conn.execute(
                "UPDATE tasks SET owner = ?, department = ? WHERE id = ?",
                (owner[0], owner[1], task_id),
            )
        if due is not None:
            conn.execute("UPDATE tasks SET due = ? WHERE id = ?", (due.isoformat(), task_id))
        conn.execute(
            "INSERT INTO task_updates (task_id, at, previous, status, note, previous_owner, "
            "owner, previous_due, due) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                task_id,
                at,
                previous,
                status,
                note,
                previous_owner if owner is not None else None,
                owner[0] if owner is not None else None,
                previous_due if due is not None else None,
                due.isoformat() if due is not None else None,
            ),
        )
    return TaskUpdate(
        task_id,
        now,
        previous,
        status,
        note,
        previous_owner if owner is not None else "",
        owner[0] if owner is not None else "",
        _date(previous_due) if due is not None else None,
        due,
    )


def task_updates(archive: Archive, task_id: int | None = None) -> list[TaskUpdate]:
    """The history (of one task, or of all), oldest first: statuses and reschedules."""
    return [TaskUpdate(*row) for row in history(archive, "task_updates", "task_id", "due", task_id)]


def history(
    archive: Archive, table: str, id_column: str, date_column: str, one: int | None
) -> list[tuple]:
    """The updates of a task or an open item (``one``, or all), oldest first, as the
    fields of :class:`TaskUpdate` / :class:`ItemUpdate` (the same layout): id, when,
    previous status, status, note, previous and new owner, previous and new date."""
    query = (
        f"SELECT {id_column}, at, previous, status, note, previous_owner, owner, "
        f"previous_{date_column}, {date_column} FROM {table}"
    )
    params: tuple = ()
    if one is not None:
        query += f" WHERE {id_column} = ?"
        params = (one,)
    rows = archive.conn.execute(query + " ORDER BY at, id", params).fetchall()
    return [
        (
            r[0],
            _instant(r[1]),
            r[2] or "",
            r[3],
            r[4] or "",
            r[5] or "",
            r[6] or "",
            _date(r[7]),
            _date(r[8]),
        )
        for r in rows
    ]


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
            (meeting_id, fmt, iso(now)),
        )


def save_retrospective(archive: Archive, meeting_id: int, retro: Retrospective) -> None:
    """Store (or replace) the meeting's retrospective."""
    with archive.transaction() as conn:
        conn.execute(
            "INSERT INTO retrospectives (meeting_id, good, improve, rating, at) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT (meeting_id) DO UPDATE SET "
            "good = excluded.good, improve = excluded.improve, rating = excluded.rating, "
            "at = excluded.at",
            (meeting_id, retro.good, retro.improve, retro.rating, iso(retro.at)),
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
    """A closed meeting's minutes with each task's and open item's id and follow-up
    status as of ``now``, and each participant's latest word on them."""
    from facilitator.followup.confirmations import latest
    from facilitator.followup.items import with_item_follow_up
    from store.confirmations import confirmations
    from store.items import items

    minutes = archive.minutes(meeting_id)
    today = now.in_timezone(zone_of(minutes.agenda.start)).date()
    minutes = with_item_follow_up(minutes, items(archive, meeting_id), today)
    minutes = replace(minutes, confirmations=latest(confirmations(archive, meeting_id)))
    return with_follow_up(minutes, tasks(archive, meeting_id), today)
