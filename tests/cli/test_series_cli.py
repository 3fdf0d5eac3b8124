"""Carry-over until settled: ``new --from`` carries every open item and every task not
done of all earlier meetings of the series, and the topics left; each meeting gets a
title of its own. Three meetings of one series over three weeks of a fake clock."""

from __future__ import annotations

import json
from pathlib import Path

import pendulum
import pytest

from facilitator.core.clock import FakeClock
from facilitator.notebook import open_archive
from facilitator.planning.agenda_file import AgendaError, load_agenda, parse_agenda
from store.errors import ArchiveError
from tests.support import LAUNCH_ZH, LAUNCH_ZH_LINES, cli, hold_meeting

FIRST_LINES = (
    "/present all",
    "/next",
    "u: @Legal compliance opinion in 3 workdays",
    "a: @Li test plan by 3/6",
    "a: @Marta launch post by 3/13",
    "/skip 3",
    "/next",
)


def _new(db_path: Path, out: Path, now: str, *args: str) -> str:
    result = cli(
        db_path, "new", "sync", "-o", str(out), "--timezone", "Europe/Berlin", *args, now=now
    )
    assert result.exit_code == 0, result.output
    return result.output


def _carried(agenda_file: Path) -> list[tuple[str, str]]:
    """(title without its details, carries) of each carried topic."""
    return [
        (topic.title.split(" (")[0], topic.carries)
        for topic in load_agenda(agenda_file).topics
        if topic.carries
    ]


def test_open_loops_carry_over_every_meeting_of_the_series_until_settled(
    db_path: Path, tmp_path: Path
) -> None:
    first = tmp_path / "m1.toml"
    _new(db_path, first, "2026-02-25T09:00:00+01:00")
    hold_meeting(db_path, first.read_text(encoding="utf-8"), FIRST_LINES)

    # Week 1: meeting 2 carries the item and both tasks, under a title of its own.
    second = tmp_path / "m2.toml"
    said = _new(db_path, second, "2026-03-02T15:00:00+01:00", "--from", "Progress sync")
    assert "3 carried over" in said
    agenda = load_agenda(second)
    assert agenda.title == "Progress sync · follow-up 2026-03-05"
    assert agenda.series == "Progress sync"
    assert _carried(second) == [
        ("Carried over: compliance opinion", "item 1"),
        ("Open task: test plan", "task 1"),
        ("Open task: launch post", "task 2"),
    ]
    text = second.read_text(encoding="utf-8")
    assert '# from "Progress sync"; once settled: facilitator item 1 resolved' in text
    # Meeting 2 does not record them again, and the test plan gets done after it.
    hold_meeting(db_path, text, ("/present all", "/next", "d: keep the launch date"))
    assert cli(db_path, "task", "1", "done", now="2026-03-06T12:00:00+01:00").exit_code == 0

    # Week 2: from the series, the item of meeting 1 still carries; the done task does not.
    third = tmp_path / "m3.toml"
    _new(db_path, third, "2026-03-09T15:00:00+01:00", "--from", "progress sync")
    assert load_agenda(third).title == "Progress sync · follow-up 2026-03-12"
    assert _carried(third) == [
        ("Carried over: compliance opinion", "item 1"),
        ("Open task: launch post", "task 2"),
    ]
    hold_meeting(
        db_path,
        third.read_text(encoding="utf-8"),
        ("/present all", "/next", "a: @Wang price list by 3/20"),
    )
    # Settled in the third meeting: the opinion arrived.
    cli(
        db_path,
        "item",
        "1",
        "resolved",
        "--note",
        "opinion received",
        now="2026-03-12T11:00:00+01:00",
    )

    # Week 3: the settled item stops carrying; the new task of meeting 3 starts to.
    fourth = tmp_path / "m4.toml"
    _new(db_path, fourth, "2026-03-16T15:00:00+01:00", "--from", "Progress sync")
    assert _carried(fourth) == [
        ("Delayed task: launch post", "task 2"),
        ("Open task: price list", "task 3"),
    ]

    # Each title names one meeting: the whole title is not ambiguous, nor a date.
    minutes = cli(db_path, "minutes", "Progress sync", now="2026-03-16T15:00:00+01:00")
    assert minutes.exit_code == 0 and "# Minutes: Progress sync\n" in minutes.output
    assert cli(db_path, "retro", "follow-up 2026-03-05", "--rating", "4").exit_code == 0
    assert cli(db_path, "metrics", "2026-03-12").exit_code == 0


