"""The ``search_index`` table on either engine: what is indexed, and the SQL that
makes it (migrations m033 and m034) and keeps it in step.

On SQLite it is one FTS5 table with the trigram tokenizer: it finds any run
of three or more characters inside words, Chinese included (SQLite's default
tokenizer sees 预算审批 as one word and finds nothing inside it). On
PostgreSQL it is a plain table with the same columns (``rowid`` a column of
its own) and a ``pg_trgm`` GIN index on ``text`` and ``people``, which
answers ``ILIKE '%预算审批%'`` from the index; where the server lacks the
extension the same query reads the table.

Kept in step with the minutes tables by triggers, so whatever writes a
point, decision, dispute, open item or task (the close, a migration, a copy,
a hand-made row) is found. Each row's ``rowid`` is its source row's id times
8 plus its kind's number (:data:`KIND_NUMBERS`): stable, and unique across
kinds. The ``search_entries`` view adds the meeting, its start and zone,
and the topic; Datasette searches it through the index (``datasette.json``).
"""

from __future__ import annotations

from collections.abc import Sequence

from store.sql import Connection, Dialect
from store.views import day_of

KIND_NUMBERS = {"report": 0, "point": 1, "decision": 2, "dispute": 3, "open_item": 4, "task": 5}
"""Each source table's number that makes its rowids unique (and orders a topic's
hits as the minutes do: the owner's report first)."""

_PARTIES: dict[Dialect, str] = {
    "sqlite": (
        "COALESCE((SELECT group_concat(json_extract(value, '$.party'), ', ') "
        "FROM json_each({row}.sides) WHERE json_valid({row}.sides)), '')"
    ),
    "postgres": "COALESCE(facilitator_parties({row}.sides), '')",
}
"""A dispute's parties, from its ``sides`` JSON (none if it is not JSON)."""

_SOURCES = {
    # kind: (table, text, people)
    "point": ("points", "{row}.text", "''"),
    "decision": ("decisions", "{row}.text", "''"),
    "dispute": ("disputes", "{row}.text", "{parties}"),
    "report": ("topic_reports", "{row}.text", "''"),
    "open_item": ("open_items", "{row}.text", "COALESCE({row}.owner, '')"),
    "task": (
        "tasks",
        "{row}.title",
        "COALESCE({row}.owner, '') || CASE WHEN COALESCE({row}.department, '') "
        "NOT IN ('', COALESCE({row}.owner, '')) THEN ', ' || {row}.department ELSE '' END",
    ),
}

_KIND_COLUMN = {"report": "{row}.kind"}
"""Where a table holds several kinds (progress, risk, proposal), the row says which."""
FIRST_SOURCES = ("point", "decision", "dispute", "open_item", "task")
"""The tables indexed when the index was made (m033); the owner's report came after (m034)."""

INDEX_DDL: dict[Dialect, str] = {
    "sqlite": """
CREATE VIRTUAL TABLE search_index USING fts5(
    text,
    people,
    kind UNINDEXED,
    meeting_id UNINDEXED,
    topic_id UNINDEXED,
    source_id UNINDEXED,
    tokenize = 'trigram'
);
""",
    "postgres": """
CREATE TABLE search_index (
    rowid BIGINT PRIMARY KEY,
    text TEXT,
    people TEXT,
    kind TEXT,
    meeting_id BIGINT,
    topic_id BIGINT,
    source_id BIGINT
);
CREATE INDEX idx_search_index_meeting_id ON search_index (meeting_id);
CREATE FUNCTION facilitator_parties(sides TEXT) RETURNS TEXT
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    RETURN (SELECT string_agg(side.value ->> 'party', ', ' ORDER BY side.n)
            FROM jsonb_array_elements(sides::jsonb) WITH ORDINALITY AS side(value, n));
EXCEPTION WHEN others THEN
    RETURN NULL;  -- not JSON, or not a list: no parties, as on SQLite
END
$$;
""",
}
"""``text``: what was said (a task's title); ``people``: its owner and department,
or a dispute's parties; ``kind`` one of :data:`KIND_NUMBERS`; ``source_id`` the
row's id in its own table."""

TRIGRAM_INDEX = """
CREATE INDEX idx_search_index_trigrams ON search_index
    USING gin (text gin_trgm_ops, people gin_trgm_ops)
"""
"""PostgreSQL's trigram index, where the server has ``pg_trgm`` (see :func:`add_trigrams`)."""


