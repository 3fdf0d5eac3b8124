"""Meetings held on a fake clock and closed in a real archive, for follow-up tests."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner, Result

from facilitator.app.live import LiveMeeting
from facilitator.cli.main import main
from facilitator.core.clock import FakeClock
from facilitator.planning.agenda_file import parse_agenda
from store.archive import Archive
from tests.conftest import type_lines

LAUNCH_EN = """\
[meeting]
title = "Q3 launch coordination"
goal = "Agree the Q3 launch timetable"
kind = "kickoff"
timezone = "Europe/Berlin"
start = 2026-03-02T10:00:00
end = 2026-03-02T11:00:00
place = "Room 3A"
online = "https://meet.example.com/q3"
rsvp_by = 2026-02-26T17:00:00
materials = ["Development plan", "Campaign draft"]
language = "en"

[[people]]
name = "Ana"
department = "Project office"
role = "host"
email = "ana@example.com"

[[people]]
name = "Zhao"
department = "Project office"
role = "recorder"
email = "zhao@example.com"

[[people]]
name = "Li"
department = "R&D"
email = "li@example.com"

[[people]]
name = "Marta"
department = "Marketing"

[[people]]
name = "Wang"
department = "Sales"
email = "wang@example.com"

[[topics]]
title = "R&D progress and risks"
owner = "Li"
minutes = 15

[[topics]]
title = "Launch campaign"
owner = "Marta"
minutes = 15

[[topics]]
title = "Sales training"
owner = "Wang"
minutes = 10
"""

LAUNCH_EN_LINES = (
    "/absent @Wang @Marta",
    "/next",
    "Front end 80% done, back end in integration",
    "x: R&D: longer tests | Marketing: keep the date",
    "d: ship on 20 Sept",
    "a: @Li submit the test resource form by 3/10",
    "/next",
    "u: @Marta budget approval in 3 workdays",
    "a: @Marta campaign draft by 3/20",
)

LAUNCH_ZH = """\
[meeting]
title = "Q3新产品上线协调会"
goal = "确定Q3产品上线时间表"
kind = "kickoff"
timezone = "Asia/Shanghai"
start = 2026-03-02T14:00:00
end = 2026-03-02T16:00:00
place = "公司3楼会议室A"
rsvp_by = 2026-02-26T17:00:00
materials = ["产品开发计划表", "市场推广初稿"]
language = "zh"

[[people]]
name = "周敏"
department = "项目部"
role = "host"
email = "zhoumin@example.com"

[[people]]
name = "赵芳"
department = "项目部"
role = "recorder"

[[people]]
name = "李雷"
department = "研发部"

[[people]]
name = "韩梅梅"
department = "市场部"

[[topics]]
title = "研发进度汇报"
owner = "李雷"
minutes = 20

[[topics]]
title = "推广方案确认"
owner = "韩梅梅"
minutes = 20
"""

LAUNCH_ZH_LINES = (
    "/next",
    "前端开发完成80%，后端接口联调中",
    "争议: 研发部: 需延长测试周期 | 市场部: 担心影响推广节奏",
    "决定: 推广时间调整为9月20日",
    "任务: @李雷 提交测试资源申请表 3月10日",
    "/next",
    "待定: @韩梅梅 预算审批 3个工作日内",
)


def hold_meeting(
    db_path: Path, agenda_text: str, lines: tuple[str, ...], minutes_per_line: float = 2
) -> tuple[int, FakeClock]:
    """Run a meeting from its agenda on a fake clock and close it; (meeting id, clock)."""
    agenda = parse_agenda(agenda_text)
    clock = FakeClock(agenda.start)
    with Archive.open(db_path) as archive:
        meeting = LiveMeeting(archive.create_meeting(agenda, clock.now()), clock)
        for line in lines:
            type_lines(meeting, line)
            clock.advance(minutes=minutes_per_line)
        meeting.close()
        return meeting.meeting_id, clock


def cli(db_path: Path, *args: str, now: str | None = None, lang: str | None = None) -> Result:
    """The facilitator command on ``db_path``, at ``now`` (FACILITATOR_NOW)."""
    # A wide terminal, so tables do not wrap long titles.
    env = {"COLUMNS": "160", **({"FACILITATOR_NOW": now} if now else {})}
    prefix = ["--db", str(db_path)] + (["--lang", lang] if lang else [])
    return CliRunner().invoke(main, [*prefix, *args], env=env, catch_exceptions=False)