def test_a_series_name_follows_up_its_latest_meeting_and_a_meeting_its_earlier_ones(
    db_path: Path, tmp_path: Path
) -> None:
    first = tmp_path / "m1.toml"
    _new(db_path, first, "2026-02-25T09:00:00+01:00")
    hold_meeting(db_path, first.read_text(encoding="utf-8"), FIRST_LINES)
    second = tmp_path / "m2.toml"
    _new(db_path, second, "2026-03-02T15:00:00+01:00", "--from", "1")
    hold_meeting(
        db_path, second.read_text(encoding="utf-8"), ("/next", "a: @Wang price list by 3/20")
    )
    # By meeting: only what that meeting and the ones before it left open.
    from_first = tmp_path / "again.toml"
    _new(db_path, from_first, "2026-03-09T15:00:00+01:00", "--from", "1")
    assert [c for _t, c in _carried(from_first)] == ["item 1", "task 1", "task 2"]
    # By series: the latest meeting, and everything before it.
    latest = tmp_path / "latest.toml"
    _new(db_path, latest, "2026-03-09T15:00:00+01:00", "--from", "Progress sync")
    assert [c for _t, c in _carried(latest)] == ["item 1", "task 1", "task 2", "task 3"]


def test_topics_left_are_carried_with_their_own_title_and_minutes(
    db_path: Path, tmp_path: Path
) -> None:
    # The Chinese launch meeting: its second topic is skipped, so it carries.
    hold_meeting(db_path, LAUNCH_ZH, ("/next", "/skip 2", "决定: 推广时间调整为9月20日"))
    out = tmp_path / "next.toml"
    result = cli(db_path, "new", "sync", "--from", "Q3新产品上线协调会", "-o", str(out))
    assert result.exit_code == 0
    agenda = load_agenda(out)
    left = next(topic for topic in agenda.topics if topic.title == "推广方案确认")
    assert (left.owner, left.minutes, left.carries) == ("韩梅梅", 20, "")
    assert "# “Q3新产品上线协调会”中未讨论或已跳过" in out.read_text(encoding="utf-8")
    # The minutes say it too.
    assert (
        "## 未讨论或已跳过的议题\n\n- 议题二：推广方案确认（已跳过）"
        in cli(db_path, "minutes").stdout
    )


def test_a_carried_topic_left_again_is_not_carried_twice(db_path: Path, tmp_path: Path) -> None:
    hold_meeting(db_path, LAUNCH_ZH, LAUNCH_ZH_LINES)  # 预算审批 open, 提交测试资源申请表 open
    second = tmp_path / "m2.toml"
    cli(db_path, "new", "sync", "--from", "1", "-o", str(second), now="2026-03-03T09:00:00+08:00")
    # Meeting 2 never reaches the carried topics: they are left, but carry as items.
    hold_meeting(db_path, second.read_text(encoding="utf-8"), ("/next",))
    third = tmp_path / "m3.toml"
    cli(db_path, "new", "sync", "--from", "2", "-o", str(third), now="2026-03-10T09:00:00+08:00")
    titles = [topic.title for topic in load_agenda(third).topics]
    assert sum("预算审批" in title for title in titles) == 1
    assert sum("提交测试资源申请表" in title for title in titles) == 1


def test_an_agenda_names_its_series_and_what_a_topic_carries(tmp_path: Path) -> None:
    text = LAUNCH_ZH.replace('language = "zh"', 'language = "zh"\nseries = "Q3 launch"')
    text += '\n[[topics]]\ntitle = "上次遗留"\nowner = "周敏"\nminutes = 5\ncarries = "item 12"\n'
    agenda = parse_agenda(text)
    assert agenda.series == agenda.series_name == "Q3 launch"
    assert agenda.topics[-1].carries == "item 12"
    assert parse_agenda(LAUNCH_ZH).series_name == "Q3新产品上线协调会"
    with pytest.raises(AgendaError) as refused:
        parse_agenda(text.replace('"item 12"', '"the budget"'))
    assert "topics[3].carries" in str(refused.value) and '"item 3" or "task 7"' in str(
        refused.value
    )