def entries_view(dialect: Dialect) -> str:
    """``search_entries``: each searchable entry with its meeting (title, the day it
    was held where it was held, start in UTC, zone) and topic."""
    offset = (
        "COALESCE((SELECT z.offset_minutes FROM zone_offsets AS z WHERE z.zone = m.timezone "
        "AND z.since <= m.start ORDER BY z.since DESC LIMIT 1), 0)"
    )
    return f"""
CREATE VIEW search_entries AS
SELECT s.rowid AS id, s.kind, s.source_id, s.meeting_id, m.title AS meeting,
    {day_of("m.start", dialect, offset)} AS meeting_day,
    m.start AS meeting_start, m.timezone, s.topic_id, COALESCE(tp.title, '') AS topic,
    tp.position AS topic_position, s.text, s.people
FROM search_index AS s
JOIN meetings AS m ON m.id = s.meeting_id
LEFT JOIN topics AS tp ON tp.id = s.topic_id;
"""


_COLUMNS = "rowid, text, people, kind, meeting_id, topic_id, source_id"


def _values(kind: str, row: str, dialect: Dialect) -> str:
    """The index's columns for the row named ``row`` of ``kind``'s table."""
    _table, text, people = _SOURCES[kind]
    kind_value = _KIND_COLUMN.get(kind, f"'{kind}'").format(row=row)
    people = people.replace("{parties}", _PARTIES[dialect]).format(row=row)
    return (
        f"{row}.id * 8 + {KIND_NUMBERS[kind]}, {text.format(row=row)}, "
        f"{people}, {kind_value}, {row}.meeting_id, {row}.topic_id, {row}.id"
    )


def _insert(kind: str, row: str, dialect: Dialect) -> str:
    return f"INSERT INTO search_index ({_COLUMNS}) VALUES ({_values(kind, row, dialect)})"


def _triggers(kind: str, dialect: Dialect) -> str:
    table = _SOURCES[kind][0]
    delete = f"DELETE FROM search_index WHERE rowid = old.id * 8 + {KIND_NUMBERS[kind]}"
    insert = _insert(kind, "new", dialect)
    if dialect == "sqlite":
        return (
            f"CREATE TRIGGER search_{table}_insert AFTER INSERT ON {table} "
            f"BEGIN {insert}; END;\n"
            f"CREATE TRIGGER search_{table}_delete AFTER DELETE ON {table} BEGIN {delete}; END;\n"
            f"CREATE TRIGGER search_{table}_update AFTER UPDATE ON {table} "
            f"BEGIN {delete}; {insert}; END;\n"
        )
    return f"""
CREATE FUNCTION facilitator_search_{table}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN {delete}; END IF;
    IF TG_OP <> 'DELETE' THEN {insert}; END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER search_{table} AFTER INSERT OR UPDATE OR DELETE ON {table}
    FOR EACH ROW EXECUTE FUNCTION facilitator_search_{table}();
"""


def index_script(sources: Sequence[str], dialect: Dialect) -> str:
    """Keep the ``sources``' tables in the index from now on, and add what they hold."""
    script = "".join(_triggers(kind, dialect) for kind in sources)
    for kind in sources:
        table = _SOURCES[kind][0]
        script += (
            f"INSERT INTO search_index ({_COLUMNS}) "
            f"SELECT {_values(kind, 'r', dialect)} FROM {table} AS r;\n"
        )
    return script


def create_script(dialect: Dialect) -> str:
    """The index, its triggers and view, filled with every row already there (m033)."""
    return INDEX_DDL[dialect] + index_script(FIRST_SOURCES, dialect) + entries_view(dialect)


def add_trigrams(conn: Connection, dialect: Dialect) -> None:
    """PostgreSQL: the trigram index, if the server has ``pg_trgm`` and lets this
    archive's owner use it (a trusted extension since PostgreSQL 13). Without
    it search still answers, reading the table: never a reason to refuse."""
    if dialect != "postgres":
        return
    available = conn.execute(
        "SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'"
    ).fetchone()
    if available is None:
        return
    conn.execute("SAVEPOINT trigrams")
    try:
        conn.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        conn.execute(TRIGRAM_INDEX)
    except Exception:
        conn.execute("ROLLBACK TO SAVEPOINT trigrams")
    conn.execute("RELEASE SAVEPOINT trigrams")
