"""The recorder corrects an entry from the list (F7, then e): the line comes back to finish."""

from __future__ import annotations

from facilitator.core.clock import FakeClock
from store.archive import Archive
from tests.support import enter_line, room_app, type_text


def shown(app, selector: str) -> str:
    from io import StringIO

    from rich.console import Console

    out = StringIO()
    Console(width=200, file=out, color_system=None).print(app.screen.query_one(selector).render())
    return out.getvalue()


async def test_a_decision_put_back_in_the_line_is_not_wiped_by_the_first_key(
    archive: Archive, clock: FakeClock
):
    app = room_app(archive, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await enter_line(pilot, "d: go live on 20 Sept")
        await pilot.press("f7", "e")
        await pilot.pause()
        line = app.screen.query_one("#line")
        assert line.has_focus and line.selection.is_empty
        assert line.cursor_position == len("d: go live on 20 Sept")
        await enter_line(pilot, " if QA agrees")
        entry = app.meeting.state.entries[0].entry
        assert (entry.kind, entry.text) == ("decision", "go live on 20 Sept if QA agrees")


async def test_the_preview_says_when_a_correction_changes_the_kind(archive, clock):
    app = room_app(archive, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await enter_line(pilot, "d: go live on 20 Sept")
        await pilot.press("f7", "e", "home", "delete", "delete", "delete")
        await pilot.pause()
        assert app.screen.query_one("#line").value == "go live on 20 Sept"
        preview = shown(app, "#preview")
        assert "Correcting entry 1" in preview and "becomes Point (was Decision)" in preview
        await type_text(pilot, "d: ")
        await pilot.pause()
        assert "becomes" not in shown(app, "#preview")
