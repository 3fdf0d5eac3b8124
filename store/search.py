"""Full-text search over what every meeting recorded: the ``search_index`` table.

One FTS5 table with SQLite's trigram tokenizer: it finds any run of three
or more characters inside words, Chinese included (SQLite's default
tokenizer sees 预算审批 as one word and finds nothing inside it). Shorter
queries (预算 is two characters) are answered by ``LIKE`` on the same table.

Kept in step with the minutes tables by triggers, so whatever writes a
point, decision, dispute, open item or task (the close, a migration, a
hand-made row) is found. Each row's ``rowid`` is its source row's id times
8 plus its kind's number (:data:`KIND_NUMBERS`): stable, and unique across
kinds. The ``search_entries`` view adds the meeting, its start and zone,
and the topic; Datasette searches it through the index (``datasette.json``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from facilitator.followup.search import KINDS, SHORTEST_INDEXED, terms_of

if TYPE_CHECKING:
    from store.archive import Archive

KIND_NUMBERS = {"report": 0, "point": 1, "decision": 2, "dispute": 3, "open_item": 4, "task": 5}
"""Each source table's number that makes its rowids unique (and orders a topic's
hits as the minutes do: the owner's report first)."""

_SOURCES = {
    # kind: (table, text, people)
    "point": ("points", "{row}.text", "''"),
    "decision": ("decisions", "{row}.text", "''"),
    "dispute": (
        "disputes",
        "{row}.text",
        "COALESCE((SELECT group_concat(json_extract(value, '$.party'), ', ') "
        "FROM json_each({row}.sides) WHERE json_valid({row}.sides)), '')",
    ),
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

INDEX_DDL = """
CREATE VIRTUAL TABLE search_index USING fts5(
    text,
    people,
    kind UNINDEXED,
    meeting_id UNINDEXED,
    topic_id UNINDEXED,
    source_id UNINDEXED,
    tokenize = 'trigram'
)
"""
"""``text``: what was said (a task's title); ``people``: its owner and department,
or a dispute's parties; ``kind`` one of :data:`KIND_NUMBERS`; ``source_id`` the
row's id in its own table."""

ENTRIES_VIEW = """
CREATE VIEW search_entries AS
SELECT s.rowid AS id, s.kind, s.source_id, s.meeting_id, m.title AS meeting,
    date(m.start, printf('%+d minutes', (
        SELECT z.offset_minutes FROM zone_offsets AS z
        WHERE z.zone = m.timezone AND z.since <= m.start ORDER BY z.since DESC LIMIT 1
    ))) AS meeting_day,
    m.start AS meeting_start, m.timezone, s.topic_id, COALESCE(tp.title, '') AS topic,
    tp.position AS topic_position, s.text, s.people
FROM search_index AS s
JOIN meetings AS m ON m.id = s.meeting_id
LEFT JOIN topics AS tp ON tp.id = s.topic_id
"""
"""Each searchable entry with its meeting (title, the day it was held where it was
held, start in UTC, zone) and topic."""


_COLUMNS = "rowid, text, people, kind, meeting_id, topic_id, source_id"


def _values(kind: str, row: str) -> str:
    """The index's columns for the row named ``row`` of ``kind``'s table."""
    _table, text, people = _SOURCES[kind]
    kind_value = _KIND_COLUMN.get(kind, f"'{kind}'").format(row=row)
    return (
        f"{row}.id * 8 + {KIND_NUMBERS[kind]}, {text.format(row=row)}, "
        f"{people.format(row=row)}, {kind_value}, {row}.meeting_id, {row}.topic_id, {row}.id"
    )


def _insert(kind: str, row: str) -> str:
    return f"INSERT INTO search_index ({_COLUMNS}) VALUES ({_values(kind, row)})"


def trigger_statements(sources: Sequence[str] = FIRST_SOURCES) -> list[str]:
    """The triggers that keep ``search_index`` in step with the ``sources``' tables."""
    statements = []
    for kind in sources:
        table = _SOURCES[kind][0]
        number = KIND_NUMBERS[kind]
        delete = f"DELETE FROM search_index WHERE rowid = old.id * 8 + {number}"
        statements += [
            f"CREATE TRIGGER search_{table}_insert AFTER INSERT ON {table} "
            f"BEGIN {_insert(kind, 'new')}; END",
            f"CREATE TRIGGER search_{table}_delete AFTER DELETE ON {table} BEGIN {delete}; END",
            f"CREATE TRIGGER search_{table}_update AFTER UPDATE ON {table} "
            f"BEGIN {delete}; {_insert(kind, 'new')}; END",
        ]
    return statements


def create(conn: sqlite3.Connection) -> None:
    """The index, its triggers and view, filled with every row already there."""
    conn.execute(INDEX_DDL)
    index(conn, FIRST_SOURCES)
    conn.execute(ENTRIES_VIEW)


def index(conn: sqlite3.Connection, sources: Sequence[str]) -> None:
    """Keep the ``sources``' tables in the index from now on, and add what they hold."""
    for statement in trigger_statements(sources):
        conn.execute(statement)
    for kind in sources:
        table = _SOURCES[kind][0]
        conn.execute(
            f"INSERT INTO search_index ({_COLUMNS}) SELECT {_values(kind, 'r')} FROM {table} AS r"
        )


class Hit(NamedTuple):
    """One entry found, with where it was said."""

    kind: str
    source_id: int
    meeting_id: int
    meeting: str
    meeting_start: str
    """UTC ISO 8601."""
    timezone: str
    topic: str
    topic_position: int | None
    text: str
    people: str


@dataclass(frozen=True)
class Query:
    """What to look for, as SQL over ``search_entries``."""

    sql: str
    params: tuple[object, ...]


def _like(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def query(
    text: str, meeting_id: int | None = None, kinds: Sequence[str] = (), limit: int | None = None
) -> Query:
    """Entries holding every word of ``text`` (in what was said or who said it).

    Words of three characters or more go through the trigram index (MATCH);
    shorter ones (``预算``, ``Li``) through ``LIKE`` on the index's own columns.
    Newest meeting first, then in the order of the minutes.
    """
    where: list[str] = []
    params: list[object] = []
    long_terms = [term for term in terms_of(text) if len(term) >= SHORTEST_INDEXED]
    short_terms = [term for term in terms_of(text) if len(term) < SHORTEST_INDEXED]
    if long_terms:
        where.append("s.rowid IN (SELECT rowid FROM search_index WHERE search_index MATCH ?)")
        params.append(" AND ".join('"' + term.replace('"', '""') + '"' for term in long_terms))
    for term in short_terms:
        where.append("(s.text LIKE ? ESCAPE '\\' OR s.people LIKE ? ESCAPE '\\')")
        params += [_like(term), _like(term)]
    if meeting_id is not None:
        where.append("s.meeting_id = ?")
        params.append(meeting_id)
    chosen = [kind for kind in kinds if kind in KINDS]
    if chosen:
        where.append(f"s.kind IN ({', '.join('?' * len(chosen))})")
        params += chosen
    sql = (
        "SELECT s.kind, s.source_id, s.meeting_id, m.title, m.start, "
        "COALESCE(m.timezone, 'UTC'), COALESCE(tp.title, ''), tp.position, s.text, s.people "
        "FROM search_index AS s JOIN meetings AS m ON m.id = s.meeting_id "
        "LEFT JOIN topics AS tp ON tp.id = s.topic_id"
    )
    if where:
        sql += " WHERE " + " AND ".join(where)
    # Newest meeting first; within it, topic by topic, each kind in the minutes' order.
    sql += " ORDER BY m.start DESC, m.id DESC, COALESCE(tp.position, 0), s.rowid % 8, s.source_id"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return Query(sql, tuple(params))


def search(
    archive: Archive,
    text: str,
    meeting_id: int | None = None,
    kinds: Sequence[str] = (),
    limit: int | None = None,
) -> list[Hit]:
    """The entries of every closed meeting (or one) holding every word of ``text``."""
    if not terms_of(text):
        return []
    found = query(text, meeting_id, kinds, limit)
    return list(map(Hit._make, archive.conn.execute(found.sql, found.params)))
