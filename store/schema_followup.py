"""The archive's migrations after the first ones: follow-up across meetings
(m020-m024), one convention for instants, SQL users' views and search (m030-m034).

Written as :class:`store.migrate.Migration` for both engines, like
:mod:`store.schema` (which lists them all): portable SQL where the engines
agree, ``sqlite=``/``postgres=`` where they do not (a view's date arithmetic,
the search index), Python where values are rewritten (``run``).
"""

from __future__ import annotations

import datetime as dt
import json

from facilitator.core.zones import utc_text
from store.migrate import Migration
from store.search_index import add_trigrams, create_script, index_script
from store.sql import Connection, Dialect
from store.views import ZONE_OFFSETS_DDL, add_zone, task_status_view

M020 = Migration(
    "m020_topic_reports",
    # The topic owner's report (当前进展, 风险点, 建议), one row per line typed.
    sql="""
        CREATE TABLE "topic_reports" (
           "id" {pk},
           "meeting_id" {ref} NOT NULL REFERENCES "meetings"("id"),
           "topic_id" {ref} REFERENCES "topics"("id"),
           "position" INTEGER,
           "kind" TEXT NOT NULL,
           "text" TEXT NOT NULL
        );
        CREATE INDEX "idx_topic_reports_meeting_id" ON "topic_reports" ("meeting_id");
    """,
)

M021 = Migration(
    "m021_open_item_followup",
    # Open items followed up like tasks: a status (open | resolved | dropped), the
    # owner's department, and a history of every change (status, owner, deadline)
    # with its note. Items recorded before: owned by a participant's department,
    # else by the owner as typed (an outside department like 法务部门), as the
    # close now writes.
    sql="""
        ALTER TABLE "open_items" ADD COLUMN "department" TEXT;
        ALTER TABLE "open_items" ADD COLUMN "status" TEXT NOT NULL DEFAULT 'open';
        ALTER TABLE "open_items" ADD COLUMN "created_at" TEXT;
        ALTER TABLE "open_items" ADD COLUMN "updated_at" TEXT;
        UPDATE open_items SET department = COALESCE(
            (SELECT p.department FROM people p WHERE p.meeting_id = open_items.meeting_id
             AND p.name = open_items.owner LIMIT 1), owner),
            created_at = (SELECT closed_at FROM meetings m WHERE m.id = open_items.meeting_id),
            updated_at = (SELECT closed_at FROM meetings m WHERE m.id = open_items.meeting_id);
        CREATE INDEX idx_open_items_open ON open_items(deadline, id) WHERE status = 'open';
        CREATE TABLE "open_item_updates" (
           "id" {pk},
           "item_id" {ref} NOT NULL REFERENCES "open_items"("id"),
           "at" TEXT NOT NULL,
           "previous" TEXT,
           "status" TEXT NOT NULL,
           "note" TEXT,
           "previous_owner" TEXT,
           "owner" TEXT,
           "previous_deadline" TEXT,
           "deadline" TEXT
        );
        CREATE INDEX "idx_open_item_updates_item_id_at" ON "open_item_updates" ("item_id", "at");
    """,
)

M022 = Migration(
    "m022_task_reschedules",
    # A task's due date and owner change in the open (``task ID --due --owner``):
    # each change is a row of ``task_updates`` saying what they were and became.
    sql="".join(
        f'ALTER TABLE "task_updates" ADD COLUMN "{column}" TEXT;\n'
        for column in ("previous_owner", "owner", "previous_due", "due")
    ),
)


def _series_of_each_meeting(conn: Connection, dialect: Dialect) -> None:
    rows = conn.execute("SELECT id, title, agenda FROM meetings").fetchall()
    named = []
    for meeting_id, title, agenda in rows:
        try:
            series = json.loads(agenda or "{}").get("series") or ""
        except (ValueError, AttributeError):
            series = ""
        named.append((series or title, meeting_id))
    if named:
        conn.executemany("UPDATE meetings SET series = ? WHERE id = ?", named)


M023 = Migration(
    "m023_meeting_series",
    # The series each meeting belongs to (the agenda's ``series``, else its title):
    # carry-over and trends follow a series, whatever each meeting's own title.
    sql="""
        ALTER TABLE "meetings" ADD COLUMN "series" TEXT;
        CREATE INDEX "idx_meetings_series" ON "meetings" ("series");
    """,
    run=_series_of_each_meeting,
)

