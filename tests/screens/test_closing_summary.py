"""The closing summary: the room reads it back, fixes owners and dates, confirms."""

from __future__ import annotations

import pytest

from facilitator.core.clock import FakeClock
from facilitator.core.i18n import set_language
from screens.closing import ClosingScreen
from store.archive import Archive
from tests.support import room_app, submit_lines


def footer_labels(app) -> list[str]:
    """The labels the footer shows for the focused widget's keys."""
    from textual.widgets._footer import FooterKey

    return [key.description for key in app.screen.query(FooterKey)]


async def open_summary(app, pilot, *lines: str) -> ClosingScreen:
    """Start the first topic, record ``lines`` (through the room's submit: the
    summary is tested here, not the typing) and open the summary with F10."""
    await pilot.press("f2")
    await submit_lines(pilot, *lines)
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


def shown(widget) -> str:
    from io import StringIO

    from rich.console import Console

    out = StringIO()
    Console(width=200, file=out, color_system=None).print(widget.render())
    return out.getvalue()


async def test_a_fix_that_would_turn_a_task_into_a_point_is_refused(archive, clock):
    app = room_app(archive, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        closing = await open_summary(
            app,
            pilot,
            "d: go live on 20 Sept",
            "u: @Legal export rules in 3 workdays",
            "a: @Li training build by 9/10",
            "a: @Marta flyers by 9/12",
            "a: @Ana venue by 9/14",
            "a: @Li send training list by 9/1",
        )
        summary = closing.query_one("#closing-summary")
        await pilot.press("shift+tab")
        seq = app.meeting.state.entries[-1].seq
        summary.highlighted = summary.get_option_index(str(seq))
        await pilot.press("enter")
        await pilot.pause()
        fix = closing.query_one("#closing-fix")
        # Nothing selected: typing goes after the line, it does not replace it.
        assert fix.selection.is_empty and fix.cursor_position == len(fix.value)
        fix.value = "@Wang send training list by 9/30"  # the "a:" deleted by mistake
        await pilot.pause()
        preview = shown(closing.query_one("#closing-preview"))
        assert "becomes Point (was Task)" in preview
        await pilot.press("enter")
        await pilot.pause()
        # Refused: the editor stays open with the line and the reason; nothing changed.
        assert fix.display and fix.has_focus
        assert fix.value == "@Wang send training list by 9/30"
        assert "not saved: the line reads as Point, not Task" in shown(
            closing.query_one("#closing-hint")
        )
        # A date that is none would leave the task without any: refused too.
        fix.value = "a: @Wang send training list by 2/30"
        await pilot.press("enter")
        await pilot.pause()
        assert fix.display
        assert "not saved: '2/30' is not a date" in shown(closing.query_one("#closing-hint"))
        assert "Tasks (4)" in str(summary.get_option_at_index(_heading(summary, "Tasks")).prompt)
        assert app.meeting.state.entry(seq).entry.owner == "Li"
        # The item being fixed stays in sight above the editor at 80x24.
        assert _in_sight(summary, str(seq))
        fix.value = "a: @Wang send training list by 9/30"
        await pilot.press("enter")
        await pilot.pause()
        assert not fix.display
        assert app.meeting.state.entry(seq).entry.owner == "Wang"
        assert "Wang" in str(summary.get_option(str(seq)).prompt)


async def test_a_task_line_kept_as_a_point_is_flagged_and_fixed_into_a_task(archive, clock):
    app = room_app(archive, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        # @Mar is Marta or Marketing: the line cannot be read, and stays a point.
        closing = await open_summary(
            app, pilot, "d: go live on 20 Sept", "u: @Mar budget numbers by 9/30"
        )
        summary = closing.query_one("#closing-summary")
        heading = _heading(summary, "Kept as points, not read as tasks or open items (1)")
        flagged = summary.get_option_at_index(heading + 1)
        assert "u: @Mar budget numbers by 9/30" in str(flagged.prompt)
        await pilot.press("shift+tab")
        summary.highlighted = heading + 1
        await pilot.press("enter")
        await pilot.pause()
        fix = closing.query_one("#closing-fix")
        assert fix.value == "u: @Mar budget numbers by 9/30"
        fix.value = "u: @Marta budget numbers by 9/30"
        await pilot.pause()
        assert "becomes Open item (was Point)" in shown(closing.query_one("#closing-preview"))
        await pilot.press("enter")
        await pilot.pause()
        assert not fix.display
        (item,) = app.meeting.state.entries_of("unresolved")
        assert (item.entry.owner, item.entry.text) == ("Marta", "budget numbers")
        prompts = [str(summary.get_option_at_index(i).prompt) for i in range(summary.option_count)]
        assert not any(p.startswith("Kept as points") for p in prompts)
        assert any(p.startswith("Open items (1)") for p in prompts)


def _heading(summary, word: str) -> int:
    for index in range(summary.option_count):
        if str(summary.get_option_at_index(index).prompt).startswith(word):
            return index
    raise AssertionError(f"no heading {word}")


def _in_sight(summary, option_id: str) -> bool:
    index = summary.get_option_index(option_id)
    top = summary.scroll_offset.y
    lines = summary._lines  # (option index, line) for every row of the list
    rows = [row for row, (option, _line) in enumerate(lines) if option == index]
    height = summary.scrollable_content_region.height
    return bool(rows) and top <= rows[0] and rows[-1] < top + height


async def test_a_decision_typed_in_another_terminal_shows_in_the_open_summary(
    archive: Archive, clock: FakeClock, db_path
):
    from facilitator.app.live import LiveMeeting

    app = room_app(archive, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        summary = await open_summary(app, pilot, "d: go live on 20 Sept")
        # The recorder, at a second terminal, types while the host reads.
        with Archive.open(db_path) as other:
            second = LiveMeeting(other.journal(app.meeting.meeting_id), clock)
            assert second.submit("d: budget capped at 20k").accepted
        for _ in range(60):
            await pilot.pause(0.1)
            items = summary.query_one("#closing-summary")
            shown = [str(items.get_option_at_index(i).prompt) for i in range(items.option_count)]
            if any("budget capped at 20k" in item for item in shown):
                break
        assert any("budget capped at 20k" in item for item in shown)
