"""The minutes tables, written from a closed meeting's minutes (at its close)."""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING

from facilitator.core.zones import utc_text
from store.sql import Connection

if TYPE_CHECKING:
    from facilitator.meeting.minutes import Minutes


def iso(value: dt.datetime | None) -> str | None:
    """An instant as stored: ISO 8601 in UTC (see :func:`facilitator.core.zones.utc_text`),
    or NULL. Every instant the archive writes goes through here."""
    return utc_text(value) if value is not None else None


def write_minutes(conn: Connection, meeting_id: int, minutes: Minutes) -> None:
    """Materialise ``minutes`` into the public tables (inside the caller's transaction)."""
    closed = iso(minutes.closed_at)
    conn.execute(
        "UPDATE meetings SET status = 'closed', opened_at = ?, closed_at = ? WHERE id = ?",
        (iso(minutes.opened_at), closed, meeting_id),
    )
    topic_ids: dict[str, int] = {}
    for topic in minutes.topics:
        (topic_id,) = conn.execute(
            "INSERT INTO topics (meeting_id, position, topic_key, title, owner, planned_minutes, "
            "extra_minutes, actual_seconds, status, started_at, ended_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            (
                meeting_id,
                topic.position,
                topic.id,
                topic.title,
                topic.owner,
                topic.planned_minutes,
                topic.extra_minutes,
                topic.actual_seconds,
                topic.status,
                iso(topic.started_at),
                iso(topic.ended_at),
            ),
        ).fetchone()
        topic_ids[topic.id] = int(topic_id)
    for person in minutes.agenda.people:
        conn.execute(
            "INSERT INTO people (meeting_id, name, department, role, email) VALUES (?, ?, ?, ?, ?)",
            (meeting_id, person.name, person.department, person.role, person.email),
        )
    for line in minutes.attendance:
        conn.execute(
            "INSERT INTO attendance (meeting_id, name, department, status, briefer) "
            "VALUES (?, ?, ?, ?, ?)",
            (meeting_id, line.name, line.department, line.status, line.briefer),
        )
    for section in (minutes.general, *minutes.topics):
        topic_id = topic_ids.get(section.id)
        for position, text in enumerate(section.points, start=1):
            conn.execute(
                "INSERT INTO points (meeting_id, topic_id, position, text) VALUES (?, ?, ?, ?)",
                (meeting_id, topic_id, position, text),
            )
        for position, text in enumerate(section.decisions, start=1):
            conn.execute(
                "INSERT INTO decisions (meeting_id, topic_id, position, text) VALUES (?, ?, ?, ?)",
                (meeting_id, topic_id, position, text),
            )
        reports = [
            *(("progress", text) for text in section.progress),
            *(("risk", text) for text in section.risks),
            *(("proposal", text) for text in section.proposals),
        ]
        for position, (kind, text) in enumerate(reports, start=1):
            conn.execute(
                "INSERT INTO topic_reports (meeting_id, topic_id, position, kind, text) "
                "VALUES (?, ?, ?, ?, ?)",
                (meeting_id, topic_id, position, kind, text),
            )
        for position, dispute in enumerate(section.disputes, start=1):
            sides = json.dumps(
                [{"party": s.party, "position": s.position} for s in dispute.sides],
                ensure_ascii=False,
            )
            conn.execute(
                "INSERT INTO disputes (meeting_id, topic_id, position, text, sides) "
                "VALUES (?, ?, ?, ?, ?)",
                (meeting_id, topic_id, position, dispute.text, sides),
            )
    for item in minutes.open_items:
        conn.execute(
            "INSERT INTO open_items (meeting_id, topic_id, text, owner, deadline, "
            "department, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                meeting_id,
                topic_ids.get(item.topic or ""),
                item.text,
                item.owner,
                item.deadline.isoformat() if item.deadline else None,
                item.department,
                "open",
                closed,
                closed,
            ),
        )
    for task in minutes.tasks:
        conn.execute(
            "INSERT INTO tasks (meeting_id, topic_id, title, owner, department, due, status, "
            "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                meeting_id,
                topic_ids.get(task.topic or ""),
                task.title,
                task.owner,
                task.department,
                task.due.isoformat() if task.due else None,
                task.status,
                closed,
                closed,
            ),
        )
    for spoken in minutes.speaking:
        conn.execute(
            "INSERT INTO speaking (meeting_id, topic_id, person, department, seconds) "
            "VALUES (?, ?, ?, ?, ?)",
            (
                meeting_id,
                topic_ids.get(spoken.topic or ""),
                spoken.person,
                spoken.department,
                spoken.seconds,
            ),
        )
