"""After the meeting from the command line: tasks, task, report, retro, metrics,
and the whole round trip over two weeks of a fake clock."""

from __future__ import annotations

from pathlib import Path

import pendulum
import pytest
from icalendar import Calendar

from facilitator.planning.agenda_file import load_agenda, parse_agenda
from facilitator.render.columns import display_width
from store.archive import Archive
from tests.support import (
    LAUNCH_EN,
    LAUNCH_EN_LINES,
    LAUNCH_ZH,
    LAUNCH_ZH_LINES,
    cli,
    column_starts,
    csv_records,
    hold_meeting,
    twenty_meetings,
)

DAY_AFTER = "2026-03-03T09:00:00+01:00"


def test_tasks_lists_open_tasks_of_every_meeting(db_path: Path) -> None:
    hold_meeting(db_path, LAUNCH_EN, LAUNCH_EN_LINES)
    hold_meeting(db_path, LAUNCH_ZH, LAUNCH_ZH_LINES)
    result = cli(db_path, "tasks", now=DAY_AFTER)
    assert result.exit_code == 0
    for title in ("submit the test resource form", "campaign draft", "提交测试资源申请表"):
        assert title in result.output


def test_chinese_names_line_up_in_the_task_table(db_path: Path) -> None:
    hold_meeting(db_path, LAUNCH_EN, LAUNCH_EN_LINES)
    hold_meeting(db_path, LAUNCH_ZH, LAUNCH_ZH_LINES)
    output = cli(db_path, "tasks", now=DAY_AFTER, lang="zh").output
    header, _rule, *rows = output.splitlines()
    assert header.split() == ["编号", "截止日期", "状态", "责任人", "部门", "任务名称", "会议"]
    li = next(row for row in rows if "李雷" in row)
    marta = next(row for row in rows if "Marta" in row)
    # Every column starts on the same screen column, with two-column characters in some rows.
    assert column_starts(li, ["李雷", "研发部", "提交测试资源申请表"]) == column_starts(
        marta, ["Marta", "Marketing", "campaign draft"]
    )
    assert column_starts(li, ["李雷"]) == column_starts(header, ["责任人"])


def test_tasks_filters_by_owner_department_meeting_and_status(db_path: Path) -> None:
    hold_meeting(db_path, LAUNCH_EN, LAUNCH_EN_LINES)
    hold_meeting(db_path, LAUNCH_ZH, LAUNCH_ZH_LINES)
    by_owner = cli(db_path, "tasks", "--owner", "李雷", "--format", "csv", now=DAY_AFTER)
    assert [r["title"] for r in csv_records(by_owner.stdout)] == ["提交测试资源申请表"]
    by_dept = cli(db_path, "tasks", "--department", "marketing", "--format", "csv", now=DAY_AFTER)
    assert [r["title"] for r in csv_records(by_dept.stdout)] == ["campaign draft"]
    by_meeting = cli(db_path, "tasks", "--meeting", "Q3 launch", "--format", "csv", now=DAY_AFTER)
    assert len(csv_records(by_meeting.stdout)) == 2
    late = cli(db_path, "tasks", "--status", "delayed", now="2026-03-11T09:00:00+01:00")
    assert "submit the test resource form" in late.output and "campaign draft" not in late.output


def test_tasks_with_a_bad_filter_are_one_clear_line(db_path: Path) -> None:
    hold_meeting(db_path, LAUNCH_EN, LAUNCH_EN_LINES)
    result = cli(db_path, "tasks", "--status", "finished")
    assert result.exit_code == 2 and result.output.count("\n") == 1
    result = cli(db_path, "tasks", "--meeting", "budget review")
    assert result.exit_code == 2 and "no meeting matches" in result.output


def test_csv_export_neutralises_formulas(db_path: Path) -> None:
    hold_meeting(db_path, LAUNCH_EN, ("/next", "a: @Li =HYPERLINK(1) and @Marta by 3/10"))
    result = cli(db_path, "tasks", "--format", "csv", now=DAY_AFTER)
    assert csv_records(result.stdout)[0]["title"].startswith("'=HYPERLINK")


