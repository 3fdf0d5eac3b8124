"""The archive's schema, as forward migrations that run on SQLite and PostgreSQL.

The tables are a public interface (README, "The archive"): add columns and
tables in new migrations; never rename or drop in place. Write SQL both
engines read (see :mod:`store.sql`), with ``{pk}``, ``{ref}``, ``{real}``
for the types that differ; what only one engine has (FTS5, ``pg_trgm``,
triggers) goes in ``sqlite=`` and ``postgres=``. Every name is also listed,
in order, in :data:`store.versions.KNOWN`. The later migrations (m020 on)
are in :mod:`store.schema_followup`.
"""

from __future__ import annotations

from store import schema_followup as followup
from store.migrate import Migration
from store.versions import KNOWN

_MEETING_TABLES = ("topics", "people", "attendance", "points", "decisions", "disputes")

M001 = Migration(
    "m001_journal_and_minutes",
    sql="""
        CREATE TABLE "meetings" (
           "id" {pk},
           "key" TEXT NOT NULL,
           "title" TEXT NOT NULL,
           "goal" TEXT,
           "kind" TEXT,
           "start" TEXT NOT NULL,
           "end" TEXT NOT NULL,
           "timezone" TEXT,
           "place" TEXT,
           "online" TEXT,
           "rsvp_by" TEXT,
           "language" TEXT,
           "status" TEXT NOT NULL DEFAULT 'planned',
           "created_at" TEXT NOT NULL,
           "opened_at" TEXT,
           "closed_at" TEXT,
           "host" TEXT,
           "recorder" TEXT,
           "agenda" TEXT
        );
        CREATE INDEX "idx_meetings_key" ON "meetings" ("key");
        CREATE TABLE journal (
            seq {pk_never_reused},
            meeting_id {ref} NOT NULL REFERENCES meetings(id),
            at TEXT NOT NULL,
            kind TEXT NOT NULL,
            payload TEXT NOT NULL,
            grp {ref}
        );
        CREATE INDEX "idx_journal_meeting_id_seq" ON "journal" ("meeting_id", "seq");
        CREATE TABLE "topics" (
           "id" {pk},
           "meeting_id" {ref} REFERENCES "meetings"("id"),
           "position" INTEGER,
           "topic_key" TEXT,
           "title" TEXT,
           "owner" TEXT,
           "planned_minutes" INTEGER,
           "extra_minutes" INTEGER,
           "actual_seconds" {real},
           "status" TEXT,
           "started_at" TEXT,
           "ended_at" TEXT
        );
        CREATE TABLE "people" (
           "id" {pk},
           "meeting_id" {ref} REFERENCES "meetings"("id"),
           "name" TEXT,
           "department" TEXT,
           "role" TEXT,
           "email" TEXT
        );
        CREATE TABLE "attendance" (
           "id" {pk},
           "meeting_id" {ref} REFERENCES "meetings"("id"),
           "name" TEXT,
           "department" TEXT,
           "status" TEXT,
           "briefer" TEXT
        );
        CREATE TABLE "points" (
           "id" {pk},
           "meeting_id" {ref} REFERENCES "meetings"("id"),
           "topic_id" {ref} REFERENCES "topics"("id"),
           "position" INTEGER,
           "text" TEXT
        );
        CREATE TABLE "decisions" (
           "id" {pk},
           "meeting_id" {ref} REFERENCES "meetings"("id"),
           "topic_id" {ref} REFERENCES "topics"("id"),
           "position" INTEGER,
           "text" TEXT
        );
        CREATE TABLE "disputes" (
           "id" {pk},
           "meeting_id" {ref} REFERENCES "meetings"("id"),
           "topic_id" {ref} REFERENCES "topics"("id"),
           "position" INTEGER,
           "text" TEXT,
           "sides" TEXT
        );
        CREATE TABLE "open_items" (
           "id" {pk},
           "meeting_id" {ref} REFERENCES "meetings"("id"),
           "topic_id" {ref} REFERENCES "topics"("id"),
           "text" TEXT,
           "owner" TEXT,
           "deadline" TEXT
        );
        CREATE TABLE "tasks" (
           "id" {pk},
           "meeting_id" {ref} REFERENCES "meetings"("id"),
           "topic_id" {ref} REFERENCES "topics"("id"),
           "title" TEXT,
           "owner" TEXT,
           "department" TEXT,
           "due" TEXT,
           "status" TEXT DEFAULT 'open',
           "created_at" TEXT,
           "updated_at" TEXT
        );
        CREATE INDEX "idx_tasks_status_due" ON "tasks" ("status", "due");
        CREATE INDEX "idx_tasks_owner" ON "tasks" ("owner");
        CREATE INDEX "idx_tasks_meeting_id" ON "tasks" ("meeting_id");
        CREATE TABLE "speaking" (
           "id" {pk},
           "meeting_id" {ref} REFERENCES "meetings"("id"),
           "topic_id" {ref} REFERENCES "topics"("id"),
           "person" TEXT,
           "department" TEXT,
           "seconds" {real}
        );
    """
    + "".join(
        f'CREATE INDEX "idx_{table}_meeting_id" ON "{table}" ("meeting_id");\n'
        for table in (*_MEETING_TABLES, "open_items", "speaking")
    ),
    # Followers (the projector, the notebook) are woken by the server when a
    # meeting's journal grows, instead of asking it five times a second.
    postgres="""
        CREATE FUNCTION facilitator_journal_notify() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM pg_notify('facilitator_journal', NEW.meeting_id::text);
            RETURN NULL;
        END
        $$;
        CREATE TRIGGER journal_notify AFTER INSERT ON journal
            FOR EACH ROW EXECUTE FUNCTION facilitator_journal_notify();
    """,
)