M024 = Migration(
    "m024_confirmations",
    # Participants confirm the minutes (or object, saying what to correct): every
    # word kept, the latest per person counts.
    sql="""
        CREATE TABLE "confirmations" (
           "id" {pk},
           "meeting_id" {ref} NOT NULL REFERENCES "meetings"("id"),
           "name" TEXT NOT NULL,
           "verdict" TEXT NOT NULL,
           "note" TEXT,
           "at" TEXT NOT NULL
        );
        CREATE INDEX "idx_confirmations_meeting_id_at" ON "confirmations" ("meeting_id", "at");
    """,
)

INSTANT_COLUMNS: dict[str, tuple[str, tuple[str, ...]]] = {
    "meetings": ("id", ("start", "end", "rsvp_by", "created_at", "opened_at", "closed_at")),
    "journal": ("seq", ("at",)),
    "topics": ("id", ("started_at", "ended_at")),
    "tasks": ("id", ("created_at", "updated_at")),
    "task_updates": ("id", ("at",)),
    "exports": ("id", ("at",)),
    "retrospectives": ("meeting_id", ("at",)),
    "open_items": ("id", ("created_at", "updated_at")),
    "open_item_updates": ("id", ("at",)),
    "confirmations": ("id", ("at",)),
}
"""Every column holding an instant, by table (with the table's key): after m030
all are UTC ISO 8601 (``+00:00``)."""


def _utc(value: str | None) -> str | None:
    if not value:
        return value
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        return value  # not an instant: left as found, never lost
    return utc_text(parsed) if parsed.tzinfo is not None else value


def _instants_in_utc(conn: Connection, dialect: Dialect) -> None:
    for table, (key, columns) in INSTANT_COLUMNS.items():
        names = ", ".join(f'"{c}"' for c in columns)
        sets = ", ".join(f'"{c}" = ?' for c in columns)
        changed = []
        for row in conn.execute(f'SELECT "{key}", {names} FROM "{table}"').fetchall():
            values = tuple(_utc(value) for value in row[1:])
            if values != tuple(row[1:]):
                changed.append((*values, row[0]))
        if changed:
            conn.executemany(f'UPDATE "{table}" SET {sets} WHERE "{key}" = ?', changed)


M030 = Migration(
    "m030_instants_in_utc",
    # One convention for every instant: UTC ISO 8601, so text order is time order.
    # Before, ``opened_at`` was UTC while ``closed_at`` had the meeting's offset,
    # and tasks mixed offsets: sorting them as text was wrong. The meeting's own
    # zone stays in ``meetings.timezone``.
    run=_instants_in_utc,
)


def _zones_of_the_meetings(conn: Connection, dialect: Dialect) -> None:
    for (label,) in conn.execute("SELECT DISTINCT timezone FROM meetings").fetchall():
        add_zone(conn, label)


M031 = Migration(
    "m031_task_status_view",
    # ``zone_offsets`` (each meeting zone's UTC offsets) and the ``task_status``
    # view: "delayed" computed in SQL, with the date in the meeting's zone.
    sqlite=f"{ZONE_OFFSETS_DDL} WITHOUT ROWID;\n{task_status_view('sqlite')};",
    postgres=f"{ZONE_OFFSETS_DDL};\n{task_status_view('postgres')};",
    run=_zones_of_the_meetings,
)

M032 = Migration(
    "m032_open_tasks_listed_from_the_index",
    # `facilitator tasks` lists every open task with its title, owner and
    # meeting: with only (due, id) in the index each row was a lookup in the
    # whole table (benchmarks/task_query.py: 82 ms -> 30 ms for 40,000 open
    # tasks among 200,000). Same name and condition: `status != 'done'`.
    # SQLite only: PostgreSQL keeps m010's (due, id) (its index entries have a
    # size limit a long title would pass, refusing the task; and it reads the
    # rows of a list in pages, not one lookup each).
    sqlite="""
        DROP INDEX IF EXISTS idx_tasks_open_due;
        CREATE INDEX idx_tasks_open_due ON tasks(due, id, meeting_id, topic_id, status,
            title, owner, department, created_at, updated_at) WHERE status != 'done';
    """,
)

M033 = Migration(
    "m033_search_index",
    # Full-text search over points, decisions, disputes, open items and tasks
    # (``search_index``, kept in step by triggers; ``search_entries``):
    # FTS5 trigram on SQLite, a table with a pg_trgm index on PostgreSQL.
    sqlite=create_script("sqlite"),
    postgres=create_script("postgres"),
    run=add_trigrams,
)

M034 = Migration(
    "m034_search_topic_reports",
    # The topic owner's report (progress, risks, proposals) found by search too.
    sqlite=index_script(("report",), "sqlite"),
    postgres=index_script(("report",), "postgres"),
)

MIGRATIONS = (M020, M021, M022, M023, M024, M030, M031, M032, M033, M034)
"""These migrations, in the order they apply (after :mod:`store.schema`'s)."""
