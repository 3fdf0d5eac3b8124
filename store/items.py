"""Open items across meetings: the ``open_items`` rows and their history.

Reads and writes ``open_items`` and ``open_item_updates`` (m021); what the
rows mean (overdue, settled, the report) is ``facilitator.followup.items``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

import pendulum
from pendulum import Date, DateTime

from facilitator.core.i18n import t
from facilitator.core.workdays import WEEKENDS, WorkCalendar
from facilitator.followup.items import ItemRecord, ItemUpdate
from facilitator.meeting.agenda import Agenda
from store.archive import Archive
from store.errors import ArchiveError
from store.followup import _date, _instant, history
from store.minutes import iso

_ITEM_COLUMNS = (
    "SELECT o.id, o.meeting_id, m.title, o.text, o.owner, o.department, o.deadline, "
    "o.status, o.created_at, o.updated_at, COALESCE(tp.title, ''), COALESCE(m.timezone, 'UTC') "
    "FROM open_items o JOIN meetings m ON m.id = o.meeting_id "
    "LEFT JOIN topics tp ON tp.id = o.topic_id"
)


def _item(row: tuple) -> ItemRecord:
    return ItemRecord(
        id=row[0],
        meeting_id=row[1],
        meeting_title=row[2],
        text=row[3],
        owner=row[4] or "",
        department=row[5] or row[4] or "",
        deadline=_date(row[6]),
        status=row[7] or "open",
        created_at=_instant(row[8]) or pendulum.from_timestamp(0),
        updated_at=_instant(row[9]) or pendulum.from_timestamp(0),
        topic=row[10],
        timezone=row[11],
    )


def items(
    archive: Archive,
    meeting_id: int | None = None,
    *,
    unsettled: bool = False,
    meeting_ids: Sequence[int] | None = None,
) -> list[ItemRecord]:
    """Every open item (of one meeting, of several, or of all), in the order written.

    ``unsettled`` keeps only those still open (``status = 'open'``, the
    partial index of m021).
    """
    where = []
    params: list[object] = []
    if meeting_id is not None:
        where.append("o.meeting_id = ?")
        params.append(meeting_id)
    if meeting_ids is not None:
        where.append(f"o.meeting_id IN ({', '.join('?' * len(meeting_ids)) or 'NULL'})")
        params += list(meeting_ids)
    if unsettled:
        where.append("o.status = 'open'")
    clause = f" WHERE {' AND '.join(where)}" if where else ""
    rows = archive.conn.execute(f"{_ITEM_COLUMNS}{clause} ORDER BY o.id", params).fetchall()
    return [_item(row) for row in rows]


def item(archive: Archive, item_id: int) -> ItemRecord:
    row = archive.conn.execute(f"{_ITEM_COLUMNS} WHERE o.id = ?", (item_id,)).fetchone()
    if row is None:
        raise ArchiveError(t("items.no_such_item", id=item_id))
    return _item(row)


def update_item(
    archive: Archive,
    item_id: int,
    now: DateTime,
    *,
    status: str | None = None,
    note: str = "",
    owner: tuple[str, str] | None = None,
    deadline: Date | None = None,
) -> ItemUpdate:
    """Change an item's status, owner (name, department) or deadline, and append the
    change to its history, in one transaction."""
    with archive.transaction() as conn:
        row = conn.execute(
            "SELECT status, owner, deadline FROM open_items WHERE id = ?", (item_id,)
        ).fetchone()
        if row is None:
            raise ArchiveError(t("items.no_such_item", id=item_id))
        previous, previous_owner, previous_deadline = row[0] or "open", row[1] or "", row[2]
        at = iso(now)
        new_status = status or previous
        conn.execute(
            "UPDATE open_items SET status = ?, updated_at = ? WHERE id = ?",
            (new_status, at, item_id),
        )
        if owner is not None:
            conn.execute(
                "UPDATE open_items SET owner = ?, department = ? WHERE id = ?",
                (owner[0], owner[1], item_id),
            )
        if deadline is not None:
            conn.execute(
                "UPDATE open_items SET deadline = ? WHERE id = ?", (deadline.isoformat(), item_id)
            )
        conn.execute(
            "INSERT INTO open_item_updates (item_id, at, previous, status, note, previous_owner, "
            "owner, previous_deadline, deadline) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                item_id,
                at,
                previous,
                new_status,
                note,
                previous_owner if owner is not None else None,
                owner[0] if owner is not None else None,
                previous_deadline if deadline is not None else None,
                deadline.isoformat() if deadline is not None else None,
            ),
        )
    return ItemUpdate(
        item_id,
        now,
        previous,
        new_status,
        note,
        previous_owner if owner is not None else "",
        owner[0] if owner is not None else "",
        _date(previous_deadline) if deadline is not None else None,
        deadline,
    )


def item_updates(archive: Archive, item_id: int | None = None) -> list[ItemUpdate]:
    """The history (of one item, or of all), oldest first."""
    rows = history(archive, "open_item_updates", "item_id", "deadline", item_id)
    return [ItemUpdate(*row) for row in rows]


def meeting_people(archive: Archive, meeting_id: int) -> list[tuple[str, str]]:
    """(name, department) of everyone on a meeting's agenda, in the agenda's order."""
    return [
        (name, department or "")
        for name, department in archive.conn.execute(
            "SELECT name, department FROM people WHERE meeting_id = ? ORDER BY id", (meeting_id,)
        ).fetchall()
    ]


def meeting_calendar(archive: Archive, meeting_id: int) -> WorkCalendar:
    """The working days a meeting counts with (its agenda's holidays or its zone's)."""
    (text,) = archive.conn.execute(
        "SELECT agenda FROM meetings WHERE id = ?", (meeting_id,)
    ).fetchone() or ("{}",)
    try:
        return Agenda.from_dict(json.loads(text or "{}")).calendar()
    except (ValueError, KeyError, TypeError):
        return WEEKENDS
