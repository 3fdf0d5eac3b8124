"""Names, topics and notes that look like markup show literally, everywhere.

Every test here is parametrized over ``tests.support.HOSTILE_TEXTS``; an
export added later gets the same treatment by adding one test below.
"""

from __future__ import annotations

import pytest
from rich.segment import Segment

from facilitator.export.markdown import render_minutes
from facilitator.export.summary import render_summary
from screens.app import FacilitatorApp
from screens.closing import ClosingScreen
from tests.support import (
    HOSTILE_TEXTS,
    hostile_agenda,
    hostile_meeting,
    hostile_minutes,
    rendered_markdown_lines,
    visible,
)

hostile = pytest.mark.parametrize("text", HOSTILE_TEXTS)


# -- the agenda file and the input line ------------------------------------------


@hostile
def test_agenda_file_keeps_the_text_and_drops_only_control_characters(text: str) -> None:
    agenda = hostile_agenda(text)
    assert agenda.title == agenda.topics[0].title == agenda.people[-1].name == visible(text)


@hostile
def test_typed_line_keeps_what_was_typed_and_its_text_is_clean(archive, clock, text) -> None:
    meeting = hostile_meeting(archive, clock, text)
    point, decision, _task = (c.entry for c in meeting.state.entries)
    assert point.raw == text and point.text == visible(text)
    assert decision.raw == "d: " + text and decision.text == visible(text)


# -- the room ----------------------------------------------------------------------


def _screen_segments(app: FacilitatorApp) -> list[list[Segment]]:
    return [list(strip) for strip in app.screen._compositor.render_strips()]


def _assert_plain(segments: list[list[Segment]]) -> str:
    """No escape sequence reaches the terminal and nothing became a link or action."""
    for line in segments:
        for segment in line:
            assert "\x1b" not in segment.text, segment
            style = segment.style
            if style is not None:
                assert not style.link, segment
                assert "@click" not in style.meta, segment
    return "\n".join("".join(s.text for s in line) for line in segments)


@hostile
async def test_room_shows_hostile_names_topics_and_notes_literally(archive, clock, text):
    meeting = hostile_meeting(archive, clock, text)
    app = FacilitatorApp(meeting)
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        screen = _assert_plain(_screen_segments(app))
        strips = list(app.screen._compositor.render_strips())
        for widget_id in ("#bar-title", "#agenda", "#topic-title", "#speakers", "#entries"):
            # The widget's own cells; titles wrap (the agenda puts minutes beside
            # them), so each of the first words must stand there as typed.
            region = app.screen.query_one(widget_id).content_region
            shown = "".join(
                strips[y].crop(region.x, region.right).text for y in range(region.y, region.bottom)
            )
            for word in visible(text).split()[:2]:
                assert word[:10] in shown, (widget_id, word)
        assert screen.count(visible(text)) >= 6


@hostile
async def test_closing_summary_shows_hostile_decisions_and_owners_literally(
    archive, clock, text
) -> None:
    app = FacilitatorApp(hostile_meeting(archive, clock, text))
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.press("f10")
        await pilot.pause()
        assert isinstance(app.screen, ClosingScreen)
        shown = _assert_plain(_screen_segments(app))
        first_word = visible(text).split()[0][:10]
        assert shown.count(first_word) >= 2  # the decision and the task's owner


# -- exports -----------------------------------------------------------------------


@hostile
def test_markdown_minutes_show_hostile_text_literally(archive, clock, text) -> None:
    minutes = hostile_minutes(archive, clock, text)
    document = render_minutes(minutes)
    assert "\x1b" not in document
    shown = rendered_markdown_lines(document)
    expected = visible(text)
    # the title, topic, points, decisions, the owner's name and their department
    assert any(line == f"Minutes: {expected}" for line in shown), shown[:3]
    assert shown.count(expected) >= 4, shown
    assert any(line == f"1. {expected}" for line in shown) or expected in shown


@hostile
def test_closing_summary_text_has_no_escape_sequences(archive, clock, text) -> None:
    summary = render_summary(hostile_minutes(archive, clock, text))
    assert "\x1b" not in summary
    assert summary.count(visible(text)) >= 3  # title, decision, task owner
