"""Finding what was said across meetings: the trigram index, kept in step by triggers.

SQLite's default tokenizer sees 预算审批 as one word and finds nothing
inside it; the trigram index finds any run of three characters, and two
(预算) are found through LIKE on the same table.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from facilitator.app.settings import Location
from facilitator.followup.search import highlighted, parse_kind, terms_of
from store.archive import Archive
from store.search import search
from tests.support import (
    LAUNCH_ZH,
    LAUNCH_ZH_LINES,
    TWENTY_MEETINGS,
    PostgresServer,
    hold_meeting,
    migrated_until,
    twenty_meetings,
)


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def archive_of_twenty(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Location:
    """Twenty meetings on each engine: FTS5 on SQLite, pg_trgm on PostgreSQL."""
    path: Location = tmp_path_factory.mktemp("twenty") / "archive.db"
    if request.param == "postgres":
        path = request.getfixturevalue("postgres").new_database()
    twenty_meetings(path)
    return path


def test_a_two_character_chinese_word_is_found_in_all_twenty_meetings(
    archive_of_twenty: Location,
) -> None:
    with Archive.open(archive_of_twenty, read_only=True) as archive:
        hits = search(archive, "预算")
        assert len(hits) == TWENTY_MEETINGS
        assert len({hit.meeting_id for hit in hits}) == TWENTY_MEETINGS
        # Newest meeting first, each with where it was said.
        assert hits[0].meeting_start > hits[-1].meeting_start
        zh = next(hit for hit in hits if hit.kind == "open_item")
        assert (zh.text, zh.people, zh.topic, zh.topic_position) == (
            "预算审批",
            "韩梅梅",
            "推广方案确认",
            2,
        )
        en = next(hit for hit in hits if hit.kind == "decision")
        assert en.text == "the 预算 stays frozen until May" and en.topic == "Launch campaign"
        # Four characters go through the index itself.
        assert len(search(archive, "预算审批")) == TWENTY_MEETINGS // 2
        if archive.dialect == "sqlite":
            plan = " ".join(
                row[-1]
                for row in archive.conn.execute(
                    "EXPLAIN QUERY PLAN SELECT rowid FROM search_index WHERE search_index MATCH ?",
                    ('"预算审批"',),
                )
            )
            assert "VIRTUAL TABLE INDEX" in plan
        else:
            indexes = archive.conn.execute(
                "SELECT indexdef FROM pg_indexes WHERE tablename = 'search_index'"
            ).fetchall()
            assert any("gin_trgm_ops" in definition for (definition,) in indexes)


def test_every_word_must_appear_in_any_case_and_filters_narrow(archive_of_twenty: Location) -> None:
    with Archive.open(archive_of_twenty, read_only=True) as archive:
        assert len(search(archive, "BUDGET approval")) == TWENTY_MEETINGS // 2
        assert search(archive, "budget 预算") == []  # never in the same entry
        assert {hit.kind for hit in search(archive, "R&D")} == {"dispute", "task"}
        assert {hit.kind for hit in search(archive, "R&D", kinds=["task"])} == {"task"}
        one = search(archive, "预算", meeting_id=3)
        assert [hit.meeting_id for hit in one] == [3]
        assert len(search(archive, "预算", limit=5)) == 5
        # People are searched too: the owner of a task, the parties of a dispute.
        assert {hit.kind for hit in search(archive, "韩梅梅")} == {"open_item"}
        assert {hit.kind for hit in search(archive, "市场部")} == {"dispute"}


@pytest.mark.parametrize(
    "query", ['"', "a OR b", "NEAR(x y)", "-test", "*", "100%", "_", "x\\", "预算 OR"]
)
def test_what_people_type_is_text_never_query_syntax(
    archive_of_twenty: Location, query: str
) -> None:
    with Archive.open(archive_of_twenty, read_only=True) as archive:
        assert search(archive, query) == []  # no error, and % or _ match nothing special


def test_the_index_follows_every_change_to_the_tables(location: Location) -> None:
    db_path = location
    hold_meeting(db_path, LAUNCH_ZH, LAUNCH_ZH_LINES)
    with Archive.open(db_path) as archive, archive.transaction() as conn:
        conn.execute("UPDATE open_items SET text = '人员审批' WHERE text = '预算审批'")
        conn.execute("DELETE FROM decisions")
        conn.execute(
            "INSERT INTO points (meeting_id, topic_id, position, text) "
            "VALUES (1, NULL, 9, '预算够用')"
        )
    with Archive.open(db_path, read_only=True) as archive:
        assert [(hit.kind, hit.text) for hit in search(archive, "预算")] == [("point", "预算够用")]
        assert search(archive, "9月20日") == []
        assert [hit.text for hit in search(archive, "人员审批")] == ["人员审批"]
        (count,) = archive.conn.execute("SELECT count(*) FROM search_index").fetchone()
        (entries,) = archive.conn.execute(
            "SELECT (SELECT count(*) FROM points) + (SELECT count(*) FROM decisions) "
            "+ (SELECT count(*) FROM disputes) + (SELECT count(*) FROM open_items) "
            "+ (SELECT count(*) FROM tasks)"
        ).fetchone()
        assert count == entries


def test_an_archive_from_before_is_indexed_when_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    migrated_until(path, "m033_search_index")
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO meetings (id, key, title, start, end, timezone, status, created_at) VALUES "
        "(1, 'k', '周会', '2026-03-02T06:00:00+00:00', '2026-03-02T07:00:00+00:00', "
        "'Asia/Shanghai', 'closed', '2026-03-01T06:00:00+00:00')"
    )
    conn.execute("INSERT INTO decisions (meeting_id, position, text) VALUES (1, 1, '预算冻结')")
    conn.execute(
        "INSERT INTO disputes (meeting_id, position, text, sides) VALUES (1, 1, '预算之争', "
        '\'[{"party": "研发部", "position": "加"}, {"party": "财务部", "position": "减"}]\')'
    )
    conn.commit()
    conn.close()
    with Archive.open(path) as archive:
        hits = search(archive, "预算")
        assert [(hit.kind, hit.people) for hit in hits] == [
            ("decision", ""),
            ("dispute", "研发部, 财务部"),
        ]
        assert archive.conn.execute("SELECT meeting_day FROM search_entries").fetchone() == (
            "2026-03-02",
        )


def test_a_query_is_its_words_and_a_match_is_marked_in_any_case() -> None:
    assert terms_of("  预算\u3000审批 预算 ") == ("预算", "审批")
    assert terms_of("\x1b[2J") == ()
    assert highlighted("Budget approval: the budget", ("budget",)) == (
        ("Budget", True),
        (" approval: the ", False),
        ("budget", True),
    )
    assert highlighted("预算审批", ("预算", "预算审")) == (("预算审", True), ("批", False))
    assert highlighted("", ("x",)) == ()


@pytest.mark.parametrize(
    ("typed", "kind"),
    [("decision", "decision"), ("Decisions", "decision"), ("决定", "decision"),
     ("open-item", "open_item"), ("待定", "open_item"), ("TASK", "task"), ("任务", "task"),
     ("争议", "dispute"), ("要点", "point"), ("minutes", None)],
)  # fmt: skip
def test_a_kind_is_understood_in_either_language(typed: str, kind: str | None) -> None:
    assert parse_kind(typed) == kind


def test_without_pg_trgm_search_still_finds_every_meeting_reading_the_table(
    postgres: PostgresServer,
) -> None:
    # An archive owner who may create tables but not extensions (a shared server's
    # usual grant): the trigram index cannot be made; nothing is refused for it.
    admin = postgres.new_database()
    postgres.sql(admin, "DROP ROLE IF EXISTS clerk")
    postgres.sql(admin, "CREATE ROLE clerk LOGIN")
    postgres.sql(admin, "GRANT CREATE ON SCHEMA public TO clerk")
    clerk = admin.replace("postgres@", "clerk@", 1)
    twenty_meetings(clerk)
    with Archive.open(clerk, read_only=True) as archive:
        indexes = archive.conn.execute(
            "SELECT indexdef FROM pg_indexes WHERE tablename = 'search_index'"
        ).fetchall()
        assert not any("gin_trgm_ops" in definition for (definition,) in indexes)
        assert len(search(archive, "预算")) == TWENTY_MEETINGS
        assert len(search(archive, "预算审批")) == TWENTY_MEETINGS // 2
        assert len(search(archive, "BUDGET approval")) == TWENTY_MEETINGS // 2
