"""The archive's schema, as forward migrations (sqlite-utils ``Migrations``).

The tables are a public interface (README, "The archive"): add columns and
tables in new migrations; never rename or drop in place.
"""

from __future__ import annotations

import datetime as dt
import json

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from facilitator.core.zones import utc_text
from store import search as search_index
from store.versions import KNOWN, MIGRATION_SET
from store.views import TASK_STATUS_VIEW, ZONE_OFFSETS_DDL, add_zone

migrations = Migrations(MIGRATION_SET)


@migrations()
def m001_journal_and_minutes(db: Database) -> None:
    db.table("meetings").create(
        {
            "id": int,
            "key": str,
            "title": str,
            "goal": str,
            "kind": str,
            "start": str,
            "end": str,
            "timezone": str,
            "place": str,
            "online": str,
            "rsvp_by": str,
            "language": str,
            "status": str,  # planned | closed
            "created_at": str,
            "opened_at": str,
            "closed_at": str,
            "host": str,
            "recorder": str,
            "agenda": str,  # the agenda as JSON, as it was planned
        },
        pk="id",
        not_null={"key", "title", "start", "end", "status", "created_at"},
        defaults={"status": "planned"},
    )
    db.table("meetings").create_index(["key"])
    db.execute(
        """
        CREATE TABLE journal (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            meeting_id INTEGER NOT NULL REFERENCES meetings(id),
            at TEXT NOT NULL,
            kind TEXT NOT NULL,
            payload TEXT NOT NULL,
            grp INTEGER
        )
        """
    )
    db.table("journal").create_index(["meeting_id", "seq"])
    meeting_fk = [("meeting_id", "meetings", "id")]
    topic_fk = [*meeting_fk, ("topic_id", "topics", "id")]
    db.table("topics").create(
        {
            "id": int,
            "meeting_id": int,
            "position": int,
            "topic_key": str,
            "title": str,
            "owner": str,
            "planned_minutes": int,
            "extra_minutes": int,
            "actual_seconds": float,
            "status": str,  # done | skipped | pending
            "started_at": str,
            "ended_at": str,
        },
        pk="id",
        foreign_keys=meeting_fk,
    )
    db.table("people").create(
        {"id": int, "meeting_id": int, "name": str, "department": str, "role": str, "email": str},
        pk="id",
        foreign_keys=meeting_fk,
    )
    db.table("attendance").create(
        {
            "id": int,
            "meeting_id": int,
            "name": str,
            "department": str,
            "status": str,  # present | late | absent
            "briefer": str,
        },
        pk="id",
        foreign_keys=meeting_fk,
    )
    for table in ("points", "decisions"):
        db.table(table).create(
            {"id": int, "meeting_id": int, "topic_id": int, "position": int, "text": str},
            pk="id",
            foreign_keys=topic_fk,
        )
    db.table("disputes").create(
        {
            "id": int,
            "meeting_id": int,
            "topic_id": int,
            "position": int,
            "text": str,
            "sides": str,  # JSON: [{"party": ..., "position": ...}, ...]
        },
        pk="id",
        foreign_keys=topic_fk,
    )
    db.table("open_items").create(
        {
            "id": int,
            "meeting_id": int,
            "topic_id": int,
            "text": str,
            "owner": str,
            "deadline": str,  # ISO date
        },
        pk="id",
        foreign_keys=topic_fk,
    )
    db.table("tasks").create(
        {
            "id": int,
            "meeting_id": int,
            "topic_id": int,
            "title": str,
            "owner": str,
            "department": str,
            "due": str,  # ISO date
            "status": str,  # open | doing | done | delayed
            "created_at": str,
            "updated_at": str,
        },
        pk="id",
        foreign_keys=topic_fk,
        defaults={"status": "open"},
    )
    db.table("tasks").create_index(["status", "due"])
    db.table("tasks").create_index(["owner"])
    db.table("tasks").create_index(["meeting_id"])
    db.table("speaking").create(
        {
            "id": int,
            "meeting_id": int,
            "topic_id": int,
            "person": str,
            "department": str,
            "seconds": float,
        },
        pk="id",
        foreign_keys=topic_fk,
    )
    for table in (
        "topics",
        "people",
        "attendance",
        "points",
        "decisions",
        "disputes",
        "open_items",
        "speaking",
    ):
        db.table(table).create_index(["meeting_id"])


