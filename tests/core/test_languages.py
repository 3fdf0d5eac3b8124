"""Dates, durations and text in Chinese and English."""

from __future__ import annotations

import pendulum

from facilitator.app.live import LiveMeeting
from facilitator.core.clock import FakeClock
from facilitator.core.pinyin import sorted_names
from facilitator.export.markdown import render_minutes
from facilitator.planning.demo import demo_agenda
from facilitator.render.times import duration, format_datetime, format_span
from tests.support import type_lines

MONDAY_TEN = pendulum.datetime(2026, 3, 2, 10, 0, tz="Asia/Shanghai")


def test_dates_read_naturally_in_both_languages() -> None:
    assert format_datetime(MONDAY_TEN, "zh") == "2026年3月2日 星期一 10:00"
    assert format_datetime(MONDAY_TEN, "en") == "Mon 2 Mar 2026, 10:00"


def test_meeting_time_shows_its_time_zone() -> None:
    span = format_span(MONDAY_TEN, MONDAY_TEN.add(hours=2), "zh")
    assert span == "2026年3月2日 星期一 10:00–12:00（北京时间）"
    english = format_span(MONDAY_TEN, MONDAY_TEN.add(hours=2), "en")
    assert english == "Mon 2 Mar 2026, 10:00–12:00 (Asia/Shanghai)"


def test_durations_in_both_languages() -> None:
    assert duration(245, "zh") == "4分05秒"
    assert duration(245, "en") == "4 min 05 s"


def test_chinese_names_sort_by_pinyin_and_stay_stable() -> None:
    assert sorted_names(["王强", "Ana", "李雷", "韩梅梅", "Li"]) == [
        "Ana",
        "韩梅梅",
        "Li",
        "李雷",
        "王强",
    ]


def test_chinese_meeting_minutes_follow_the_chinese_layout(archive) -> None:
    clock = FakeClock(MONDAY_TEN)
    journal = archive.create_meeting(demo_agenda(clock.now(), "zh"), clock.now())
    meeting = LiveMeeting(journal, clock)
    type_lines(
        meeting,
        "/下一个",
        "决定：推广时间调整为9月20日",
        "任务：@李雷 9月10日前完成培训版本交付",
        "/absent @王强 @赵芳",
    )
    clock.advance(minutes=12)
    text = render_minutes(meeting.close())
    for heading in (
        "# 会议纪要：Q3新产品上线协调会",
        "## 基本信息",
        "## 各议题讨论要点",
        "## 决策事项",
        "## 未决事项",
        "## 待办任务",
    ):
        assert heading in text
    assert "| 任务名称 | 责任人 | 截止日期 | 状态 |" in text
    assert "王强（由赵芳会后传达）" in text
    # Rendered straight from the room, before the archive numbers the task: no id yet.
    assert "|   | 完成培训版本交付 | 李雷 | 2026年9月10日 星期四 | 未开始 |" in text


def test_english_interface_with_chinese_names(meeting) -> None:
    type_lines(meeting, "/next", "a: @Li 提交测试资源申请表 by 3/20")
    (captured,) = meeting.state.entries
    assert captured.entry.text == "提交测试资源申请表" and captured.entry.owner == "Li"


def test_demo_meeting_starts_now_with_its_rsvp_before_it() -> None:
    now = pendulum.datetime(2026, 11, 25, 6, 36, 30, tz="UTC")
    for language in ("en", "zh"):
        agenda = demo_agenda(now, language)
        assert agenda.start == now.start_of("minute")
        assert (agenda.end - agenda.start).total_minutes() == 50
        assert (agenda.start - agenda.rsvp_by).total_hours() == 3 * 24 + 17
        assert agenda.language == language and len(agenda.topics) == 3