def test_csv_opens_in_excel_with_chinese_intact(db_path: Path, tmp_path: Path) -> None:
    hold_meeting(db_path, LAUNCH_ZH, LAUNCH_ZH_LINES)
    out = tmp_path / "tasks.csv"
    assert cli(db_path, "tasks", "--format", "csv", "-o", str(out), now=DAY_AFTER).exit_code == 0
    data = out.read_bytes()
    # The byte-order mark is what tells Excel on Windows that the file is UTF-8.
    assert data.startswith(b"\xef\xbb\xbf") and data.count(b"\xef\xbb\xbf") == 1
    (row,) = csv_records(data.decode("utf-8"))
    assert row["title"] == "提交测试资源申请表" and row["owner"] == "李雷"


def test_tasks_as_vtodo(db_path: Path, tmp_path: Path) -> None:
    hold_meeting(db_path, LAUNCH_EN, LAUNCH_EN_LINES)
    cli(db_path, "task", "1", "doing", now=DAY_AFTER)
    out = tmp_path / "tasks.ics"
    assert cli(db_path, "tasks", "--format", "ics", "-o", str(out), now=DAY_AFTER).exit_code == 0
    todos = Calendar.from_ical(out.read_bytes()).walk("VTODO")
    assert [str(t["SUMMARY"]) for t in todos] == ["submit the test resource form", "campaign draft"]
    assert [str(t["STATUS"]) for t in todos] == ["IN-PROCESS", "NEEDS-ACTION"]
    assert todos[0].decoded("DUE").isoformat() == "2026-03-10"


def test_task_status_update_and_bad_inputs(db_path: Path) -> None:
    hold_meeting(db_path, LAUNCH_EN, LAUNCH_EN_LINES)
    result = cli(db_path, "task", "2", "delayed", "--note", "waiting for budget", now=DAY_AFTER)
    assert result.exit_code == 0 and "Task 2 (campaign draft) is now: Delayed" in result.output
    zh = cli(db_path, "task", "1", "done", lang="zh", now=DAY_AFTER)
    assert "完成" in zh.output
    assert cli(db_path, "task", "9", "done").output.startswith("facilitator: there is no task 9")
    assert cli(db_path, "task", "#1", "done").output.startswith("facilitator: there is no task #1")
    bad = cli(db_path, "task", "1", "finished")
    assert bad.exit_code == 2 and "choose done | doing | delayed" in bad.output


def test_a_task_on_its_own_shows_who_when_where_from_and_its_history(db_path: Path) -> None:
    hold_meeting(db_path, LAUNCH_EN, LAUNCH_EN_LINES)
    cli(db_path, "task", "2", "doing", "--note", "draft started", now=DAY_AFTER)
    cli(
        db_path,
        "task",
        "2",
        "delayed",
        "--note",
        "waiting for budget",
        now="2026-03-06T09:00+01:00",
    )
    shown = cli(db_path, "task", "2", now="2026-03-23T09:00:00+01:00")
    assert shown.exit_code == 0
    assert shown.output.splitlines() == [
        "Task 2: campaign draft",
        "Owner: Marta (Marketing)",
        "Due: Fri 20 Mar 2026",
        "Meeting: Q3 launch coordination (meeting 1)",
        "Status: Delayed",
        "History (Europe/Berlin):",
        "  Mon 2 Mar 2026, 10:18: recorded in the minutes (Open)",
        "  Tue 3 Mar 2026, 09:00: Open → In progress — draft started",
        "  Fri 6 Mar 2026, 09:00: In progress → Delayed — waiting for budget",
    ]
    # The follow-up lists carry the last note, where the coordinator reads them.
    listed = cli(db_path, "tasks", now="2026-03-07T09:00:00+01:00").output
    assert "Last note" in listed and "waiting for budget" in listed
    report = cli(db_path, "report", now="2026-03-07T09:00:00+01:00").output
    assert "waiting for budget" in report.split("Delayed, oldest first")[1]


def test_a_task_in_chinese_shows_its_history_in_chinese(db_path: Path) -> None:
    hold_meeting(db_path, LAUNCH_ZH, LAUNCH_ZH_LINES)
    cli(db_path, "task", "1", "doing", "--note", "已提交初稿", now="2026-03-04T09:00:00+08:00")
    shown = cli(db_path, "task", "1", lang="zh", now="2026-03-05T09:00:00+08:00").output
    assert "责任人：李雷（研发部）" in shown and "状态：进行中" in shown
    assert "2026年3月4日 星期三 09:00：未开始 → 进行中（已提交初稿）" in shown


