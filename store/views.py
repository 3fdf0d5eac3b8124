"""Views for SQL users (Datasette, ``sqlite3``), and the one SQL each is made from.

SQL has no time-zone rules, so "is this task delayed?" (due before today,
today being the date in the meeting's zone) needs the zone's offsets: the
``zone_offsets`` table holds every offset change of each zone the meetings
use (:func:`facilitator.core.zones.offset_changes`), written when a meeting
is created. The ``task_status`` view reads today's date from it with
SQLite's clock (``'now'``); ``facilitator tasks`` runs the same SQL with the
program's clock (``FACILITATOR_NOW``) in its place, so both say the same as
:func:`facilitator.followup.tasks.effective_status`.
"""

from __future__ import annotations

import sqlite3

from facilitator.core.zones import offset_changes

ZONE_OFFSETS_DDL = """
CREATE TABLE zone_offsets (
    zone TEXT NOT NULL,
    since TEXT NOT NULL,
    offset_minutes INTEGER NOT NULL,
    PRIMARY KEY (zone, since)
) WITHOUT ROWID
"""
"""``zone``: as ``meetings.timezone`` (an IANA name or a fixed offset like ``+01:00``);
``since``: the UTC instant from which ``offset_minutes`` (east of UTC) applies."""


def local_today(now: str) -> str:
    """A CTE ``local_today(zone, today)``: today's date in each zone, as of ``now``
    (an SQL expression: ``'now'`` or a parameter holding a UTC ISO 8601 instant)."""
    return f"""local_today(zone, today) AS MATERIALIZED (
    SELECT z.zone, date({now}, printf('%+d minutes', z.offset_minutes))
    FROM zone_offsets AS z
    WHERE z.since = (
        SELECT max(w.since) FROM zone_offsets AS w
        WHERE w.zone = z.zone AND w.since <= strftime('%Y-%m-%dT%H:%M:%S+00:00', {now})
    )
)"""


def shown_status(now: str) -> str:
    """The status a person sees: a task past its due date (in its meeting's zone)
    and not done is delayed, whatever its stored status."""
    return (
        "CASE WHEN t.status != 'done' AND t.due < COALESCE(lt.today, date("
        + now
        + ")) THEN 'delayed' ELSE COALESCE(t.status, 'open') END"
    )


def task_select(now: str) -> str:
    """Every task with its meeting, topic and shown status: the columns of
    :class:`facilitator.followup.listing.TaskRow`, in order."""
    return f"""WITH {local_today(now)}
SELECT t.id, t.meeting_id, m.title, COALESCE(tp.title, ''), t.title,
    COALESCE(t.owner, ''), COALESCE(t.department, ''), t.due,
    {shown_status(now)}, COALESCE(t.status, 'open'),
    t.created_at, t.updated_at,
    CASE WHEN t.status = 'done' THEN COALESCE(
        (SELECT max(u.at) FROM task_updates AS u WHERE u.task_id = t.id AND u.status = 'done'),
        t.updated_at) END,
    m.timezone
FROM tasks AS t
JOIN meetings AS m ON m.id = t.meeting_id
LEFT JOIN topics AS tp ON tp.id = t.topic_id
LEFT JOIN local_today AS lt ON lt.zone = m.timezone"""


def screen_select(now: str) -> str:
    """The task list as the terminal shows it: id (text), due, status in words
    (``:open``, ``:doing``, ``:done``, ``:delayed`` give them), owner, department,
    title, meeting. What SQLite can make needs no Python per task."""
    return f"""WITH {local_today(now)}
SELECT CAST(t.id AS TEXT), t.due,
    CASE {shown_status(now)} WHEN 'open' THEN :open WHEN 'doing' THEN :doing
        WHEN 'done' THEN :done WHEN 'delayed' THEN :delayed ELSE t.status END,
    COALESCE(t.owner, ''), COALESCE(t.department, ''), t.title, m.title
FROM tasks AS t
JOIN meetings AS m ON m.id = t.meeting_id
LEFT JOIN local_today AS lt ON lt.zone = m.timezone"""


TASK_STATUS_VIEW = f"""
CREATE VIEW task_status AS
WITH {local_today("'now'")}
SELECT t.id AS task_id, t.meeting_id, m.title AS meeting, t.topic_id,
    COALESCE(tp.title, '') AS topic, t.title, t.owner, t.department, t.due,
    {shown_status("'now'")} AS status,
    COALESCE(t.status, 'open') AS stored_status,
    COALESCE(lt.today, date('now')) AS today,
    m.timezone, t.created_at, t.updated_at
FROM tasks AS t
JOIN meetings AS m ON m.id = t.meeting_id
LEFT JOIN topics AS tp ON tp.id = t.topic_id
LEFT JOIN local_today AS lt ON lt.zone = m.timezone
"""
"""Each task as followed up today: ``status`` is what ``facilitator tasks`` shows
(``delayed`` once past due in the meeting's zone), ``stored_status`` what was set."""


def add_zone(conn: sqlite3.Connection, label: str | None) -> None:
    """Write the offsets of zone ``label`` into ``zone_offsets`` unless it is there."""
    if not label:
        return
    known = conn.execute("SELECT 1 FROM zone_offsets WHERE zone = ? LIMIT 1", (label,)).fetchone()
    if known:
        return
    try:
        changes = offset_changes(label)
    except (ValueError, LookupError):
        return  # a zone this machine does not know: its tasks fall back to UTC dates
    conn.executemany(
        "INSERT INTO zone_offsets (zone, since, offset_minutes) VALUES (?, ?, ?)",
        [(label, since, minutes) for since, minutes in changes],
    )
