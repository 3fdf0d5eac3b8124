"""Full-text search over what every meeting recorded: the ``search_index`` table
(:mod:`store.search_index`), on either engine.

Words of three characters or more are found through the trigram index
(SQLite's FTS5 ``MATCH``; PostgreSQL's ``ILIKE``, which ``pg_trgm`` answers
from its index); shorter ones (预算 is two characters) by ``LIKE`` on the
same table. Each word must appear, in what was said or who said it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from facilitator.followup.search import KINDS, SHORTEST_INDEXED, terms_of

if TYPE_CHECKING:
    from store.archive import Archive
    from store.sql import Dialect


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
    text: str,
    meeting_id: int | None = None,
    kinds: Sequence[str] = (),
    limit: int | None = None,
    dialect: Dialect = "sqlite",
) -> Query:
    """Entries holding every word of ``text`` (in what was said or who said it).

    Words of three characters or more go through the trigram index (MATCH on
    SQLite; ILIKE on PostgreSQL, which ``pg_trgm`` answers from its index);
    shorter ones (``预算``, ``Li``) through ``LIKE`` on the index's own columns
    (ILIKE on PostgreSQL: SQLite's LIKE ignores the case of ASCII letters).
    Newest meeting first, then in the order of the minutes.
    """
    where: list[str] = []
    params: list[object] = []
    long_terms = [term for term in terms_of(text) if len(term) >= SHORTEST_INDEXED]
    short_terms = [term for term in terms_of(text) if len(term) < SHORTEST_INDEXED]
    if dialect == "postgres":
        long_terms, short_terms = [], [*long_terms, *short_terms]
    if long_terms:
        where.append("s.rowid IN (SELECT rowid FROM search_index WHERE search_index MATCH ?)")
        params.append(" AND ".join('"' + term.replace('"', '""') + '"' for term in long_terms))
    like = "ILIKE" if dialect == "postgres" else "LIKE"
    for term in short_terms:
        where.append(f"(s.text {like} ? ESCAPE '\\' OR s.people {like} ? ESCAPE '\\')")
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
    found = query(text, meeting_id, kinds, limit, archive.dialect)
    return list(map(Hit._make, archive.conn.execute(found.sql, found.params)))