def test_a_status_is_understood_in_any_case_and_in_chinese(db_path: Path) -> None:
    hold_meeting(db_path, LAUNCH_EN, LAUNCH_EN_LINES)
    hold_meeting(db_path, LAUNCH_ZH, LAUNCH_ZH_LINES)
    assert "is now: Done" in cli(db_path, "task", "1", "DONE", now=DAY_AFTER).output
    zh = cli(db_path, "task", "3", "完成", lang="zh", now=DAY_AFTER).output
    assert zh == "任务3（提交测试资源申请表）状态已更新为：完成\n"
    assert "is now: In progress" in cli(db_path, "task", "2", "进行中", now=DAY_AFTER).output
    again = cli(db_path, "task", "2", "In Progress ", now=DAY_AFTER).output
    assert "is already In progress" in again
    assert "is now: Delayed" in cli(db_path, "task", "2", "Delayed", now=DAY_AFTER).output
    late = cli(db_path, "tasks", "--status", "延期", "--format", "csv", now=DAY_AFTER)
    assert [row["title"] for row in csv_records(late.stdout)] == ["campaign draft"]
    refused = cli(db_path, "task", "2", "未开始", lang="zh")
    assert refused.exit_code == 2
    assert "请选择 完成 (done) | 进行中 (doing) | 延期 (delayed)" in refused.output


def test_minutes_not_exported_a_day_after_the_close_are_flagged(db_path: Path) -> None:
    hold_meeting(db_path, LAUNCH_EN, LAUNCH_EN_LINES)
    same_day = cli(db_path, "tasks", now="2026-03-02T18:00:00+01:00")
    assert "never exported" not in same_day.output
    next_day = cli(db_path, "tasks", now="2026-03-03T18:00:00+01:00")
    assert (
        "The minutes of 'Q3 launch coordination' were closed over 24 hours ago" in next_day.output
    )
    cli(db_path, "minutes", "--format", "html", now="2026-03-03T18:00:00+01:00")
    assert "never exported" not in cli(db_path, "tasks", now="2026-03-04T18:00:00+01:00").output


def test_twenty_meetings_never_exported_are_one_reminder_not_twenty(tmp_path: Path) -> None:
    db = tmp_path / "twenty.db"
    twenty_meetings(db)
    for lang, words in (
        (None, "The minutes of 20 meetings (ids 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 …)"),
        ("zh", "20场会议（编号1、2、3、4、5、6、7、8、9、10等）已结束超过24小时"),
    ):
        result = cli(db, "tasks", now="2026-05-01T09:00:00+02:00", lang=lang)
        assert len(result.stderr.splitlines()) == 1
        assert words in result.stderr


def _on_a_terminal(db_path: Path, now: str, *args: str, width: int = 160) -> str:
    """The facilitator command with its stdout on a real pseudo-terminal ``width``
    columns wide (told by the terminal, as a shell's is, not by COLUMNS); what it showed."""
    import fcntl
    import os
    import pty
    import struct
    import subprocess
    import sys
    import termios

    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 40, width, 0, 0))
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    env["FACILITATOR_NOW"] = now
    process = subprocess.Popen(
        [sys.executable, "-m", "facilitator", "--db", str(db_path), *args],
        stdout=follower,
        stderr=subprocess.PIPE,
        env=env,
    )
    os.close(follower)
    shown = b""
    while True:  # read until the program closes the terminal, so it never blocks on it
        try:
            chunk = os.read(leader, 4096)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    os.close(leader)
    assert process.wait(timeout=60) == 0, process.stderr.read() if process.stderr else ""
    return shown.decode("utf-8").replace("\r\n", "\n")


def test_tasks_on_a_narrow_terminal_fold_within_their_columns(tmp_path: Path) -> None:
    db = tmp_path / "twenty.db"
    twenty_meetings(db)
    for lang in ("en", "zh"):
        shown = _on_a_terminal(db, "2026-05-01T09:00:00+02:00", "--lang", lang, "tasks", width=80)
        lines = shown.splitlines()
        assert lines and max(map(display_width, lines)) <= 80, shown
        # Every task is there, once, its id on its row's first line.
        ids = [int(line[:4]) for line in lines[2:] if line[:4].strip()]
        assert sorted(ids) == list(range(1, 31))
        # A title is folded between its words and read down its column.
        assert "submit the" in shown and "resource" in shown and "submit the test" not in shown
    # Piped, each task stays on one line (for grep): nothing is folded.
    piped = cli(db, "tasks", now="2026-05-01T09:00:00+02:00", env={"COLUMNS": "80"}).stdout
    assert any(
        "submit the test resource form" in line and "Q3 launch coordination" in line
        for line in piped.splitlines()
    )