@migrations()
def m002_task_updates(db: Database) -> None:
    """Every status change of a task, so follow-up has a history."""
    db.table("task_updates").create(
        {
            "id": int,
            "task_id": int,
            "at": str,
            "previous": str,  # the status before this update
            "status": str,  # open | doing | done | delayed
            "note": str,
        },
        pk="id",
        foreign_keys=[("task_id", "tasks", "id")],
        not_null={"task_id", "at", "status"},
    )
    db.table("task_updates").create_index(["task_id", "at"])


@migrations()
def m003_exports(db: Database) -> None:
    """When the minutes of a meeting were exported, to flag minutes not sent in 24 h."""
    db.table("exports").create(
        {"id": int, "meeting_id": int, "format": str, "at": str},
        pk="id",
        foreign_keys=[("meeting_id", "meetings", "id")],
        not_null={"meeting_id", "format", "at"},
    )
    db.table("exports").create_index(["meeting_id"])


@migrations()
def m004_retrospectives(db: Database) -> None:
    """The optional short retrospective after a meeting (one per meeting, replaceable)."""
    db.table("retrospectives").create(
        {
            "meeting_id": int,
            "good": str,
            "improve": str,
            "rating": int,  # 1-5
            "at": str,
        },
        pk="meeting_id",
        foreign_keys=[("meeting_id", "meetings", "id")],
        not_null={"at"},
    )


@migrations()
def m010_open_tasks_index(db: Database) -> None:
    # Following tasks across the archive reads the ones not done, by due date:
    # a partial index keeps that fast however many done tasks pile up
    # (benchmarks/task_query.py: 310 ms -> 140 ms on 200,000 tasks). Queries
    # must say ``status != 'done'`` for SQLite to use it.
    db.execute("CREATE INDEX idx_tasks_open_due ON tasks(due, id) WHERE status != 'done'")


@migrations()
def m020_topic_reports(db: Database) -> None:
    """The topic owner's report (当前进展, 风险点, 建议), one row per line typed."""
    db.table("topic_reports").create(
        {
            "id": int,
            "meeting_id": int,
            "topic_id": int,
            "position": int,
            "kind": str,  # progress | risk | proposal
            "text": str,
        },
        pk="id",
        foreign_keys=[("meeting_id", "meetings", "id"), ("topic_id", "topics", "id")],
        not_null={"meeting_id", "kind", "text"},
    )
    db.table("topic_reports").create_index(["meeting_id"])


@migrations()
def m021_open_item_followup(db: Database) -> None:
    """Open items followed up like tasks: a status, the owner's department, and a
    history of every change (status, owner, deadline) with its note."""
    items = db.table("open_items")
    items.add_column("department", str)
    items.add_column("status", str, not_null_default="open")  # open | resolved | dropped
    items.add_column("created_at", str)
    items.add_column("updated_at", str)
    # Items recorded before: owned by a participant's department, else by the
    # owner as typed (an outside department like 法务部门), as the close now writes.
    db.execute(
        "UPDATE open_items SET department = COALESCE("
        "(SELECT p.department FROM people p WHERE p.meeting_id = open_items.meeting_id "
        "AND p.name = open_items.owner LIMIT 1), owner), "
        "created_at = (SELECT closed_at FROM meetings m WHERE m.id = open_items.meeting_id), "
        "updated_at = (SELECT closed_at FROM meetings m WHERE m.id = open_items.meeting_id)"
    )
    db.execute("CREATE INDEX idx_open_items_open ON open_items(deadline, id) WHERE status = 'open'")
    db.table("open_item_updates").create(
        {
            "id": int,
            "item_id": int,
            "at": str,
            "previous": str,  # the status before this update
            "status": str,  # open | resolved | dropped
            "note": str,
            "previous_owner": str,  # owner and deadline: set only when this update changed them
            "owner": str,
            "previous_deadline": str,
            "deadline": str,
        },
        pk="id",
        foreign_keys=[("item_id", "open_items", "id")],
        not_null={"item_id", "at", "status"},
    )
    db.table("open_item_updates").create_index(["item_id", "at"])


@migrations()
def m022_task_reschedules(db: Database) -> None:
    """A task's due date and owner change in the open (``task ID --due --owner``):
    each change is a row of ``task_updates`` saying what they were and became."""
    updates = db.table("task_updates")
    for column in ("previous_owner", "owner", "previous_due", "due"):
        updates.add_column(column, str)


