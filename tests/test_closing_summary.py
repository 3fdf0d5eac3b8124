"""The closing summary: the room reads it back, fixes owners and dates, confirms."""

from __future__ import annotations

import pytest

from facilitator.clock import FakeClock
from facilitator.i18n import set_language
from screens.closing import ClosingScreen
from store.archive import Archive
from tests.pilot import enter_line
from tests.room_app import room_app


def footer_labels(app) -> list[str]:
    """The labels the footer shows for the focused widget's keys."""
    from textual.widgets._footer import FooterKey

    return [key.description for key in app.screen.query(FooterKey)]


async def open_summary(app, pilot, *lines: str) -> ClosingScreen:
    await pilot.press("f2")
    for line in lines:
        await enter_line(pilot, line)
    await pilot.press("f10")
    await pilot.pause()
    assert isinstance(app.screen, ClosingScreen)
    return app.screen


@pytest.mark.parametrize(("language", "fix"), [("en", "Fix"), ("zh", "更正")])
async def test_summary_footer_names_the_fix_key_in_the_room_language(
    archive: Archive, clock: FakeClock, language: str, fix: str
):
    set_language(language)
    app = room_app(archive, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_summary(app, pilot, "a: @Li training build by 9/10")
        await pilot.press("shift+tab")
        await pilot.pause()
        labels = footer_labels(app)
        assert fix in labels
        assert not [label for label in labels if label.startswith("keys.")]