def _three_weeks(db_path: Path, tmp_path: Path) -> None:
    """Meetings 1-3 of "Progress sync", a week apart; item 1 opened in the first is
    settled after the third; the second overruns its only topic; ratings 3, 4."""
    first = tmp_path / "m1.toml"
    _new(db_path, first, "2026-02-25T09:00:00+01:00")
    hold_meeting(db_path, first.read_text(encoding="utf-8"), FIRST_LINES)
    second = tmp_path / "m2.toml"
    _new(db_path, second, "2026-03-02T15:00:00+01:00", "--from", "Progress sync")
    hold_meeting(
        db_path,
        second.read_text(encoding="utf-8"),
        ("/next", "d: keep the date", "u: @Wang price check by 3/10", "d: two rigs"),
        minutes_per_line=8,
    )
    third = tmp_path / "m3.toml"
    _new(db_path, third, "2026-03-09T15:00:00+01:00", "--from", "Progress sync")
    hold_meeting(db_path, third.read_text(encoding="utf-8"), ("/next", "d: ship it"))
    cli(db_path, "item", "1", "resolved", now="2026-03-12T12:00:00+01:00")
    cli(db_path, "retro", "1", "--rating", "3", now="2026-03-12T12:00:00+01:00")
    cli(db_path, "retro", "2", "--rating", "4", now="2026-03-12T12:00:00+01:00")


def test_metrics_of_a_series_show_each_meeting_in_numbers(db_path: Path, tmp_path: Path) -> None:
    _three_weeks(db_path, tmp_path)
    result = cli(db_path, "metrics", "--series", "progress sync", now="2026-03-13T09:00:00+01:00")
    assert result.exit_code == 0, result.output
    rows = [line for line in result.output.splitlines() if line.startswith("│")]
    assert len(rows) == 3
    cells = [[cell.strip() for cell in row.strip("│").split("│")] for row in rows]
    assert [row[1] for row in cells] == [
        "Progress sync",
        "Progress sync · follow-up 2026-03-05",
        "Progress sync · follow-up 2026-03-12",
    ]
    assert [row[2] for row in cells] == ["Mon 2 Mar 2026", "Thu 5 Mar 2026", "Thu 12 Mar 2026"]
    assert [row[3] for row in cells] == ["55", "70", "75"]  # planned, carried topics included
    assert [row[5] for row in cells] == ["0", "1", "0"]  # the second overran its topic
    assert [row[7] for row in cells] == ["3/5", "4/5", "—"]
    assert [row[8] for row in cells] == ["1 of 1 settled", "0 of 1 settled", "0"]
    zh = cli(db_path, "--lang", "zh", "metrics", "--series", "Progress sync").output
    assert "系列会议：Progress sync" in zh and "复盘评分" in zh


def test_metrics_of_an_unknown_series_names_the_series_there_are(db_path: Path, tmp_path):
    _three_weeks(db_path, tmp_path)
    unknown = cli(db_path, "metrics", "--series", "Budget review")
    assert unknown.exit_code == 2 and unknown.output.count("\n") == 1
    assert "no closed meeting in the series 'Budget review'; the series are: Progress sync" in (
        unknown.output
    )
    both = cli(db_path, "metrics", "1", "--series", "Progress sync")
    assert both.exit_code == 2 and "not both" in both.output


def test_the_notebook_draws_a_series(db_path: Path, tmp_path: Path) -> None:
    _three_weeks(db_path, tmp_path)
    clock = FakeClock(pendulum.datetime(2026, 3, 13, 9, tz="Europe/Berlin"))
    with open_archive(db_path, clock=clock) as nb:
        trend = nb.series("Progress sync")
        records = trend.to_records()
        assert [r["meeting_id"] for r in records] == [1, 2, 3]
        assert records[1] | {"actual_minutes": 0} == {
            "meeting_id": 2,
            "title": "Progress sync · follow-up 2026-03-05",
            "date": "2026-03-05",
            "planned_minutes": 70,
            "actual_minutes": 0,
            "overruns": 1,
            "decisions": 2,
            "decisions_per_hour": records[1]["decisions_per_hour"],
            "rating": 4,
            "items_opened": 1,
            "items_settled": 0,
        }
        json.dumps(records)
        html = trend._repr_html_()
        # One pair of bars (planned, actual) and one pair (opened, settled) per meeting.
        assert html.count('role="img"') == 12
        assert "Series: Progress sync" in html and "planned 70 min" in html
        assert "Progress sync · follow-up 2026-03-12" in repr(trend)
        with pytest.raises(ArchiveError, match="the series are: Progress sync"):
            nb.series("nope")