def test_minutes_read_on_a_terminal_are_not_an_export(db_path: Path, tmp_path: Path) -> None:
    hold_meeting(db_path, LAUNCH_EN, LAUNCH_EN_LINES)
    shown = _on_a_terminal(db_path, "2026-03-03T18:00:00+01:00", "minutes")
    assert "# Minutes: Q3 launch coordination" in shown
    # Read on one's own screen, the minutes went nowhere: the reminder stays.
    reminder = "were closed over 24 hours ago and never exported"
    assert reminder in cli(db_path, "tasks", now="2026-03-04T18:00:00+01:00").output
    # Piped or redirected (CliRunner's stdout is not a terminal), they were sent on.
    cli(db_path, "minutes", now="2026-03-04T18:00:00+01:00")
    assert reminder not in cli(db_path, "tasks", now="2026-03-05T18:00:00+01:00").output


def test_retro_is_stored_with_the_meeting_and_shown_in_metrics(db_path: Path) -> None:
    hold_meeting(db_path, LAUNCH_EN, LAUNCH_EN_LINES)
    saved = cli(
        db_path,
        "retro",
        "Q3 launch",
        "--good",
        "timely updates",
        "--improve",
        "bring data next time",
        "--rating",
        "4",
        now=DAY_AFTER,
    )
    assert saved.exit_code == 0
    shown = cli(db_path, "retro", "Q3 launch")
    assert "Went well: timely updates" in shown.output and "Rating: 4/5" in shown.output
    metrics = cli(db_path, "metrics")
    assert metrics.exit_code == 0
    assert "Planned 40 min, took 16.0 min; 0 topic(s) overran." in metrics.output
    assert "Decisions: 1 (3.8 per hour)" in metrics.output
    assert "R&D: 62%" in metrics.output and "To improve: bring data next time" in metrics.output


def test_a_retro_updated_in_parts_keeps_what_was_not_given(db_path: Path) -> None:
    hold_meeting(db_path, LAUNCH_EN, LAUNCH_EN_LINES)
    first = cli(db_path, "retro", "1", "--good", "a", "--improve", "b", "--rating", "4")
    assert first.exit_code == 0
    assert cli(db_path, "retro", "1", "--rating", "2").exit_code == 0
    assert cli(db_path, "retro", "1").output.splitlines() == [
        "Went well: a",
        "To improve: b",
        "Rating: 2/5",
    ]
    assert cli(db_path, "retro", "1", "--improve", "start on time").exit_code == 0
    assert "To improve: start on time" in cli(db_path, "retro", "1").output


def test_a_first_retro_without_a_rating_says_the_rating_is_required(db_path: Path) -> None:
    hold_meeting(db_path, LAUNCH_EN, LAUNCH_EN_LINES)
    result = cli(db_path, "retro", "1", "--good", "x")
    assert result.exit_code == 2
    assert result.output == (
        "facilitator: --rating is required: 'Q3 launch coordination' has no retrospective "
        "yet, rate it from 1 to 5\n"
    )
    assert "no retrospective yet" in cli(db_path, "retro", "1").output


def test_retro_bad_inputs(db_path: Path) -> None:
    hold_meeting(db_path, LAUNCH_EN, LAUNCH_EN_LINES)
    for rating in ("6", "0", "good", ""):
        result = cli(db_path, "retro", "Q3 launch", "--good", "x", "--rating", rating)
        assert result.exit_code == 2 and "1 to 5" in result.output
    assert "no retrospective yet" in cli(db_path, "retro", "Q3 launch").output
    assert cli(db_path, "retro", "budget", "--rating", "3").exit_code == 2


def test_metrics_of_a_meeting_under_a_minute_give_no_rate(db_path: Path) -> None:
    hold_meeting(db_path, LAUNCH_EN, ("/next", "d: ship it"), minutes_per_line=0)
    result = cli(db_path, "metrics")
    assert "Decisions: 1 (— per hour)" in result.output
    assert "per hour)" in result.output and "0.0 per hour" not in result.output