@migrations()
def m023_meeting_series(db: Database) -> None:
    """The series each meeting belongs to (the agenda's ``series``, else its title):
    carry-over and trends follow a series, whatever each meeting's own title."""
    db.table("meetings").add_column("series", str)
    for meeting_id, title, agenda in db.execute(
        "SELECT id, title, agenda FROM meetings"
    ).fetchall():
        try:
            named = json.loads(agenda or "{}").get("series") or ""
        except (ValueError, AttributeError):
            named = ""
        db.execute("UPDATE meetings SET series = ? WHERE id = ?", (named or title, meeting_id))
    db.table("meetings").create_index(["series"])


@migrations()
def m024_confirmations(db: Database) -> None:
    """Participants confirm the minutes (or object, saying what to correct): every
    word kept, the latest per person counts."""
    db.table("confirmations").create(
        {
            "id": int,
            "meeting_id": int,
            "name": str,
            "verdict": str,  # confirmed | objected
            "note": str,
            "at": str,
        },
        pk="id",
        foreign_keys=[("meeting_id", "meetings", "id")],
        not_null={"meeting_id", "name", "verdict", "at"},
    )
    db.table("confirmations").create_index(["meeting_id", "at"])


# Every column holding an instant: after m030 all are UTC ISO 8601 ("+00:00").
INSTANT_COLUMNS = {
    "meetings": ("start", "end", "rsvp_by", "created_at", "opened_at", "closed_at"),
    "journal": ("at",),
    "topics": ("started_at", "ended_at"),
    "tasks": ("created_at", "updated_at"),
    "task_updates": ("at",),
    "exports": ("at",),
    "retrospectives": ("at",),
    "open_items": ("created_at", "updated_at"),
    "open_item_updates": ("at",),
    "confirmations": ("at",),
}


def _utc(value: str | None) -> str | None:
    if not value:
        return value
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        return value  # not an instant: left as found, never lost
    return utc_text(parsed) if parsed.tzinfo is not None else value


@migrations()
def m030_instants_in_utc(db: Database) -> None:
    """One convention for every instant: UTC ISO 8601, so text order is time order.

    Before, ``opened_at`` was UTC while ``closed_at`` had the meeting's
    offset, and tasks mixed offsets: sorting them as text was wrong. The
    meeting's own zone stays in ``meetings.timezone``.
    """
    db.conn.create_function("facilitator_utc", 1, _utc, deterministic=True)
    for table, columns in INSTANT_COLUMNS.items():
        sets = ", ".join(f'"{c}" = facilitator_utc("{c}")' for c in columns)
        db.execute(f'UPDATE "{table}" SET {sets}')


@migrations()
def m031_task_status_view(db: Database) -> None:
    """``zone_offsets`` (each meeting zone's UTC offsets) and the ``task_status`` view:
    "delayed" computed in SQL, with the date in the meeting's zone."""
    db.execute(ZONE_OFFSETS_DDL)
    for (label,) in db.execute("SELECT DISTINCT timezone FROM meetings").fetchall():
        add_zone(db.conn, label)
    db.execute(TASK_STATUS_VIEW)


@migrations()
def m032_open_tasks_listed_from_the_index(db: Database) -> None:
    # `facilitator tasks` lists every open task with its title, owner and
    # meeting: with only (due, id) in the index each row was a lookup in the
    # whole table (benchmarks/task_query.py: 82 ms -> 30 ms for 40,000 open
    # tasks among 200,000). Same name and condition: `status != 'done'`.
    db.execute("DROP INDEX IF EXISTS idx_tasks_open_due")
    db.execute(
        "CREATE INDEX idx_tasks_open_due ON tasks(due, id, meeting_id, topic_id, status, "
        "title, owner, department, created_at, updated_at) WHERE status != 'done'"
    )


@migrations()
def m033_search_index(db: Database) -> None:
    """Full-text search over points, decisions, disputes, open items and tasks
    (``search_index``, trigram, kept in step by triggers; ``search_entries``)."""
    search_index.create(db.conn)


@migrations()
def m034_search_topic_reports(db: Database) -> None:
    """The topic owner's report (progress, risks, proposals) found by search too."""
    search_index.index(db.conn, ("report",))


if tuple(m.name for m in migrations._migrations) != KNOWN:
    raise RuntimeError("store.versions.KNOWN must list every migration, in order")
"""Names of every migration this version knows, to detect a newer archive."""
