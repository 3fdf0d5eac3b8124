"""The footer: whole keys only, the most useful first, help and the palette always."""

from __future__ import annotations

import pytest
from textual.widgets._footer import FooterKey

from facilitator.core.clock import FakeClock
from facilitator.core.i18n import set_language
from screens.widgets.footer import Key, KeyFooter, fit_keys
from store.archive import Archive
from tests.support import enter_line, room_app


def test_keys_that_do_not_fit_are_left_out_whole_least_important_first():
    keys = [Key("help", "F1", "Help"), Key("next", "F2", "Next topic"), Key("skip", "F5", "Skip")]
    keys.append(Key("done", "F6", "Speaker done"))
    # 8 + 14 + 8 + 16 cells: all four need 46
    assert fit_keys(keys, 46) == [keys]
    # 40 cells: help always, then by priority; the order on screen stays F1 F2 F6
    assert fit_keys(keys, 40, priority=("next", "done")) == [[keys[0], keys[1], keys[3]]]
    # a shorter, less important key still takes the room left
    assert fit_keys(keys, 31, priority=("next", "done")) == [[keys[0], keys[1], keys[2]]]
    # a second row takes what the first cannot
    assert fit_keys(keys, 24, rows=2) == [[keys[0], keys[1]], [keys[2], keys[3]]]


def footer_keys(app) -> list[FooterKey]:
    return list(app.screen.query_one(KeyFooter).query(FooterKey))


def assert_whole_and_apart(app, width: int) -> None:
    """Every key drawn whole inside the screen, none under another (the palette's)."""
    keys = footer_keys(app)
    for key in keys:
        assert key.region.right <= width, key.description
        assert key.region.width >= len(key.key_display) + 1 + len(key.description)
        others = [o for o in keys if o is not key]
        assert not any(key.region.overlaps(o.region) for o in others), key.description


@pytest.mark.parametrize("language", ["en", "zh"])
async def test_footer_at_80_columns_shows_whole_labels_with_help_and_palette(
    archive: Archive, clock: FakeClock, language: str
):
    set_language(language)
    app = room_app(archive, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        shown = [k.key_display for k in footer_keys(app)]
        assert shown[0] == "F1" and shown[-1] == "^P"
        assert "F8" in shown  # the roll call: everyone else present
        # No topic yet: nothing to pause, extend, skip, end or go back to.
        assert not {"F3", "F4", "F5", "F6", "⇧F2"} & set(shown)
        await pilot.press("f4")  # left out of the footer, still a key that says why
        await pilot.pause()
        await pilot.pause()
        message = str(app.screen.query_one("#message").render())
        assert ("no topic is running" if language == "en" else "议题") in message
        assert_whole_and_apart(app, 80)
        await enter_line(pilot, "/present all")
        await pilot.press("f2")
        await pilot.pause()
        await pilot.pause()
        shown = [k.key_display for k in footer_keys(app)]
        assert shown[:5] == ["F1", "F2", "F3", "F4", "F6"]  # a topic runs: clock and speakers
        assert "F10" in shown  # and how to end the meeting, in Chinese too
        assert "F3" in shown
        assert shown[-1] == "^P"
        assert_whole_and_apart(app, 80)


async def test_a_projector_screen_shows_every_key_on_two_rows(archive, clock):
    app = room_app(archive, clock)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        shown = {k.key_display for k in footer_keys(app)}
        assert {"F1", "F10", "^G", "⇧F10", "^T", "^Q", "^P"} <= shown
        assert "⇧F4" not in shown  # extend by: no topic to extend yet
        assert app.screen.query_one(KeyFooter).region.height == 2
        assert_whole_and_apart(app, 160)


async def test_the_entry_list_keys_come_first_when_it_has_the_cursor(archive, clock):
    app = room_app(archive, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await enter_line(pilot, "d: go live on 20 Sept")
        await pilot.press("f7")
        await pilot.pause()
        await pilot.pause()
        shown = [(k.key_display, k.description) for k in footer_keys(app)]
        assert shown[:4] == [
            ("e", "Edit"),
            ("Del", "Retract"),
            ("Esc", "Back to line"),
            ("F1", "Help"),
        ]
        assert_whole_and_apart(app, 80)


@pytest.mark.parametrize(
    ("language", "pause", "resume"), [("en", "Pause", "Resume"), ("zh", "暂停", "继续")]
)
async def test_f3_says_resume_while_the_host_has_paused_the_topic(
    archive: Archive, clock: FakeClock, language: str, pause: str, resume: str
):
    set_language(language)
    app = room_app(archive, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await enter_line(pilot, "/present all")
        await pilot.press("f2")
        await pilot.pause()

        def f3() -> str:
            return next(k.description for k in footer_keys(app) if k.key_display == "F3")

        assert f3() == pause
        await pilot.press("f3")
        await pilot.pause()
        await pilot.pause()
        assert app.screen.meeting.state.paused and f3() == resume
        await pilot.press("f3")
        await pilot.pause()
        await pilot.pause()
        assert not app.screen.meeting.state.paused and f3() == pause


async def test_the_closing_summary_shows_its_own_keys_not_the_rooms_beneath(archive, clock):
    app = room_app(archive, clock)
    async with app.run_test(size=(120, 40)) as pilot:  # tall: the room's footer takes two rows
        await enter_line(pilot, "/present all")
        await pilot.press("f2")
        await pilot.press("f10")
        await pilot.pause()
        room = app.screen_stack[-2]
        assert not room.query_one(KeyFooter).display
        assert [k.key_display for k in footer_keys(app)] == ["Esc", "F10"]
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is room and room.query_one(KeyFooter).display
        assert "F2" in [k.key_display for k in footer_keys(app)]


async def test_the_palette_leaves_the_rooms_footer_where_it_is(archive, clock):
    app = room_app(archive, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        room = app.screen
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert app.screen is not room and room.query_one(KeyFooter).display