def test_metrics_in_chinese_show_overruns(db_path: Path) -> None:
    hold_meeting(db_path, LAUNCH_ZH, LAUNCH_ZH_LINES, minutes_per_line=6)
    result = cli(db_path, "metrics", lang="zh")
    assert result.exit_code == 0
    assert "计划40分钟，实际42.0分钟；1个议题超时。" in result.output
    assert "+10.0" in result.output
    assert "  研发部：71%" in result.output  # full-width colon in Chinese


def test_a_user_plans_runs_follows_up_and_plans_again(db_path: Path, tmp_path: Path) -> None:
    """The issue's round trip: new, check, notice, meeting, minutes, two weeks, carry-over."""
    agenda_file = tmp_path / "sync.toml"
    monday = "2026-03-02T09:00:00+01:00"
    assert (
        cli(
            db_path,
            "new",
            "sync",
            "-o",
            str(agenda_file),
            "--timezone",
            "Europe/Berlin",
            now=monday,
        ).exit_code
        == 0
    )
    # the user shortens a topic and makes one too long; check tells them
    text = agenda_file.read_text(encoding="utf-8").replace("minutes = 20", "minutes = 35")
    agenda_file.write_text(text, encoding="utf-8")
    assert "over 30" in cli(db_path, "check", str(agenda_file), now=monday).output
    agenda_file.write_text(text.replace("minutes = 35", "minutes = 20"), encoding="utf-8")
    assert "warning" not in cli(db_path, "check", str(agenda_file), now=monday).output
    invite = tmp_path / "invite.ics"
    assert (
        cli(
            db_path, "notice", str(agenda_file), "--format", "ics", "-o", str(invite), now=monday
        ).exit_code
        == 0
    )
    (event,) = Calendar.from_ical(invite.read_bytes()).walk("VEVENT")
    assert str(event["ORGANIZER"]) == "mailto:alex@example.com"

    hold_meeting(
        db_path,
        agenda_file.read_text(encoding="utf-8"),
        (
            "/next",
            "a: @Li test plan by 3/9",
            "a: @Marta launch post by 3/13",
            "a: @Wang price list by 3/20",
            "u: @Legal compliance opinion in 3 workdays",
            "d: keep the date",
        ),
    )
    thursday = "2026-03-05T15:00:00+01:00"
    for fmt in ("md", "html", "json"):
        out = tmp_path / f"minutes.{fmt}"
        assert cli(db_path, "minutes", "--format", fmt, "-o", str(out), now=thursday).exit_code == 0
        assert out.stat().st_size > 0

    assert cli(db_path, "task", "1", "doing", now="2026-03-06T10:00:00+01:00").exit_code == 0
    assert cli(db_path, "task", "1", "done", now="2026-03-09T10:00:00+01:00").exit_code == 0
    assert cli(db_path, "task", "3", "doing", now="2026-03-12T10:00:00+01:00").exit_code == 0
    report = cli(db_path, "report", "--week", now="2026-03-16T10:00:00+01:00").output
    done, rest = report.split("In progress", 1)
    doing, rest = rest.split("Delayed, oldest first", 1)
    delayed, new = rest.split("New this week", 1)
    assert "test plan" in done and "price list" in doing and "launch post" in delayed
    assert "(0)" in new
    two_weeks = cli(db_path, "report", "--week", now="2026-03-23T10:00:00+01:00").output
    assert "Done this week (0)" in two_weeks and "Delayed, oldest first — escalate (2)" in two_weeks
    delayed_part = two_weeks.split("Delayed, oldest first")[1]
    assert delayed_part.index("launch post") < delayed_part.index("price list")

    next_file = tmp_path / "next.toml"
    result = cli(
        db_path,
        "new",
        "sync",
        "--from",
        "Progress sync",
        "-o",
        str(next_file),
        now="2026-03-23T10:00:00+01:00",
    )
    assert result.exit_code == 0 and "3 carried over" in result.output
    following = load_agenda(next_file)
    carried = [t for t in following.topics if t.title.startswith(("Carried", "Delayed"))]
    assert [(t.title.split(" (")[0], t.owner) for t in carried] == [
        ("Carried over: compliance opinion", "Alex"),
        ("Delayed task: launch post", "Marta"),
        ("Delayed task: price list", "Wang"),
    ]
    assert following.start.format("YYYY-MM-DD") == "2026-03-26"
    assert (
        "warning"
        not in cli(db_path, "check", str(next_file), now="2026-03-23T10:00:00+01:00").output
    )


