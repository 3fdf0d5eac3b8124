"""The command palette and the help screen, in the room's language."""

from __future__ import annotations

import pytest
from textual.command import CommandList

from facilitator.clock import FakeClock
from facilitator.i18n import set_language
from store.archive import Archive
from tests.pilot import type_text
from tests.room_app import ROOM_AGENDA_ZH, room_app


async def palette_offers(app, pilot, typed: str = "") -> list[str]:
    await pilot.press("ctrl+p")
    await pilot.pause()
    await type_text(pilot, typed)
    await pilot.pause(0.3)
    found = app.screen.query_one(CommandList)
    return [str(found.get_option_at_index(i).prompt) for i in range(found.option_count)]


@pytest.mark.parametrize("typed", ["", "e", "s", "t", "q", "m"])
async def test_chinese_palette_offers_no_english_built_in_commands(
    archive: Archive, clock: FakeClock, typed: str
):
    set_language("zh")
    app = room_app(archive, clock, agenda_file=ROOM_AGENDA_ZH)
    async with app.run_test(size=(100, 30)) as pilot:
        offered = " ".join(await palette_offers(app, pilot, typed))
        for builtin in ("Keys", "Maximize", "Quit", "Screenshot", "Theme", "Change"):
            assert builtin not in offered


async def test_palette_offers_leaving_the_room_in_the_room_language(archive, clock):
    set_language("zh")
    app = room_app(archive, clock, agenda_file=ROOM_AGENDA_ZH)
    async with app.run_test(size=(100, 30)) as pilot:
        offered = await palette_offers(app, pilot, "离开")
        assert any("离开会场" in option for option in offered)
        await pilot.press("enter")
        await pilot.pause()
    assert app.return_value is None  # left; the meeting stays open
    assert next(archive.db["meetings"].rows)["status"] == "planned"
