"""Tasks rescheduled in the open: ``task ID --due DATE --owner NAME --note``, kept in the
history, shown in the lists and the minutes; the weekly report marks work done late."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tests.support import LAUNCH_EN, LAUNCH_EN_LINES, LAUNCH_ZH, LAUNCH_ZH_LINES, cli, hold_meeting

# LAUNCH_EN: task 1 "submit the test resource form" (Li, Tue 10 Mar), task 2 "campaign
# draft" (Marta, Fri 20 Mar).
DAY_AFTER = "2026-03-03T09:00:00+01:00"


def _rows(db_path: Path) -> list[tuple]:
    with sqlite3.connect(db_path) as conn:
        return (
            conn.execute("SELECT * FROM tasks").fetchall()
            + conn.execute("SELECT * FROM task_updates").fetchall()
        )


def test_a_task_moved_and_handed_on_keeps_both_in_its_history(db_path: Path) -> None:
    hold_meeting(db_path, LAUNCH_EN, LAUNCH_EN_LINES)
    moved = cli(
        db_path,
        "task",
        "2",
        "--due",
        "3/27",
        "--owner",
        "li",
        "--note",
        "budget approved late",
        now=DAY_AFTER,
    )
    assert moved.exit_code == 0 and moved.stderr == ""
    assert moved.output == (
        "Task 2 (campaign draft): due Fri 20 Mar 2026 → Fri 27 Mar 2026; owner Marta → Li\n"
    )
    started = cli(db_path, "task", "2", "doing", "--due", "in 3 workdays", now=DAY_AFTER)
    assert started.output == (
        "Task 2 (campaign draft): Open → In progress; due Fri 27 Mar 2026 → Fri 6 Mar 2026\n"
    )
    assert cli(db_path, "task", "2", now="2026-03-04T09:00:00+01:00").output.splitlines() == [
        "Task 2: campaign draft",
        "Owner: Li (R&D)",
        "Due: Fri 6 Mar 2026",
        "Meeting: Q3 launch coordination (meeting 1)",
        "Status: In progress",
        "History (Europe/Berlin):",
        "  Mon 2 Mar 2026, 10:18: recorded in the minutes (Open)",
        "  Tue 3 Mar 2026, 09:00: due Fri 20 Mar 2026 → Fri 27 Mar 2026; owner Marta → Li"
        " — budget approved late",
        "  Tue 3 Mar 2026, 09:00: Open → In progress; due Fri 27 Mar 2026 → Fri 6 Mar 2026",
    ]
    # The lists and the minutes show the task as it stands now.
    listed = cli(db_path, "tasks", "--owner", "Li", "--format", "csv", now=DAY_AFTER).stdout
    assert "campaign draft,Li,R&D,2026-03-06" in listed
    minutes = json.loads(cli(db_path, "minutes", "--format", "json", now=DAY_AFTER).stdout)
    assert minutes["tasks"][1] == {
        "id": 2,
        "title": "campaign draft",
        "owner": "Li",
        "department": "R&D",
        "due": "2026-03-06",
        "status": "doing",
        "topic": "t2",
    }


def test_a_task_in_chinese_is_rescheduled_in_chinese(db_path: Path) -> None:
    hold_meeting(db_path, LAUNCH_ZH, LAUNCH_ZH_LINES)
    result = cli(
        db_path,
        "task",
        "1",
        "延期",
        "--due",
        "下周五",
        "--owner",
        "韩梅梅",
        "--note",
        "测试环境未到位",
        lang="zh",
        now="2026-03-09T09:00:00+08:00",
    )
    assert result.output == (
        "任务1（提交测试资源申请表）：未开始 → 延期；"
        "截止日期 2026年3月10日 星期二 → 2026年3月20日 星期五；责任人 李雷 → 韩梅梅\n"
    )
    shown = cli(db_path, "task", "1", lang="zh", now="2026-03-10T09:00:00+08:00").output
    assert "责任人：韩梅梅（市场部）" in shown and "（测试环境未到位）" in shown


def test_a_note_alone_is_kept_without_changing_the_task(db_path: Path) -> None:
    hold_meeting(db_path, LAUNCH_EN, LAUNCH_EN_LINES)
    noted = cli(db_path, "task", "1", "--note", "form half filled", now=DAY_AFTER)
    assert noted.output == "Task 1 (submit the test resource form): note added\n"
    assert "Status: Open" in cli(db_path, "task", "1", now=DAY_AFTER).output
    assert "form half filled" in cli(db_path, "tasks", now=DAY_AFTER).output


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("task", "1", "--due", "someday"), "'someday' is not a date"),
        (("task", "1", "--due", "2026-03-02"), "the date Mon 2 Mar 2026 has already passed"),
        (("task", "1", "--owner", ""), "--owner needs a name"),
        (("task", "7", "--due", "friday"), "there is no task 7"),
        (("task", "1", "finished", "--due", "friday"), "'finished' is not a status"),
    ],
)
def test_a_bad_reschedule_is_one_clear_line_and_changes_nothing(
    db_path: Path, args: tuple[str, ...], said: str
) -> None:
    hold_meeting(db_path, LAUNCH_EN, LAUNCH_EN_LINES)
    before = _rows(db_path)
    result = cli(db_path, *args, now=DAY_AFTER)
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and said in result.output
    assert _rows(db_path) == before


def test_the_weekly_report_marks_work_done_late_and_by_how_much(db_path: Path) -> None:
    hold_meeting(db_path, LAUNCH_EN, LAUNCH_EN_LINES)
    # Task 1 due Tue 10 Mar, done Sat 14 Mar: four days late. Task 2 moved, then on time.
    cli(db_path, "task", "1", "done", now="2026-03-14T11:00:00+01:00")
    cli(db_path, "task", "2", "--due", "2026-03-13", now="2026-03-09T09:00:00+01:00")
    cli(db_path, "task", "2", "done", now="2026-03-13T16:00:00+01:00")
    report = cli(db_path, "report", "--week", now="2026-03-16T09:00:00+01:00").output
    done = report.split("In progress")[0]
    assert "Done on" in done
    assert "Sat 14 Mar 2026, 4 days late" in done
    assert "Fri 13 Mar 2026 (first due Fri 20 Mar 2026)" in done
    zh = cli(db_path, "report", lang="zh", now="2026-03-16T09:00:00+01:00").output
    assert "逾期4天" in zh.split("进行中")[0]
