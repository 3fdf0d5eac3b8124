"""An owner who is not in the room (a typo, or another team) is marked at the close."""

from __future__ import annotations

from facilitator.app.live import LiveMeeting
from facilitator.core.i18n import set_language
from facilitator.export.summary import render_summary
from facilitator.planning.agenda_file import load_agenda
from facilitator.render.summary import closing_summary
from tests.support import ROOM_AGENDA, type_lines


def owners(archive, clock, *lines: str) -> dict[str, tuple[str, bool]]:
    meeting = LiveMeeting(archive.create_meeting(load_agenda(ROOM_AGENDA), clock.now()), clock)
    type_lines(meeting, "/present all", "/next", *lines)
    sections = closing_summary(meeting.minutes())
    return {
        item.text: (item.owned.owner, item.owned.outside)
        for section in sections
        for item in section.items
        if item.owned is not None
    }


def test_outside_owners_are_marked_people_and_departments_are_not(archive, clock):
    found = owners(
        archive,
        clock,
        "u: @Legal export rules in 3 workdays",
        "a: @Nobody print flyers by 3/10",
        "a: @Li training build by 3/10",
        "a: @R&D test plan by 3/10",
        "a: order coffee",
    )
    assert found == {
        "export rules": ("Legal (not in the room)", True),
        "print flyers": ("Nobody (not in the room)", True),
        "training build": ("Li", False),
        "test plan": ("R&D", False),
        "order coffee": ("no owner", False),
    }


def test_the_terminal_summary_marks_them_too_in_chinese(archive, clock):
    set_language("zh")
    meeting = LiveMeeting(archive.create_meeting(load_agenda(ROOM_AGENDA), clock.now()), clock)
    type_lines(meeting, "/present all", "/next", "待定: @法务 出具合规意见 3个工作日内")
    assert "法务（非参会人）" in render_summary(meeting.close())
