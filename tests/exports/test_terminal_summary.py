"""The summary printed to the terminal when the room closes the meeting."""

from __future__ import annotations

import pendulum

from facilitator.app.live import LiveMeeting
from facilitator.export.summary import render_summary
from facilitator.planning.agenda_file import load_agenda
from tests.support import ROOM_AGENDA, ROOM_AGENDA_ZH, type_lines


def _closed(archive, clock, agenda_file, *lines: str):
    journal = archive.create_meeting(load_agenda(agenda_file), clock.now())
    meeting = LiveMeeting(journal, clock)
    type_lines(meeting, *lines)
    return meeting.close()


def test_summary_lists_each_dispute_with_every_sides_position(archive, clock) -> None:
    minutes = _closed(
        archive,
        clock,
        ROOM_AGENDA,
        "/present all",
        "/next",
        "x: R&D: test more | Marketing: keep the date",
        "d: go live on 20 Sept",
    )
    summary = render_summary(minutes)
    assert "Disputes (1)\n  - R&D: test more\n    Marketing: keep the date\nOpen items" in summary


def test_chinese_summary_lists_disputes_with_full_width_colons(archive, clock) -> None:
    clock.set(pendulum.datetime(2026, 3, 2, 10, 0, tz="Asia/Shanghai"))
    minutes = _closed(
        archive,
        clock,
        ROOM_AGENDA_ZH,
        "/到 全体",
        "/next",
        "争议: 研发部: 多测一轮 | 市场部: 保持日期",
    )
    summary = render_summary(minutes, "zh")
    assert "争议（1）\n  - 研发部：多测一轮\n    市场部：保持日期\n未决事项（0）" in summary


def test_summary_without_disputes_says_none(archive, clock) -> None:
    summary = render_summary(_closed(archive, clock, ROOM_AGENDA, "/present all", "/next"))
    assert "Disputes (0)\n  None\n" in summary
