"""After the meeting, on both engines: open items, confirmations, series, the task
list, the meetings' overview, search and the upgrade from before the follow-up
tables. Every test runs on an SQLite file and on a PostgreSQL database (the
``location`` fixture), unchanged."""

from __future__ import annotations

import json

import pendulum

from facilitator.app.settings import Location
from store.archive import Archive
from store.confirmations import confirmations, minutes_to_confirm, record_confirmation
from store.copy import copy_archive
from store.followup import tasks, update_task
from store.items import item_updates, items, meeting_people, update_item
from store.queries import meeting_overview
from store.search import search
from store.series import held_meetings, series_meetings, series_names, series_of
from store.tasklist import latest_notes, open_item_rows, task_lines, task_rows
from store.versions import KNOWN
from tests.support import (
    LAUNCH_EN,
    LAUNCH_EN_LINES,
    LAUNCH_ZH,
    LAUNCH_ZH_LINES,
    hold_meeting,
    migrated_until,
)

LABELS = {"open": "open", "doing": "doing", "done": "done", "delayed": "DELAYED"}


def _two_meetings(location: Location) -> tuple[int, int]:
    english, _clock = hold_meeting(location, LAUNCH_EN, LAUNCH_EN_LINES)
    chinese, _clock = hold_meeting(location, LAUNCH_ZH, LAUNCH_ZH_LINES)
    return english, chinese


def test_an_open_item_is_followed_until_settled(location: Location) -> None:
    _english, chinese = _two_meetings(location)
    now = pendulum.datetime(2026, 3, 4, 9, tz="Asia/Shanghai")
    with Archive.open(location) as archive:
        (budget,) = [item for item in items(archive) if item.meeting_id == chinese]
        assert (budget.owner, budget.department, budget.status) == ("韩梅梅", "市场部", "open")
        update_item(archive, budget.id, now, owner=("李雷", "研发部"), note="转交")
        update_item(archive, budget.id, now.add(days=1), status="resolved", note="已批")
        assert [(u.previous, u.status, u.owner) for u in item_updates(archive, budget.id)] == [
            ("open", "open", "李雷"),
            ("open", "resolved", ""),
        ]
        assert budget.id not in {item.id for item in items(archive, unsettled=True)}
        assert [row[4] for row in open_item_rows(archive, chinese)] == ["预算审批"]
        assert ("韩梅梅", "市场部") in meeting_people(archive, chinese)


def test_confirmations_are_kept_and_chased(location: Location) -> None:
    english, _chinese = _two_meetings(location)
    now = pendulum.datetime(2026, 3, 3, 9, tz="UTC")
    with Archive.open(location) as archive:
        record_confirmation(archive, english, "Li", "objected", "the date is 20 Sept", now)
        record_confirmation(archive, english, "Li", "confirmed", "", now.add(hours=1))
        assert [(c.name, c.verdict) for c in confirmations(archive, english)] == [
            ("Li", "objected"),
            ("Li", "confirmed"),
        ]
        chased = {m.meeting_id: m for m in minutes_to_confirm(archive, now.subtract(days=7))}
        assert set(chased) == {1, 2}
        assert "Li" in chased[english].attendees


def test_meetings_of_a_series_are_found_in_any_case(location: Location) -> None:
    english, chinese = _two_meetings(location)
    with Archive.open(location) as archive:
        assert series_of(archive, english) == "Q3 launch coordination"
        assert [m.id for m in series_meetings(archive, "q3 LAUNCH coordination")] == [english]
        assert series_names(archive) == ["Q3新产品上线协调会", "Q3 launch coordination"]
        assert [held.id for held in held_meetings(archive, "Q3新产品上线协调会")] == [chinese]


def test_the_task_list_is_made_by_the_engine_with_delayed_in_the_meetings_zone(
    location: Location,
) -> None:
    _two_meetings(location)
    # 10 March, 17:00 in Berlin is already 11 March in Shanghai: 李雷's task
    # (due 10 March in Shanghai) is delayed there, Li's (due 10 Sept) is not.
    now = pendulum.datetime(2026, 3, 10, 17, tz="Europe/Berlin")
    with Archive.open(location) as archive:
        rows = {row.title: row for row in task_rows(archive, now)}
        assert rows["提交测试资源申请表"].status == "delayed"
        assert rows["提交测试资源申请表"].stored_status == "open"
        assert rows["submit the test resource form"].status == "open"
        first = tasks(archive)[0]
        update_task(archive, first.id, "doing", "started", now)
        assert latest_notes(archive) == {first.id: "started"}
        lines = task_lines(archive, now, LABELS, owner="LI")
        assert [(line[2], line[3]) for line in lines] == [("doing", "Li")]
        assert [line[2] for line in task_lines(archive, now, LABELS, department="研发部")] == [
            "DELAYED"
        ]
        assert len(list(task_rows(archive, now, status="delayed"))) == 1
        assert len(task_lines(archive, now, LABELS, limit=1)) == 1
        (status,) = archive.conn.execute(
            "SELECT status FROM task_status WHERE title = '提交测试资源申请表'"
        ).fetchone()
        assert status == "delayed"  # by the engine's clock, today is long after 10 March


