"""Confirmations of the minutes (``confirmations``, m024), and the closed meetings
whose minutes the weekly report may chase."""

from __future__ import annotations

import json

from pendulum import DateTime

from facilitator.core.workdays import WEEKENDS
from facilitator.followup.confirmations import MinutesToConfirm
from facilitator.meeting.agenda import Agenda
from facilitator.meeting.minutes import Confirmation
from store.archive import Archive
from store.followup import _instant
from store.minutes import iso


def record_confirmation(
    archive: Archive, meeting_id: int, name: str, verdict: str, note: str, now: DateTime
) -> Confirmation:
    """Keep a participant's confirmation of (or objection to) a meeting's minutes."""
    with archive.transaction() as conn:
        conn.execute(
            "INSERT INTO confirmations (meeting_id, name, verdict, note, at) "
            "VALUES (?, ?, ?, ?, ?)",
            (meeting_id, name, verdict, note, iso(now)),
        )
    return Confirmation(name, verdict, now, note)


def confirmations(archive: Archive, meeting_id: int) -> list[Confirmation]:
    """Every word on a meeting's minutes, oldest first."""
    rows = archive.conn.execute(
        "SELECT name, verdict, at, note FROM confirmations WHERE meeting_id = ? ORDER BY at, id",
        (meeting_id,),
    ).fetchall()
    return [Confirmation(r[0], r[1], _instant(r[2]), r[3] or "") for r in rows]  # type: ignore[arg-type]


def attendees(archive: Archive, meeting_id: int, *, absent: bool = False) -> list[str]:
    """Who attended a closed meeting (present or late), in the minutes' order; with
    ``absent``, who did not."""
    rows = archive.conn.execute(
        "SELECT name FROM attendance WHERE meeting_id = ? AND "
        + ("status = 'absent'" if absent else "status != 'absent'")
        + " ORDER BY id",
        (meeting_id,),
    ).fetchall()
    return [name for (name,) in rows]


def minutes_to_confirm(archive: Archive, closed_since: DateTime) -> list[MinutesToConfirm]:
    """Every meeting closed since ``closed_since``, with its attendees and their words."""
    rows = archive.conn.execute(
        "SELECT id, title, closed_at, agenda FROM meetings "
        "WHERE status = 'closed' AND closed_at IS NOT NULL ORDER BY id"
    ).fetchall()
    found = []
    for meeting_id, title, closed_at, agenda_json in rows:
        closed = _instant(closed_at)
        if closed is None or closed < closed_since:
            continue
        try:
            agenda = Agenda.from_dict(json.loads(agenda_json or "{}"))
            calendar, zone = agenda.calendar(), agenda.timezone
        except (ValueError, KeyError, TypeError):
            calendar, zone = WEEKENDS, "UTC"
        found.append(
            MinutesToConfirm(
                meeting_id,
                title,
                closed,
                calendar,
                zone,
                tuple(attendees(archive, meeting_id)),
                tuple(confirmations(archive, meeting_id)),
            )
        )
    return found