@pytest.mark.parametrize(
    "command",
    [("minutes", "2"), ("retro", "2", "--rating", "3"), ("metrics", "2"), ("new", "sync")],
    ids=["minutes", "retro", "metrics", "new --from"],
)
def test_a_meeting_still_open_is_called_open_not_missing(
    db_path: Path, tmp_path: Path, command: tuple[str, ...]
) -> None:
    hold_meeting(db_path, LAUNCH_EN, LAUNCH_EN_LINES)
    with Archive.open(db_path) as archive:  # planned, the room not closed yet
        archive.create_meeting(parse_agenda(LAUNCH_ZH), pendulum.now())
    if command[0] == "new":
        command = (*command, "--from", "2", "-o", str(tmp_path / "next.toml"))
    result = cli(db_path, *command)
    assert result.exit_code == 2
    assert result.output == (
        "facilitator: meeting 2 ('Q3新产品上线协调会') is still open: close it in the room "
        "first (facilitator open 2, then /close)\n"
    )


def test_opening_a_closed_meeting_says_it_is_closed(db_path: Path) -> None:
    hold_meeting(db_path, LAUNCH_EN, LAUNCH_EN_LINES)
    result = cli(db_path, "open", "1")
    assert result.exit_code == 2
    assert result.output == (
        "facilitator: meeting 1 ('Q3 launch coordination') is closed: "
        "'facilitator minutes 1' shows its minutes\n"
    )


def test_carry_over_from_an_unknown_meeting_is_refused(db_path: Path, tmp_path: Path) -> None:
    result = cli(db_path, "new", "sync", "--from", "nothing", "-o", str(tmp_path / "a.toml"))
    assert result.exit_code == 2 and not (tmp_path / "a.toml").exists()


def test_weekly_report_in_chinese(db_path: Path) -> None:
    hold_meeting(db_path, LAUNCH_ZH, LAUNCH_ZH_LINES)
    cli(db_path, "task", "1", "doing", now="2026-03-04T09:00:00+08:00")
    report = cli(db_path, "report", "--week", lang="zh", now="2026-03-12T09:00:00+08:00").output
    assert report.startswith("每周任务跟踪，2026年3月5日 星期四至2026年3月12日 星期四")
    assert "延期，按时间先后排列，需协调（1）" in report and "延期" in report
    assert "提交测试资源申请表" in report
    assert all(line == line.rstrip() for line in report.splitlines())


def test_status_all_lists_done_tasks_beside_open_ones_and_limit_cuts_the_list(
    db_path: Path,
) -> None:
    hold_meeting(db_path, LAUNCH_EN, LAUNCH_EN_LINES)
    hold_meeting(db_path, LAUNCH_ZH, LAUNCH_ZH_LINES)
    cli(db_path, "task", "2", "done", now=DAY_AFTER)
    default = csv_records(cli(db_path, "tasks", "--format", "csv", now=DAY_AFTER).stdout)
    assert [r["id"] for r in default] == ["1", "3"]
    every = cli(db_path, "tasks", "--status", "all", "--format", "csv", now=DAY_AFTER).stdout
    assert [(r["id"], r["status"]) for r in csv_records(every)] == [
        ("1", "open"),
        ("3", "open"),
        ("2", "done"),
    ]
    assert "campaign draft" in cli(db_path, "tasks", "--status", "全部", now=DAY_AFTER).output
    first = cli(db_path, "tasks", "--limit", "1", "--format", "csv", now=DAY_AFTER).stdout
    assert [r["id"] for r in csv_records(first)] == ["1"]
    assert cli(db_path, "tasks", "--limit", "0").exit_code == 2


def test_csv_has_stable_names_ids_and_the_status_as_code_and_words(db_path: Path) -> None:
    hold_meeting(db_path, LAUNCH_ZH, LAUNCH_ZH_LINES)
    late = "2026-03-11T09:00:00+08:00"
    text = cli(db_path, "tasks", "--format", "csv", now=late, lang="zh").stdout
    assert text.removeprefix("\ufeff").splitlines()[0] == (
        "id,meeting_id,meeting,topic,title,owner,department,due,status,status_label"
    )
    (row,) = csv_records(text)
    assert row["id"] == "1" and row["meeting_id"] == "1"
    assert row["topic"] == "研发进度汇报"
    assert (row["status"], row["status_label"]) == ("delayed", "延期")


