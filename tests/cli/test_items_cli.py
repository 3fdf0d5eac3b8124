"""Open items (未决事项) followed like tasks, from the command line: items, item, the
weekly report, the minutes; on real archives over weeks of a fake clock."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest
from icalendar import Calendar

from tests.support import LAUNCH_EN, LAUNCH_EN_LINES, LAUNCH_ZH, LAUNCH_ZH_LINES, cli, hold_meeting

LEGAL_EN = "u: @Legal compliance opinion in 3 workdays"
LEGAL_ZH = "待定：@法务部门 3个工作日内提供合规性意见"
DAY_AFTER = "2026-03-03T09:00:00+01:00"
WEEK_AFTER = "2026-03-09T09:00:00+01:00"


def _two_meetings(db_path: Path) -> None:
    """Q3 launch (items 1 budget approval, 2 compliance opinion) and the Chinese one
    (items 3 预算审批, 4 提供合规性意见), every deadline Thu 5 Mar 2026."""
    hold_meeting(db_path, LAUNCH_EN, (*LAUNCH_EN_LINES, LEGAL_EN))
    hold_meeting(db_path, LAUNCH_ZH, (*LAUNCH_ZH_LINES, LEGAL_ZH))


def _rows(db_path: Path) -> list[tuple]:
    """Every open item and every change to one, as stored."""
    with sqlite3.connect(db_path) as conn:
        return (
            conn.execute("SELECT * FROM open_items").fetchall()
            + conn.execute("SELECT * FROM open_item_updates").fetchall()
        )


def _csv(result) -> list[list[str]]:
    assert result.exit_code == 0, result.output
    return list(csv.reader(io.StringIO(result.stdout.lstrip("\ufeff"))))


def test_items_lists_every_open_item_and_flags_those_past_their_deadline(db_path: Path) -> None:
    _two_meetings(db_path)
    before = cli(db_path, "items", now=DAY_AFTER).output
    for text in ("budget approval", "compliance opinion", "预算审批", "提供合规性意见"):
        assert text in before
    assert "Overdue" not in before and "法务部门" in before
    after = cli(db_path, "items", now=WEEK_AFTER).output
    assert after.count("Overdue") == 4
    zh = cli(db_path, "items", lang="zh", now=WEEK_AFTER).output
    assert zh.count("逾期") == 4 and "┃ 编号 ┃ 事项" in zh


def test_items_filter_like_tasks(db_path: Path) -> None:
    _two_meetings(db_path)
    by_owner = _csv(cli(db_path, "items", "--owner", "legal", "--format", "csv", now=DAY_AFTER))
    assert [row[2] for row in by_owner[1:]] == ["compliance opinion"]
    # An item owned by an outside department belongs to that department.
    by_dept = _csv(cli(db_path, "items", "--department", "法务部门", "--format", "csv"))
    assert [row[2] for row in by_dept[1:]] == ["提供合规性意见"]
    marketing = _csv(cli(db_path, "items", "--department", "Marketing", "--format", "csv"))
    assert [row[3] for row in marketing[1:]] == ["Marta"]
    by_meeting = _csv(cli(db_path, "items", "--meeting", "Q3新产品", "--format", "csv"))
    assert [row[2] for row in by_meeting[1:]] == ["预算审批", "提供合规性意见"]
    overdue = _csv(cli(db_path, "items", "--status", "逾期", "--format", "csv", now=WEEK_AFTER))
    assert len(overdue) == 5 and overdue[1][6] == "Overdue"
    none_yet = _csv(cli(db_path, "items", "--status", "overdue", "--format", "csv", now=DAY_AFTER))
    assert none_yet[1:] == []


def test_items_status_all_lists_settled_items_beside_the_open_ones(db_path: Path) -> None:
    _two_meetings(db_path)
    cli(db_path, "item", "2", "resolved", now=DAY_AFTER)
    default = _csv(cli(db_path, "items", "--format", "csv", now=DAY_AFTER))
    assert "2" not in [row[0] for row in default[1:]]
    for typed, lang in (("all", None), ("ALL", None), ("全部", "zh")):
        every = cli(
            db_path, "items", "--status", typed, "--format", "csv", now=DAY_AFTER, lang=lang
        )
        rows = {row[0]: row for row in _csv(every)[1:]}
        assert sorted(rows) == ["1", "2", "3", "4"], typed
    refused = cli(db_path, "items", "--status", "closed")
    assert refused.exit_code == 2
    assert "choose open | overdue | resolved | dropped | all" in refused.output


def test_items_as_csv_and_as_vtodo_a_calendar_reads(db_path: Path, tmp_path: Path) -> None:
    _two_meetings(db_path)
    cli(db_path, "item", "2", "resolved", now=DAY_AFTER)
    out = tmp_path / "items.csv"
    assert cli(db_path, "items", "--format", "csv", "-o", str(out), now=DAY_AFTER).exit_code == 0
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    assert out.stat().st_mode & 0o777 == 0o600
    ics = tmp_path / "items.ics"
    result = cli(db_path, "items", "--status", "resolved", "--format", "ics", "-o", str(ics))
    assert result.exit_code == 0
    (todo,) = Calendar.from_ical(ics.read_bytes()).walk("VTODO")
    assert str(todo["SUMMARY"]) == "compliance opinion" and str(todo["STATUS"]) == "COMPLETED"
    assert todo.decoded("DUE").isoformat() == "2026-03-05"
    assert str(todo["UID"]) == "item-2-meeting-1@facilitator.invalid"
    every = Calendar.from_ical(cli(db_path, "items", "--format", "ics").stdout_bytes)
    assert len(every.walk("VTODO")) == 3


def test_an_item_settled_handed_on_and_moved_keeps_its_history(db_path: Path) -> None:
    _two_meetings(db_path)
    moved = cli(
        db_path,
        "item",
        "4",
        "--owner",
        "lilei",  # pinyin finds 李雷
        "--deadline",
        "下周五",
        "--note",
        "法务部门人手不足",
        lang="zh",
        now="2026-03-04T10:00:00+08:00",
    )
    assert moved.exit_code == 0
    assert moved.output == (
        "未决事项4（提供合规性意见）：责任人 法务部门 → 李雷；"
        "时间节点 2026年3月5日 星期四 → 2026年3月13日 星期五\n"
    )
    settled = cli(
        db_path, "item", "4", "已解决", "--note", "意见已收到", now="2026-03-12T10:00:00+08:00"
    )
    assert settled.output == "Open item 4 (提供合规性意见): Open → Resolved\n"
    shown = cli(db_path, "item", "4", lang="zh", now="2026-03-20T10:00:00+08:00")
    assert shown.output.splitlines() == [
        "未决事项4：提供合规性意见",
        "责任人：李雷（研发部）",
        "时间节点：2026年3月13日 星期五",
        "会议：Q3新产品上线协调会（会议2）",
        "状态：已解决",
        "历史记录（北京时间）：",
        "  2026年3月2日 星期一 14:16：记入会议纪要（未决）",
        "  2026年3月4日 星期三 10:00：责任人 法务部门 → 李雷；"
        "时间节点 2026年3月5日 星期四 → 2026年3月13日 星期五（法务部门人手不足）",
        "  2026年3月12日 星期四 10:00：未决 → 已解决（意见已收到）",
    ]
    reopened = cli(db_path, "item", "4", "open", "--note", "opinion incomplete", now=WEEK_AFTER)
    assert reopened.output == "Open item 4 (提供合规性意见): Resolved → Open\n"
    note_only = cli(db_path, "item", "4", "--note", "chased again", now=WEEK_AFTER)
    assert note_only.output == "Open item 4 (提供合规性意见): note\n"
    assert "chased again" in cli(db_path, "item", "4").output


def test_handing_an_item_to_someone_outside_the_meeting_says_so(db_path: Path) -> None:
    _two_meetings(db_path)
    result = cli(db_path, "item", "1", "--owner", "Finance", now=DAY_AFTER)
    assert result.exit_code == 0
    assert "Finance is not among the meeting's people or departments" in result.stderr
    row = _csv(cli(db_path, "items", "--owner", "finance", "--format", "csv", now=DAY_AFTER))[1]
    assert (row[3], row[4]) == ("Finance", "Finance")
    # A department of the meeting is known: it owns the item, no warning.
    dept = cli(db_path, "item", "1", "--owner", "r&d", now=DAY_AFTER)
    assert dept.stderr == "" and "owner Finance → R&D" in dept.output


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("item", "9", "resolved"), "there is no open item 9"),
        (("item", "#1"), "there is no open item #1"),
        (("item", "1", "closed"), "'closed' is not a status: choose resolved | open | dropped"),
        (("item", "1", "--deadline", "someday"), "'someday' is not a date"),
        (("item", "1", "--deadline", "2026-03-01"), "the date Sun 1 Mar 2026 has already passed"),
        (("item", "1", "--owner", " "), "--owner needs a name"),
        (("items", "--status", "finished"), "'finished' is not a status"),
        (("items", "--meeting", "budget review"), "no meeting matches 'budget review'"),
    ],
)
def test_bad_item_input_is_one_clear_line_and_changes_nothing(
    db_path: Path, args: tuple[str, ...], said: str
) -> None:
    _two_meetings(db_path)
    before = _rows(db_path)
    result = cli(db_path, *args, now=DAY_AFTER)
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and said in result.output
    assert _rows(db_path) == before


def test_the_weekly_report_chases_open_items_until_they_are_settled(db_path: Path) -> None:
    hold_meeting(db_path, LAUNCH_ZH, (*LAUNCH_ZH_LINES, LEGAL_ZH))
    week_one = cli(db_path, "report", "--week", now="2026-03-04T09:00:00+08:00").output
    chase = week_one.split("Open items, overdue first")[1]
    assert "(2)" in chase and "提供合规性意见" in chase and "Overdue" not in chase
    week_two = cli(db_path, "report", now="2026-03-09T09:00:00+08:00").output
    chase, settled = week_two.split("Open items, overdue first")[1].split("settled this week")
    assert chase.count("Overdue") == 2 and "(0)" in settled
    cli(db_path, "item", "2", "resolved", "--note", "意见已收到", now="2026-03-10T09:00:00+08:00")
    week_three = cli(db_path, "report", now="2026-03-11T09:00:00+08:00").output
    chase, settled = week_three.split("Open items, overdue first")[1].split("settled this week")
    assert "提供合规性意见" not in chase and "预算审批" in chase
    assert "提供合规性意见" in settled and "意见已收到" in settled
    later = cli(db_path, "report", now="2026-03-20T09:00:00+08:00").output
    assert "Open items settled this week (0)" in later
    zh = cli(db_path, "report", lang="zh", now="2026-03-11T09:00:00+08:00").output
    assert "未决事项，逾期的在前，需跟进（1）" in zh and "本周已解决的未决事项（1）" in zh


def test_the_minutes_give_each_open_item_its_id_and_where_it_stands(db_path: Path) -> None:
    _two_meetings(db_path)
    cli(db_path, "item", "2", "dropped", "--note", "no longer needed", now=DAY_AFTER)
    text = cli(db_path, "minutes", "1", now=WEEK_AFTER).stdout
    assert "| 1 | budget approval | Marta | Thu 5 Mar 2026 | Overdue |" in text
    assert "| 2 | compliance opinion | Legal | Thu 5 Mar 2026 | Dropped |" in text
    document = json.loads(cli(db_path, "minutes", "1", "--format", "json", now=DAY_AFTER).stdout)
    assert document["open_items"][1] == {
        "text": "compliance opinion",
        "owner": "Legal",
        "deadline": "2026-03-05",
        "topic": "t2",
        "id": 2,
        "status": "dropped",
        "department": "Legal",
    }
    html = cli(db_path, "minutes", "1", "--format", "html", now=WEEK_AFTER).stdout
    assert '<td class="short status-overdue">Overdue</td>' in html


@pytest.mark.parametrize("command", ["items", "report"])
def test_an_80_column_table_folds_long_words_and_loses_none(db_path: Path, command: str) -> None:
    _two_meetings(db_path)
    shown = cli(db_path, command, now=WEEK_AFTER, env={"COLUMNS": "80"}).output
    assert "…" not in shown
    assert max(len(line) for line in shown.splitlines()) <= 80
    assert "Thu 5 Mar 2026" in shown  # ids, names, dates and statuses stay whole
    zh = cli(db_path, command, now=WEEK_AFTER, lang="zh", env={"COLUMNS": "80"}).output
    assert "2026年3月5日 星期四" in zh and "…" not in zh
    # The open items' last column (the meeting), read down: every character there.
    meetings = [row.split("│")[6] for row in shown.splitlines() if row.count("│") == 7]
    assert "Q3新产品上线协调会" in "".join("".join(m.split()) for m in meetings)


def test_an_item_is_overdue_from_midnight_where_its_meeting_was_held_everywhere(
    db_path: Path,
) -> None:
    # 预算审批 was due Thu 5 Mar in Shanghai; 00:30 on the 6th there is still the 5th
    # in UTC and in Berlin. The list, the report and the notebook agree with the
    # task list, which judges a due date in the meeting's zone too.
    import pendulum
    from pendulum.tz.local_timezone import test_local_timezone as local_zone_as

    from facilitator.core.clock import FakeClock
    from facilitator.notebook import open_archive

    hold_meeting(db_path, LAUNCH_ZH, LAUNCH_ZH_LINES)
    shanghai_past_midnight = "2026-03-06T00:30:00+08:00"
    with local_zone_as(pendulum.timezone("Europe/Berlin")):  # the reader: still the 5th
        listed = cli(db_path, "items", "--format", "csv", now=shanghai_past_midnight)
        assert _statuses(listed) == ["Overdue"]
        report = cli(db_path, "report", now=shanghai_past_midnight).output
        assert "Overdue" in report
    clock = FakeClock("2026-03-05T16:30:00+00:00")
    with open_archive(db_path, clock=clock) as nb:
        assert [record["status"] for record in nb.open_items().records] == ["overdue"]
    before = cli(db_path, "items", "--format", "csv", now="2026-03-05T23:30:00+08:00")
    assert _statuses(before) == ["Open"]


def _statuses(result) -> list[str]:
    header, *rows = _csv(result)
    return [row[header.index("Status")] for row in rows]


def _read_down(shown: str) -> list[str]:
    """Each column of the boxed tables, its cells read top to bottom with the spaces
    taken out: a word folded over two lines reads whole again."""
    columns: dict[int, str] = {}
    for row in shown.splitlines():
        if row.startswith("│"):
            for index, cell in enumerate(row.split("│")[1:-1]):
                columns[index] = columns.get(index, "") + "".join(cell.split())
    return list(columns.values())


@pytest.mark.parametrize("width", ["60", "70", "80"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_narrow_report_with_notes_still_shows_every_title_and_date(
    db_path: Path, width: str, lang: str
) -> None:
    _two_meetings(db_path)
    cli(db_path, "task", "1", "--note", "waiting for the lab", now=DAY_AFTER)
    shown = cli(db_path, "report", now=WEEK_AFTER, lang=lang, env={"COLUMNS": width}).output
    read = "\n".join(_read_down(shown))
    for words in (
        "submit the test resource form",
        "提交测试资源申请表",
        "预算审批",
        "Q3新产品上线协调会",
        "Q3 launch coordination",
        "waiting for the lab",
    ):
        assert "".join(words.split()) in read, (words, shown)
    date = "Tue10Mar2026" if lang == "en" else "2026年3月10日星期二"
    assert date in read
