"""Before the meeting from the command line: new, check, notice (Markdown and .ics)."""

from __future__ import annotations

from pathlib import Path

import pytest
from icalendar import Calendar

from facilitator.meeting.agenda import MEETING_KINDS
from facilitator.planning.agenda_file import load_agenda
from tests.support import LAUNCH_EN, LAUNCH_ZH, cli

MONDAY = "2026-03-02T09:00:00+01:00"


@pytest.mark.parametrize("kind", MEETING_KINDS)
def test_new_writes_an_agenda_that_loads_and_passes_check(
    db_path: Path, tmp_path: Path, kind: str
) -> None:
    out = tmp_path / f"{kind}.toml"
    result = cli(db_path, "new", kind, "-o", str(out), "--timezone", "Europe/Berlin", now=MONDAY)
    assert result.exit_code == 0, result.output
    agenda = load_agenda(out)
    assert agenda.kind == kind and agenda.start.format("YYYY-MM-DD HH:mm") == "2026-03-05 10:00"
    checked = cli(db_path, "check", str(out), now=MONDAY)
    assert checked.exit_code == 0 and checked.output.startswith("OK:")
    assert "warning" not in checked.output


def test_new_in_chinese_writes_the_chinese_template(db_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "kickoff.toml"
    result = cli(
        db_path,
        "new",
        "kickoff",
        "-o",
        str(out),
        "--timezone",
        "Asia/Shanghai",
        lang="zh",
        now=MONDAY,
    )
    assert result.exit_code == 0 and result.output.startswith("已生成")
    agenda = load_agenda(out)
    assert agenda.language == "zh" and agenda.title == "项目启动会"
    assert "研发部汇报开发计划、排期及风险" in [t.title for t in agenda.topics]


def test_new_refuses_to_overwrite_a_file(db_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "agenda.toml"
    out.write_text("mine", encoding="utf-8")
    result = cli(db_path, "new", "sync", "-o", str(out))
    assert result.exit_code == 2 and "already exists" in result.output
    assert out.read_text(encoding="utf-8") == "mine"


def test_new_to_dash_writes_the_agenda_to_stdout(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = cli(db_path, "new", "sync", "-o", "-", "--timezone", "Europe/Berlin", now=MONDAY)
    assert result.exit_code == 0 and not (tmp_path / "-").exists()
    (tmp_path / "piped.toml").write_text(result.stdout, encoding="utf-8")
    assert load_agenda(tmp_path / "piped.toml").title == "Progress sync"


def test_new_help_does_not_promise_the_terminal_and_require_a_file(db_path: Path) -> None:
    help_text = " ".join(cli(db_path, "new", "--help").output.split())
    assert "Agenda file to write (- writes it to the terminal). [required]" in help_text
    assert "default: the terminal" not in help_text


@pytest.mark.parametrize(
    "command",
    [("new", "sync"), ("notice", "AGENDA"), ("minutes",)],
    ids=["new", "notice", "minutes"],
)
def test_a_file_in_a_missing_directory_is_refused_not_created(
    db_path: Path, tmp_path: Path, command: tuple[str, ...]
) -> None:
    from tests.support import LAUNCH_EN_LINES, hold_meeting

    hold_meeting(db_path, LAUNCH_EN, LAUNCH_EN_LINES)
    agenda = tmp_path / "agenda.toml"
    agenda.write_text(LAUNCH_EN, encoding="utf-8")
    target = tmp_path / "no" / "such" / "dir" / "out.txt"
    args = [str(agenda) if arg == "AGENDA" else arg for arg in command]
    result = cli(db_path, *args, "-o", str(target))
    assert result.exit_code == 2
    assert result.output == (
        f"facilitator: cannot write {target}: there is no directory {target.parent} "
        "(create it first, or choose another path)\n"
    )
    assert not (tmp_path / "no").exists()


def test_new_with_an_unknown_time_zone_is_refused(db_path: Path, tmp_path: Path) -> None:
    result = cli(db_path, "new", "sync", "-o", str(tmp_path / "a.toml"), "--timezone", "Mars/Base")
    assert result.exit_code == 2 and "unknown time zone" in result.output
    assert not (tmp_path / "a.toml").exists()


def test_new_with_a_bad_start_is_refused(db_path: Path, tmp_path: Path) -> None:
    result = cli(db_path, "new", "sync", "-o", str(tmp_path / "a.toml"), "--start", "soonish")
    assert result.exit_code == 2 and result.output.count("\n") == 1
    assert not (tmp_path / "a.toml").exists()


def test_check_warns_but_passes_what_can_still_run(db_path: Path, tmp_path: Path) -> None:
    agenda = tmp_path / "agenda.toml"
    agenda.write_text(
        LAUNCH_EN.replace('goal = "Agree the Q3 launch timetable"\n', "")
        .replace("minutes = 10", "minutes = 40")
        .replace("rsvp_by = 2026-02-26T17:00:00", "rsvp_by = 2026-03-03T17:00:00")
        .replace('role = "recorder"', 'role = "attendee"'),
        encoding="utf-8",
    )
    result = cli(db_path, "check", str(agenda), now="2026-02-27T09:00:00+01:00")
    assert result.exit_code == 0
    # Each warning says where to look, like an error: file, line, field.
    assert result.output.splitlines()[2:] == [
        f"{agenda}:1: meeting.goal: warning: no goal: add goal = "
        '"..." so everyone knows what the meeting must decide',
        f"{agenda}:13: people: warning: no recorder: give one person role = "
        '"recorder" to keep the minutes',
        f"{agenda}:52: topics[3].minutes: warning: topic 'Sales training' is planned for "
        "40 minutes: over 30, split it or it will drift",
        f"{agenda}:6: meeting.end: warning: the topics need 70 minutes but the meeting has 60",
        f"{agenda}:5: meeting.start: warning: the notice goes out late: 1 working day(s) "
        "before the start, 2 are expected",
        f"{agenda}:9: meeting.rsvp_by: warning: the RSVP deadline is after the start of the "
        "meeting",
    ]


def test_check_shows_the_errors_first_then_the_warnings(db_path: Path, tmp_path: Path) -> None:
    agenda = tmp_path / "agenda.toml"
    agenda.write_text(
        LAUNCH_EN.replace('owner = "Wang"', 'owner = "Bob"').replace(
            "minutes = 10", "minutes = 40"
        ),
        encoding="utf-8",
    )
    result = cli(db_path, "check", str(agenda), now="2026-02-20T09:00:00+01:00")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"{agenda}:52: topics[3].owner: Bob is not among the [[people]]",
        f"{agenda}:53: topics[3].minutes: warning: topic 'Sales training' is planned for "
        "40 minutes: over 30, split it or it will drift",
        f"{agenda}:7: meeting.end: warning: the topics need 70 minutes but the meeting has 60",
    ]


def test_check_of_an_agenda_with_a_bad_date_still_gives_the_other_warnings(
    db_path: Path, tmp_path: Path
) -> None:
    agenda = tmp_path / "agenda.toml"
    agenda.write_text(
        LAUNCH_EN.replace("end = 2026-03-02T11:00:00", 'end = "eleven"').replace(
            "minutes = 10", "minutes = 40"
        ),
        encoding="utf-8",
    )
    lines = cli(db_path, "check", str(agenda)).stderr.splitlines()
    assert lines[0].startswith(f"{agenda}:7: meeting.end: not a date and time: 'eleven'")
    # Time-based warnings wait for a readable end; the others are given now.
    assert [line.split(": ")[1] for line in lines[1:]] == ["topics[3].minutes"]


def test_check_warns_about_an_email_that_is_not_an_address_and_a_missing_place(
    db_path: Path, tmp_path: Path
) -> None:
    agenda = tmp_path / "agenda.toml"
    agenda.write_text(
        LAUNCH_EN.replace('email = "li@example.com"', 'email = "not-an-email"')
        .replace('place = "Room 3A"\n', "")
        .replace('online = "https://meet.example.com/q3"\n', ""),
        encoding="utf-8",
    )
    result = cli(db_path, "check", str(agenda), now="2026-02-20T09:00:00+01:00")
    assert result.exit_code == 0
    assert result.output.splitlines()[2:] == [
        f'{agenda}:1: meeting.place: warning: no place: add place = "..." (a room) or '
        'online = "https://..." so people know where to go',
        f"{agenda}:27: people[3].email: warning: Li's email 'not-an-email' is not an address "
        "like name@example.com: the invitation cannot reach them",
    ]


def test_check_warnings_in_chinese(db_path: Path, tmp_path: Path) -> None:
    agenda = tmp_path / "agenda.toml"
    agenda.write_text(LAUNCH_ZH.replace("minutes = 20", "minutes = 35", 1), encoding="utf-8")
    result = cli(db_path, "check", str(agenda), lang="zh", now="2026-02-20T09:00:00+08:00")
    assert result.exit_code == 0
    assert "提醒：议题“研发进度汇报”计划35分钟，超过30分钟，建议拆分" in result.output


def test_check_still_refuses_a_topic_owner_who_is_not_a_participant(
    db_path: Path, tmp_path: Path
) -> None:
    # The owner is called to speak when the topic starts and their department
    # counts the speaking time: an unknown owner cannot run, it is an error.
    agenda = tmp_path / "agenda.toml"
    agenda.write_text(LAUNCH_EN.replace('owner = "Wang"', 'owner = "Bob"'), encoding="utf-8")
    result = cli(db_path, "check", str(agenda))
    assert result.exit_code == 2 and "Bob is not among the [[people]]" in result.output


def _notice(db_path: Path, tmp_path: Path, agenda_text: str, *args: str):
    agenda = tmp_path / "agenda.toml"
    agenda.write_text(agenda_text, encoding="utf-8")
    return cli(db_path, "notice", str(agenda), *args, now="2026-02-25T09:00:00+01:00")


def test_notice_in_chinese_has_the_template_fields(db_path: Path, tmp_path: Path) -> None:
    result = _notice(db_path, tmp_path, LAUNCH_ZH)
    assert result.exit_code == 0
    for field in (
        "会议通知",
        "会议主题",
        "会议时间",
        "会议地点",
        "参会部门及人员",
        "会议议题",
        "背景材料",
        "截止确认时间",
    ):
        assert field in result.output
    assert "2026年3月2日 星期一 14:00–16:00（北京时间）" in result.output
    assert "项目部：周敏（主持人）、赵芳（记录人）" in result.output
    assert "1. 研发进度汇报（李雷，20分钟）" in result.output
    assert "请于2026年2月26日 星期四 17:00（北京时间）前确认是否出席。" in result.output


def test_notice_in_english_to_a_file(db_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "notice.md"
    result = _notice(db_path, tmp_path, LAUNCH_EN, "-o", str(out))
    assert result.exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert "| Place | Room 3A (online: <https://meet.example.com/q3>) |" in text
    assert "1. R&D progress and risks — Li, 15 min" in text
    assert "Project office (Ana (host), Zhao (recorder))" in text


def test_invitation_is_a_real_icalendar_request(db_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "invite.ics"
    result = _notice(db_path, tmp_path, LAUNCH_EN, "--format", "ics", "-o", str(out))
    assert result.exit_code == 0
    calendar = Calendar.from_ical(out.read_bytes())
    assert calendar["METHOD"] == "REQUEST"
    (event,) = calendar.walk("VEVENT")
    assert str(event["ORGANIZER"]) == "mailto:ana@example.com"
    assert event["ORGANIZER"].params["CN"] == "Ana"
    attendees = {str(a): a.params for a in event["ATTENDEE"]}
    # Marta has no email: invited by the notice, not by the calendar.
    assert set(attendees) == {
        "mailto:ana@example.com",
        "mailto:zhao@example.com",
        "mailto:li@example.com",
        "mailto:wang@example.com",
    }
    assert attendees["mailto:ana@example.com"]["ROLE"] == "CHAIR"
    assert attendees["mailto:li@example.com"]["RSVP"] == "TRUE"
    assert event["DTSTART"].params["TZID"] == "Europe/Berlin"
    start = event.decoded("DTSTART")
    assert start.isoformat() == "2026-03-02T10:00:00+01:00"
    assert str(start.tzinfo) == "Europe/Berlin"
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]
    assert event["UID"].endswith("@facilitator.invalid") and "DTSTAMP" in event
    assert event.decoded("DTSTAMP").isoformat() == "2026-02-25T08:00:00+00:00"
    assert str(event["LOCATION"]) == "Room 3A"


def test_invitation_keeps_chinese_names_and_the_shanghai_zone(
    db_path: Path, tmp_path: Path
) -> None:
    agenda = LAUNCH_ZH.replace('role = "recorder"', 'role = "recorder"\nemail = "zf@example.com"')
    result = _notice(db_path, tmp_path, agenda, "--format", "ics")
    calendar = Calendar.from_ical(result.stdout_bytes)
    (event,) = calendar.walk("VEVENT")
    assert event["ORGANIZER"].params["CN"] == "周敏"
    assert event["DTSTART"].params["TZID"] == "Asia/Shanghai"
    assert str(event["SUMMARY"]) == "Q3新产品上线协调会"


def test_a_moved_meeting_updates_the_same_calendar_entry(db_path: Path, tmp_path: Path) -> None:
    agenda = tmp_path / "sync.toml"
    cli(db_path, "new", "sync", "-o", str(agenda), "--timezone", "Europe/Berlin", now=MONDAY)
    first = cli(db_path, "notice", str(agenda), "--format", "ics", now=MONDAY)
    # The host moves the meeting by an hour and renames it, then sends the correction.
    text = agenda.read_text(encoding="utf-8")
    agenda.write_text(
        text.replace("T10:00:00", "T11:00:00")
        .replace("T11:00:00+01:00\nrsvp", "T12:00:00+01:00\nrsvp")
        .replace('title = "Progress sync"', 'title = "Progress sync (moved)"'),
        encoding="utf-8",
    )
    second = cli(
        db_path, "notice", str(agenda), "--format", "ics", now=MONDAY.replace("09:", "11:")
    )
    (before,) = Calendar.from_ical(first.stdout_bytes).walk("VEVENT")
    (after,) = Calendar.from_ical(second.stdout_bytes).walk("VEVENT")
    assert after.decoded("DTSTART") != before.decoded("DTSTART")
    assert str(after["UID"]) == str(before["UID"])
    assert int(after["SEQUENCE"]) > int(before["SEQUENCE"]) > 0


def test_an_agenda_without_uid_falls_back_to_start_and_title(db_path: Path, tmp_path: Path) -> None:
    result = _notice(db_path, tmp_path, LAUNCH_EN, "--format", "ics")
    (event,) = Calendar.from_ical(result.stdout_bytes).walk("VEVENT")
    assert str(event["UID"]) == "20260302T0900Z-q3-launch-coordination@facilitator.invalid"
    with_uid = LAUNCH_EN.replace('language = "en"', 'language = "en"\nuid = "launch-q3"')
    (event,) = Calendar.from_ical(
        _notice(db_path, tmp_path, with_uid, "--format", "ics").stdout_bytes
    ).walk("VEVENT")
    assert str(event["UID"]) == "launch-q3@facilitator.invalid"


def test_invitation_without_a_host_email_is_refused(db_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "invite.ics"
    agenda = LAUNCH_EN.replace('email = "ana@example.com"\n', "")
    result = _notice(db_path, tmp_path, agenda, "--format", "ics", "-o", str(out))
    assert result.exit_code == 2 and "host's email" in result.output
    assert not out.exists()


def test_a_fixed_offset_meeting_is_invited_in_utc(db_path: Path, tmp_path: Path) -> None:
    agenda = (
        LAUNCH_EN.replace('timezone = "Europe/Berlin"\n', "")
        .replace("start = 2026-03-02T10:00:00", "start = 2026-03-02T10:00:00+01:00")
        .replace("end = 2026-03-02T11:00:00", "end = 2026-03-02T11:00:00+01:00")
        .replace("rsvp_by = 2026-02-26T17:00:00", "rsvp_by = 2026-02-26T17:00:00+01:00")
    )
    result = _notice(db_path, tmp_path, agenda, "--format", "ics")
    (event,) = Calendar.from_ical(result.stdout_bytes).walk("VEVENT")
    assert event.decoded("DTSTART").isoformat() == "2026-03-02T09:00:00+00:00"


def test_a_late_notice_is_still_written_with_a_warning(db_path: Path, tmp_path: Path) -> None:
    agenda = tmp_path / "agenda.toml"
    agenda.write_text(LAUNCH_EN, encoding="utf-8")
    result = cli(db_path, "notice", str(agenda), now="2026-03-01T09:00:00+01:00")
    assert result.exit_code == 0 and "# Meeting notice: Q3 launch coordination" in result.stdout
    assert "warning: the notice goes out late: 1 working day(s)" in result.stderr


def test_a_notice_without_place_says_to_be_announced_and_warns(
    db_path: Path, tmp_path: Path
) -> None:
    nowhere = LAUNCH_EN.replace('place = "Room 3A"\n', "").replace(
        'online = "https://meet.example.com/q3"\n', ""
    )
    result = _notice(db_path, tmp_path, nowhere)
    assert result.exit_code == 0 and "| Place | to be announced |" in result.stdout
    assert "meeting.place: warning: no place" in result.stderr
    chinese = LAUNCH_ZH.replace('place = "公司3楼会议室A"\n', "")
    result = cli(db_path, "--lang", "zh", "notice", str(_write(tmp_path, chinese)))
    assert "| 会议地点 | 待定 |" in result.stdout and "提醒：没有会议地点" in result.stderr


def test_a_notice_gives_every_warning_its_readers_would_trip_on(
    db_path: Path, tmp_path: Path
) -> None:
    agenda = LAUNCH_EN.replace("rsvp_by = 2026-02-26T17:00:00", "rsvp_by = 2026-03-03T17:00:00")
    result = _notice(db_path, tmp_path, agenda)
    assert result.exit_code == 0
    # Sent in time, but replies are asked for after the meeting: said, as check says it.
    assert result.stderr.splitlines() == [
        f"{tmp_path / 'agenda.toml'}:10: meeting.rsvp_by: warning: the RSVP deadline is after "
        "the start of the meeting"
    ]


def test_an_invitation_names_who_the_calendar_leaves_out(db_path: Path, tmp_path: Path) -> None:
    agenda = LAUNCH_EN.replace('email = "li@example.com"', 'email = "not-an-email"')
    result = _notice(db_path, tmp_path, agenda, "--format", "ics")
    assert result.exit_code == 0
    (event,) = Calendar.from_ical(result.stdout_bytes).walk("VEVENT")
    assert "mailto:not-an-email" not in {str(a) for a in event["ATTENDEE"]}
    assert "Li's email 'not-an-email' is not an address" in result.stderr
    assert "not invited by the calendar (no email address): Li, Marta" in result.stderr


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "agenda.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_bad_fake_now_is_one_clear_line(db_path: Path, tmp_path: Path) -> None:
    result = cli(db_path, "tasks", now="next tuesday")
    assert result.exit_code == 2 and result.output.count("\n") == 1
    assert "FACILITATOR_NOW is not a date and time" in result.output


def test_carry_over_of_a_chinese_meeting_stays_in_chinese(db_path: Path, tmp_path: Path) -> None:
    from tests.support import LAUNCH_ZH_LINES, hold_meeting

    hold_meeting(db_path, LAUNCH_ZH, LAUNCH_ZH_LINES)
    out = tmp_path / "next.toml"
    result = cli(
        db_path,
        "new",
        "sync",
        "--from",
        "Q3新产品",
        "-o",
        str(out),
        now="2026-03-16T09:00:00+08:00",
    )
    assert result.exit_code == 0
    agenda = load_agenda(out)
    assert agenda.language == "zh" and agenda.timezone == "Asia/Shanghai"
    # A title of its own, in the series of the meeting it follows up.
    assert agenda.title == "Q3新产品上线协调会 · 进度跟进 2026-03-19"
    assert agenda.series == "Q3新产品上线协调会"
    assert [t.title for t in agenda.topics][-3:] == [
        "上次遗留：预算审批（韩梅梅，2026年3月5日 星期四前）",
        "延期任务：提交测试资源申请表（李雷，原定2026年3月10日 星期二）",
        "下一步计划及责任人",
    ]