def test_the_meetings_overview_and_search_read_the_same(location: Location) -> None:
    english, chinese = _two_meetings(location)
    with Archive.open(location) as archive:
        overview = meeting_overview(archive)
        assert [(row[0], row[4], row[5]) for row in overview] == [
            (chinese, "closed", 1),
            (english, "closed", 1),
        ]
        assert [(hit.kind, hit.people) for hit in search(archive, "研发部")] == [
            ("dispute", "研发部, 市场部"),
            ("task", "李雷, 研发部"),
        ]
        assert {hit.meeting_id for hit in search(archive, "test RESOURCE")} == {english}
        (day,) = archive.conn.execute(
            "SELECT meeting_day FROM search_entries WHERE meeting_id = ? LIMIT 1", (chinese,)
        ).fetchone()
        assert day == "2026-03-02"


def test_rows_written_before_the_upgrade_are_carried_into_the_new_columns(
    location: Location,
) -> None:
    """As the version before issue 15 left it (m010): offsets as they came, no
    series, no statuses. A writer applies m020-m034 from the one list."""
    migrated_until(location, "m020_topic_reports")
    agenda = json.dumps({"title": "周会", "series": "研发周会"}, ensure_ascii=False)
    _insert_old_rows(location, agenda)
    with Archive.open(location, create=False) as archive:
        assert archive.schema_version == len(KNOWN)
        (start, closed, series) = archive.conn.execute(
            "SELECT start, closed_at, series FROM meetings"
        ).fetchone()
        assert (start, closed, series) == (
            "2026-03-02T06:00:00+00:00",
            "2026-03-02T07:05:00+00:00",
            "研发周会",
        )
        (item,) = items(archive)
        assert (item.department, item.status) == ("市场部", "open")
        assert [hit.kind for hit in search(archive, "预算")] == ["open_item"]
        zones = archive.conn.execute("SELECT DISTINCT zone FROM zone_offsets").fetchall()
        assert zones == [("Asia/Shanghai",)]


def _insert_old_rows(location: Location, agenda: str) -> None:
    """A closed meeting with a participant and an open item, as m010's tables held them."""
    statements = [
        (
            'INSERT INTO meetings (id, key, title, start, "end", timezone, status, '
            "created_at, closed_at, agenda) VALUES (1, 'k', '周会', "
            "'2026-03-02T14:00:00+08:00', '2026-03-02T15:00:00+08:00', 'Asia/Shanghai', "
            "'closed', '2026-03-01T10:00:00+08:00', '2026-03-02T15:05:00+08:00', ?)",
            (agenda,),
        ),
        (
            "INSERT INTO people (meeting_id, name, department) VALUES (1, '韩梅梅', '市场部')",
            (),
        ),
        (
            "INSERT INTO open_items (meeting_id, text, owner, deadline) "
            "VALUES (1, '预算审批', '韩梅梅', '2026-03-05')",
            (),
        ),
    ]
    if isinstance(location, str):
        import psycopg

        with psycopg.connect(location, autocommit=True) as conn:
            for sql, params in statements:
                conn.execute(sql.replace("?", "%s"), params)
        return
    import sqlite3

    with sqlite3.connect(location) as conn:
        for sql, params in statements:
            conn.execute(sql, params)
    conn.close()


def test_a_copy_to_the_other_engine_is_searchable_and_knows_its_zones(
    location: Location, tmp_path
) -> None:
    source = tmp_path / "source.db"
    hold_meeting(source, LAUNCH_ZH, LAUNCH_ZH_LINES)
    with Archive.open(source, read_only=True) as src, Archive.open(location) as dst:
        copy_archive(src, dst)
        assert [hit.text for hit in search(dst, "预算")] == ["预算审批"]
        zones = dst.conn.execute("SELECT DISTINCT zone FROM zone_offsets").fetchall()
        assert zones == [("Asia/Shanghai",)]
