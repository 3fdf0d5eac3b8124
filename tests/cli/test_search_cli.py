"""The archive from the command line: search across meetings, and the list of meetings."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitator.planning.agenda_file import parse_agenda
from store.archive import Archive
from tests.support import (
    LAUNCH_EN,
    LAUNCH_EN_LINES,
    LAUNCH_ZH,
    LAUNCH_ZH_LINES,
    TWENTY_MEETINGS,
    cli,
    hold_meeting,
    twenty_meetings,
)


@pytest.fixture
def two_meetings(db_path: Path) -> Path:
    hold_meeting(db_path, LAUNCH_EN, LAUNCH_EN_LINES)
    hold_meeting(db_path, LAUNCH_ZH, LAUNCH_ZH_LINES)
    return db_path


def test_search_finds_a_chinese_word_across_twenty_meetings(db_path: Path) -> None:
    twenty_meetings(db_path)
    result = cli(db_path, "search", "预算", lang="zh")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[-1] == f"共找到{TWENTY_MEETINGS}条。"
    # Each meeting once, newest first, with its day; each entry with its topic and kind.
    headings = [line for line in lines if line and not line.startswith(" ") and "（会议" in line]
    assert len(headings) == TWENTY_MEETINGS
    assert headings[0] == "2026年4月20日 星期一  Q3 launch coordination（会议20）"
    assert "  议题二：Launch campaign · 决策：the 预算 stays frozen until May" in lines
    assert "  议题二：推广方案确认 · 未决：预算审批（韩梅梅）" in lines


def test_a_match_is_marked_on_a_terminal_and_plain_when_piped(two_meetings: Path) -> None:
    plain = cli(two_meetings, "search", "budget").output
    assert "  2. Launch campaign · Open item: budget approval (Marta)" in plain
    assert "\x1b" not in plain
    coloured = cli(two_meetings, "search", "budget", env={"FORCE_COLOR": "1"}).output
    assert "Open item: \x1b[7mbudget\x1b[27m approval (Marta)" in coloured
    off = cli(two_meetings, "search", "budget", env={"FORCE_COLOR": "1", "NO_COLOR": "1"}).output
    assert "\x1b" not in off


def test_search_narrows_by_meeting_and_kind_and_says_when_nothing_is_found(
    two_meetings: Path,
) -> None:
    tasks = cli(two_meetings, "search", "R&D", "--kind", "task", "--meeting", "Q3 launch").output
    assert "Task: submit the test resource form (Li, R&D)" in tasks and "Dispute" not in tasks
    both = cli(two_meetings, "search", "研发部", "--kind", "争议", "--kind", "任务").output
    assert "2 found." in both
    # In Chinese, lists are written as Chinese writes them: sides by ；, people by 、.
    chinese = cli(two_meetings, "search", "研发部", "--kind", "争议", lang="zh").output
    assert "争议：研发部：需延长测试周期；市场部：担心影响推广节奏（研发部、市场部）" in chinese
    assert cli(two_meetings, "search", "nowhere to be found").output == (
        "Nothing said matches 'nowhere to be found'. "
        "Meeting titles: facilitator meetings 'nowhere to be found'\n"
    )


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("search",), "say what to look for"),
        (("search", "预算", "--kind", "minutes"), "'minutes' is not a kind of entry"),
        (("search", "预算", "--meeting", "budget review"), "no meeting matches"),
        (("meetings", "--status", "finished"), "'finished' is not a meeting status"),
        (("meetings", "--since", "March"), "'March' is not a day"),
    ],
)
def test_bad_input_is_one_clear_line(two_meetings: Path, args: tuple[str, ...], says: str) -> None:
    result = cli(two_meetings, *args)
    assert result.exit_code == 2 and says in result.output and result.output.count("\n") == 1


def test_meetings_lists_every_meeting_by_its_start_and_filters(db_path: Path) -> None:
    hold_meeting(db_path, LAUNCH_EN, LAUNCH_EN_LINES)
    hold_meeting(db_path, LAUNCH_ZH, LAUNCH_ZH_LINES)
    later = parse_agenda(LAUNCH_EN.replace("2026-03-02", "2026-03-09").replace("launch", "review"))
    with Archive.open(db_path) as archive:
        archive.create_meeting(later, later.start.subtract(days=3))  # planned, never opened
    output = cli(db_path, "meetings").output.splitlines()
    assert output[0].split() == ["#", "Start", "Status", "Decisions", "Tasks", "open", "Meeting"]
    # Shanghai's 14:00 (06:00 UTC) came before Berlin's 10:00 (09:00 UTC).
    assert output[2].split()[0] == "2" and "Mon 2 Mar 2026, 14:00" in output[2]
    assert output[3].split()[0] == "1" and "Q3 launch coordination" in output[3]
    assert "planned" in output[4] and "Q3 review coordination" in output[4]
    assert len(cli(db_path, "meetings", "--status", "closed").output.splitlines()) == 4
    assert len(cli(db_path, "meetings", "launch").output.splitlines()) == 3
    since = cli(db_path, "meetings", "--since", "2026-03-03").output.splitlines()
    assert len(since) == 3 and "Q3 review" in since[2]
    assert cli(db_path, "meetings", "--until", "2026-03-01").output == "No meetings match.\n"
    zh = cli(db_path, "meetings", "--status", "已计划", lang="zh").output
    assert "已计划" in zh and "Q3 review" in zh


def test_the_topic_owners_report_is_found_by_kind_and_in_either_language(db_path: Path) -> None:
    hold_meeting(db_path, LAUNCH_EN, ("/next", "progress: front end 80% done", "风险：供应商延期"))
    found = cli(db_path, "search", "front end").output
    assert "Progress: front end 80% done" in found
    risks = cli(db_path, "search", "供应商", "--kind", "risk").output
    assert "供应商延期" in risks and "1 found." in risks
