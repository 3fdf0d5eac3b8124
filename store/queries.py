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
