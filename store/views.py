"""Views for SQL users (Datasette, ``sqlite3``), and the one SQL each is made from.

SQL has no time-zone rules, so "is this task delayed?" (due before today,
today being the date in the meeting's zone) needs the zone's offsets: the
``zone_offsets`` table holds every offset change of each zone the meetings
use (:func:`facilitator.core.zones.offset_changes`), written when a meeting
is created. The ``task_status`` view reads today's date from it with
the engine's clock; ``facilitator tasks`` runs the same SQL with the
program's clock (``FACILITATOR_NOW``) in its place, so both say the same as
:func:`facilitator.followup.tasks.effective_status`.

The date arithmetic is each engine's own (SQLite's ``date()`` and
``printf``, PostgreSQL's ``to_char`` and intervals): :func:`day_of` and
:func:`utc_text_of` write it once for both.
"""

from __future__ import annotations

from facilitator.core.zones import offset_changes
from store.sql import Connection, Dialect

ZONE_OFFSETS_DDL = """
CREATE TABLE zone_offsets (
    zone TEXT NOT NULL,
    since TEXT NOT NULL,
    offset_minutes INTEGER NOT NULL,
    PRIMARY KEY (zone, since)
)"""
"""``zone``: as ``meetings.timezone`` (an IANA name or a fixed offset like ``+01:00``);
``since``: the UTC instant from which ``offset_minutes`` (east of UTC) applies.
SQLite keeps it ``WITHOUT ROWID`` (see :data:`store.schema_followup.M031`)."""

NOW: dict[Dialect, str] = {"sqlite": "'now'", "postgres": "now()"}
"""The engine's clock in a view (PostgreSQL would fix ``'now'`` when the view is made)."""


def day_of(instant: str, dialect: Dialect, minutes: str | None = None) -> str:
    """SQL for the date (``YYYY-MM-DD``) of ``instant`` (an SQL expression: a UTC
    ISO 8601 text, or :data:`NOW`) moved ``minutes`` (an SQL expression) east of UTC."""
    if dialect == "sqlite":
        return (
            f"date({instant}, printf('%+d minutes', {minutes}))" if minutes else f"date({instant})"
        )
    return (
        f"to_char(({instant})::timestamptz AT TIME ZONE 'UTC' "
        f"+ ({minutes or '0'}) * interval '1 minute', 'YYYY-MM-DD')"
    )


def utc_text_of(instant: str, dialect: Dialect) -> str:
    """SQL for ``instant`` as the archive writes instants (whole seconds, ``+00:00``)."""
    if dialect == "sqlite":
        return f"strftime('%Y-%m-%dT%H:%M:%S+00:00', {instant})"
    shape = """'YYYY-MM-DD"T"HH24:MI:SS"+00:00"'"""
    return f"to_char(({instant})::timestamptz AT TIME ZONE 'UTC', {shape})"


def local_today(now: str, dialect: Dialect = "sqlite") -> str:
    """A CTE ``local_today(zone, today)``: today's date in each zone, as of ``now``
    (an SQL expression: :data:`NOW` or a parameter holding a UTC ISO 8601 instant)."""
    return f"""local_today(zone, today) AS MATERIALIZED (
    SELECT z.zone, {day_of(now, dialect, "z.offset_minutes")}
    FROM zone_offsets AS z
    WHERE z.since = (
        SELECT max(w.since) FROM zone_offsets AS w
        WHERE w.zone = z.zone AND w.since <= {utc_text_of(now, dialect)}
    )
)"""


def shown_status(now: str, dialect: Dialect = "sqlite") -> str:
    """The status a person sees: a task past its due date (in its meeting's zone)
    and not done is delayed, whatever its stored status."""
    return (
        "CASE WHEN t.status != 'done' AND t.due < COALESCE(lt.today, "
        + day_of(now, dialect)
        + ") THEN 'delayed' ELSE COALESCE(t.status, 'open') END"
    )


def task_select(now: str, dialect: Dialect = "sqlite") -> str:
    """Every task with its meeting, topic and shown status: the columns of
    :class:`facilitator.followup.listing.TaskRow`, in order."""
    return f"""WITH {local_today(now, dialect)}
SELECT t.id, t.meeting_id, m.title, COALESCE(tp.title, ''), t.title,
    COALESCE(t.owner, ''), COALESCE(t.department, ''), t.due,
    {shown_status(now, dialect)}, COALESCE(t.status, 'open'),
    t.created_at, t.updated_at,
    CASE WHEN t.status = 'done' THEN COALESCE(
        (SELECT max(u.at) FROM task_updates AS u WHERE u.task_id = t.id AND u.status = 'done'),
        t.updated_at) END,
    m.timezone
FROM tasks AS t
JOIN meetings AS m ON m.id = t.meeting_id
LEFT JOIN topics AS tp ON tp.id = t.topic_id
LEFT JOIN local_today AS lt ON lt.zone = m.timezone"""


def screen_select(now: str, dialect: Dialect = "sqlite") -> str:
    """The task list as the terminal shows it: id (text), due, status in words
    (``:open``, ``:doing``, ``:done``, ``:delayed`` give them), owner, department,
    title, meeting. What SQLite can make needs no Python per task."""
    return f"""WITH {local_today(now, dialect)}
SELECT CAST(t.id AS TEXT), t.due,
    CASE {shown_status(now, dialect)} WHEN 'open' THEN :open WHEN 'doing' THEN :doing
        WHEN 'done' THEN :done WHEN 'delayed' THEN :delayed ELSE t.status END,
    COALESCE(t.owner, ''), COALESCE(t.department, ''), t.title, m.title
FROM tasks AS t
JOIN meetings AS m ON m.id = t.meeting_id
LEFT JOIN local_today AS lt ON lt.zone = m.timezone"""


def task_status_view(dialect: Dialect) -> str:
    """``CREATE VIEW task_status``: each task as followed up today. ``status`` is what
    ``facilitator tasks`` shows (``delayed`` once past due in the meeting's zone),
    ``stored_status`` what was set."""
    now = NOW[dialect]
    return f"""
CREATE VIEW task_status AS
WITH {local_today(now, dialect)}
SELECT t.id AS task_id, t.meeting_id, m.title AS meeting, t.topic_id,
    COALESCE(tp.title, '') AS topic, t.title, t.owner, t.department, t.due,
    {shown_status(now, dialect)} AS status,
    COALESCE(t.status, 'open') AS stored_status,
    COALESCE(lt.today, {day_of(now, dialect)}) AS today,
    m.timezone, t.created_at, t.updated_at
FROM tasks AS t
JOIN meetings AS m ON m.id = t.meeting_id
LEFT JOIN topics AS tp ON tp.id = t.topic_id
LEFT JOIN local_today AS lt ON lt.zone = m.timezone
"""


def add_zone(conn: Connection, label: str | None) -> None:
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
    # Two rooms on one server may create meetings in a new zone at once: both see
    # it missing; the second then finds the first's rows and leaves them.
    conn.executemany(
        "INSERT INTO zone_offsets (zone, since, offset_minutes) VALUES (?, ?, ?) "
        "ON CONFLICT (zone, since) DO NOTHING",
        [(label, since, minutes) for since, minutes in changes],
    )