M002 = Migration(
    "m002_task_updates",
    # Every status change of a task, so follow-up has a history.
    sql="""
        CREATE TABLE "task_updates" (
           "id" {pk},
           "task_id" {ref} NOT NULL REFERENCES "tasks"("id"),
           "at" TEXT NOT NULL,
           "previous" TEXT,
           "status" TEXT NOT NULL,
           "note" TEXT
        );
        CREATE INDEX "idx_task_updates_task_id_at" ON "task_updates" ("task_id", "at");
    """,
)

M003 = Migration(
    "m003_exports",
    # When the minutes of a meeting were exported, to flag minutes not sent in 24 h.
    sql="""
        CREATE TABLE "exports" (
           "id" {pk},
           "meeting_id" {ref} NOT NULL REFERENCES "meetings"("id"),
           "format" TEXT NOT NULL,
           "at" TEXT NOT NULL
        );
        CREATE INDEX "idx_exports_meeting_id" ON "exports" ("meeting_id");
    """,
)

M004 = Migration(
    "m004_retrospectives",
    # The optional short retrospective after a meeting (one per meeting, replaceable).
    sql="""
        CREATE TABLE "retrospectives" (
           "meeting_id" {ref} PRIMARY KEY REFERENCES "meetings"("id"),
           "good" TEXT,
           "improve" TEXT,
           "rating" INTEGER,
           "at" TEXT NOT NULL
        );
    """,
)

M010 = Migration(
    "m010_open_tasks_index",
    # Following tasks across the archive reads the ones not done, by due date:
    # a partial index keeps that fast however many done tasks pile up
    # (benchmarks/task_query.py: 310 ms -> 140 ms on 200,000 tasks). Queries
    # must say ``status != 'done'`` for either engine to use it.
    sql="CREATE INDEX idx_tasks_open_due ON tasks(due, id) WHERE status != 'done';",
)

MIGRATIONS: tuple[Migration, ...] = (M001, M002, M003, M004, M010, *followup.MIGRATIONS)
"""Every migration, in the order they apply."""

if tuple(m.name for m in MIGRATIONS) != KNOWN:
    raise RuntimeError("store.versions.KNOWN must list every migration, in order")
