"""Read-only questions across every closed meeting, as plain records.

For the notebook's tables: each record is a dict of the columns named in
the SELECT, in the archive's own terms.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from store.archive import Archive


def _records(archive: Archive, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
    cursor = archive.conn.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def speaking_lines(archive: Archive) -> list[dict[str, Any]]:
    """Seconds spoken per person and topic, in every closed meeting."""
    return _records(
        archive,
        "SELECT s.meeting_id, m.title AS meeting, COALESCE(tp.title, '') AS topic, s.person, "
        "s.department, s.seconds FROM speaking s JOIN meetings m ON m.id = s.meeting_id "
        "LEFT JOIN topics tp ON tp.id = s.topic_id ORDER BY s.id",
    )


def attendees(archive: Archive) -> list[dict[str, Any]]:
    """Everyone who attended a closed meeting (present or late), with their department."""
    return _records(
        archive, "SELECT name, department FROM attendance WHERE status != 'absent' ORDER BY id"
    )


MEETING_STATES = ("planned", "open", "closed")
"""A meeting as listed: not yet opened, opened and not closed, closed."""


def meeting_overview(archive: Archive) -> list[tuple[int, str, str, str, str, int, int]]:
    """Every meeting, oldest start first: (id, title, start (UTC ISO 8601), zone,
    state (:data:`MEETING_STATES`), decisions, tasks not done)."""
    return archive.conn.execute(
        "SELECT m.id, m.title, m.start, COALESCE(m.timezone, 'UTC'), "
        "CASE WHEN m.status = 'closed' THEN 'closed' "
        "WHEN EXISTS (SELECT 1 FROM journal AS j WHERE j.meeting_id = m.id "
        "AND j.kind IN ('meeting_opened', 'topic_started')) THEN 'open' ELSE 'planned' END, "
        "(SELECT count(*) FROM decisions AS d WHERE d.meeting_id = m.id), "
        "(SELECT count(*) FROM tasks AS t WHERE t.meeting_id = m.id AND t.status != 'done') "
        "FROM meetings AS m ORDER BY m.start, m.id"
    ).fetchall()