def test_minutes_named_json_or_html_are_written_as_the_name_says(
    db_path: Path, tmp_path: Path
) -> None:
    import json

    hold_meeting(db_path, LAUNCH_EN, LAUNCH_EN_LINES)
    as_json, as_page = tmp_path / "m.json", tmp_path / "m.html"
    assert cli(db_path, "minutes", "-o", str(as_json), now=DAY_AFTER).exit_code == 0
    assert json.loads(as_json.read_text("utf-8"))["meeting"]["title"]
    assert cli(db_path, "minutes", "-o", str(as_page), now=DAY_AFTER).exit_code == 0
    assert as_page.read_text("utf-8").lstrip().lower().startswith("<!doctype html")


def test_a_file_name_and_a_format_that_disagree_are_refused_and_nothing_written(
    db_path: Path, tmp_path: Path
) -> None:
    hold_meeting(db_path, LAUNCH_EN, LAUNCH_EN_LINES)
    target = tmp_path / "m.json"
    result = cli(db_path, "minutes", "--format", "html", "-o", str(target), now=DAY_AFTER)
    assert result.exit_code == 2
    assert f"{target} names the json format but --format says html" in result.output
    assert not target.exists()
    md = cli(db_path, "tasks", "-o", str(tmp_path / "tasks.md"), now=DAY_AFTER)
    assert md.exit_code == 2 and "choose --format table | csv | ics" in md.output


def test_tasks_named_ics_are_to_dos_without_saying_format(db_path: Path, tmp_path: Path) -> None:
    hold_meeting(db_path, LAUNCH_EN, LAUNCH_EN_LINES)
    out = tmp_path / "tasks.ics"
    assert cli(db_path, "tasks", "-o", str(out), now=DAY_AFTER).exit_code == 0
    assert Calendar.from_ical(out.read_bytes()).walk("VTODO")


def test_task_list_starts_without_the_date_library(db_path: Path, tmp_path: Path) -> None:
    """A long task list spends its time on rows: loading pendulum (and the modules
    that need it) is a tenth of 200 ms over 200,000 tasks (benchmarks/task_query.py).
    Guarded here, since the benchmark is not part of the tests."""
    import os
    import subprocess
    import sys

    hold_meeting(db_path, LAUNCH_ZH, LAUNCH_ZH_LINES)
    cli(db_path, "minutes", "-o", str(tmp_path / "minutes.md"), now=DAY_AFTER)  # sent: no reminder
    env = {k: v for k, v in os.environ.items() if k != "FACILITATOR_NOW"}
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "facilitator", "--db", str(db_path), "tasks"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "提交测试资源申请表" in done.stdout
    loaded = {line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines()}
    assert "pendulum" not in loaded


def test_a_task_list_run_inside_another_program_leaves_its_collector_on(db_path: Path) -> None:
    """Only a process of its own drops the cycle collector for its list
    (facilitator.cli.common.without_collector); a test runner or a notebook goes on."""
    import gc

    hold_meeting(db_path, LAUNCH_EN, LAUNCH_EN_LINES)
    assert cli(db_path, "tasks", now=DAY_AFTER).exit_code == 0
    assert gc.isenabled()


def test_a_task_marked_done_twice_keeps_one_done_in_its_history(db_path: Path) -> None:
    hold_meeting(db_path, LAUNCH_EN, LAUNCH_EN_LINES)
    assert "is now: Done" in cli(db_path, "task", "1", "done", now=DAY_AFTER).output
    again = cli(db_path, "task", "1", "done", now=DAY_AFTER)
    assert again.exit_code == 0 and "is already Done: nothing changed" in again.output
    history = cli(db_path, "task", "1", now=DAY_AFTER).output
    assert history.count("→ Done") == 1
    zh = cli(db_path, "task", "1", "完成", now=DAY_AFTER, lang="zh").output
    assert "已是“完成”状态，未做更改" in zh


def test_a_note_on_a_done_task_is_a_note_not_done_again(db_path: Path) -> None:
    hold_meeting(db_path, LAUNCH_EN, LAUNCH_EN_LINES)
    cli(db_path, "task", "1", "done", now=DAY_AFTER)
    noted = cli(db_path, "task", "1", "done", "--note", "the form went out", now=DAY_AFTER)
    assert "note added" in noted.output
    history = cli(db_path, "task", "1", now=DAY_AFTER).output
    assert history.count("→ Done") == 1 and "note — the form went out" in history
