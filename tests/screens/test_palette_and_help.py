"""The command palette and the help screen, in the room's language."""

from __future__ import annotations

import pytest
from textual.command import CommandList

from facilitator.core.clock import FakeClock
from facilitator.core.i18n import set_language
from store.archive import Archive
from tests.support import ROOM_AGENDA_ZH, room_app, type_text


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


async def test_chinese_palette_types_its_commands_in_chinese(archive, clock):
    set_language("zh")
    app = room_app(archive, clock, agenda_file=ROOM_AGENDA_ZH)
    async with app.run_test(size=(100, 30)) as pilot:
        offered = " ".join(await palette_offers(app, pilot, ""))
        for line in ("/议题 2", "/发言 @李雷", "/出席 @李雷", "/提醒 响铃", "/暂停  /继续"):
            assert line in offered, line
        for english in ("/goto", "/speak", "/present", "/alerts", "/pause"):
            assert english not in offered, english


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


def help_rows(app, selector: str) -> list[str]:
    """The rows of one help table, as the 80-column screen draws them."""
    from textual.geometry import Region

    widget = app.screen.query_one(selector)
    width, height = widget.region.size
    return [strip.text for strip in widget.render_lines(Region(0, 0, width, height))]


@pytest.mark.parametrize("language", ["en", "zh"])
async def test_help_at_80_columns_wraps_each_description_inside_its_column(
    archive, clock, language
):
    from screens.help import HelpScreen

    set_language(language)
    app = room_app(archive, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        for table in ("#help-keys", "#help-list-keys", "#help-closing-keys", "#help-syntax"):
            rows = help_rows(app, table)
            keys = [row for row in rows if row[:1] != " "]
            # a key column as wide as its widest key; a wrapped description
            # continues under the description, never under the key
            continued = [row for row in rows if row.startswith(" ") and row.strip()]
            assert all(len(row) - len(row.lstrip()) >= 6 for row in continued), (table, rows)
            assert keys and all("…" not in row[-2:] for row in rows), rows
        text = "\n".join(help_rows(app, "#help-keys"))
        palette = "Command palette: every action by name" if language == "en" else "命令面板"
        assert palette in text


async def test_chinese_help_names_people_as_the_syntax_does(archive, clock):
    set_language("zh")
    app = room_app(archive, clock)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        keys = "\n".join(help_rows(app, "#help-keys"))
        assert "/缺席 @甲 @传达人" in keys and "/发言 @甲" in keys
        assert "@name" not in keys and "@briefer" not in keys
        # Commands by the names the room's hints and its / list use.
        assert "/暂停  /继续" in keys and "/出席 全部" in keys and "/pause" not in keys


async def test_help_lists_the_entry_list_and_closing_summary_keys(archive, clock):
    app = room_app(archive, clock)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        entries = "\n".join(help_rows(app, "#help-list-keys"))
        assert "e / Enter" in entries and "Delete" in entries and "Escape" in entries
        closing = "\n".join(help_rows(app, "#help-closing-keys"))
        assert "Shift+Tab" in closing and "F10" in closing


@pytest.mark.parametrize("typed", ["", "wip"])
async def test_a_topic_title_that_looks_like_markup_shows_literally_in_the_palette(
    archive: Archive, clock: FakeClock, tmp_path, typed: str
):
    from facilitator.app.live import LiveMeeting
    from facilitator.planning.agenda_file import load_agenda
    from screens.app import FacilitatorApp
    from tests.support import ROOM_AGENDA

    # The first topic, renamed: its table's first line is its title.
    meeting, first, *rest = ROOM_AGENDA.read_text(encoding="utf-8").split("[[topics]]")
    title = first.split("\n")[1]
    assert title.startswith("title =")
    first = first.replace(title, 'title = "[WIP] [@click=app.quit]Budget review[/]"', 1)
    agenda_file = tmp_path / "room.toml"
    agenda_file.write_text("[[topics]]".join([meeting, first, *rest]), encoding="utf-8")
    journal = archive.create_meeting(load_agenda(agenda_file), clock.now())
    app = FacilitatorApp(LiveMeeting(journal, clock))
    async with app.run_test(size=(100, 30)) as pilot:
        offered = await palette_offers(app, pilot, typed)
        assert any("[WIP] [@click=app.quit]Budget review[/]" in item for item in offered)
        assert app.is_running  # nothing was clicked into quitting
