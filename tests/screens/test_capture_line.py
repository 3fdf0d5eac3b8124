"""The input line at the keyboard: completion, the preview under it, pasted text."""

from __future__ import annotations

from textual.geometry import Region

from facilitator.core.clock import FakeClock
from facilitator.core.i18n import set_language
from store.archive import Archive
from tests.support import ROOM_AGENDA_ZH, after_refusal, enter_line, room_app, type_text


def on_screen(widget) -> str:
    """The rows a widget shows on the terminal, as text."""
    width, height = widget.region.size
    return "\n".join(strip.text for strip in widget.render_lines(Region(0, 0, width, height)))


async def paste(app, pilot, text: str):
    """``text`` pasted into the input line (one bracketed paste); the line."""
    from textual import events

    line = app.screen.query_one("#line")
    line.post_message(events.Paste(text))
    await pilot.pause()
    return line


async def test_preview_follows_a_name_completed_with_tab(archive: Archive, clock: FakeClock):
    app = room_app(archive, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        # A task may be owned by a person or a department: @M is Marta or Marketing.
        await type_text(pilot, "a: @M")
        await pilot.pause()
        preview = app.screen.query_one("#preview")
        assert "could be" in on_screen(preview)
        await pilot.press("tab")
        await pilot.pause()
        assert app.screen.query_one("#line").value == "a: @Marta "
        assert "Marta" in on_screen(preview)
        assert "could be" not in on_screen(preview)


async def test_the_dropdown_opens_above_the_status_and_preview_lines(archive, clock):
    for size in ((80, 24), (160, 48)):
        app = room_app(archive, clock)
        async with app.run_test(size=size) as pilot:
            await type_text(pilot, "/present @M")
            await pilot.pause()
            completion = app.screen.query_one("#completion")
            assert completion.display
            dropdown = completion.option_list.region
            for line in ("#message", "#preview", "#line"):
                assert not dropdown.overlaps(app.screen.query_one(line).region), (size, line)
            assert completion.option_list.styles.border_top[0] != ""  # drawn in a frame
            # The names start where "@M" starts in the line.
            line = app.screen.query_one("#line")
            assert dropdown.x + 2 == line.content_region.x + line.value.index("@M")


async def test_a_long_preview_wraps_so_its_warning_is_read_whole_at_80_columns(archive, clock):
    app = room_app(archive, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await type_text(pilot, "u: @Legal export rules by 4/30")
        await pilot.pause()
        shown = " ".join(on_screen(app.screen.query_one("#preview")).split())
        assert shown.startswith("Open item owner Legal due Thu 30 Apr 2026")
        assert shown.endswith(
            "⚠ @Legal is not among the people: kept as owner; fix it at the close"
        )


async def test_each_chinese_warning_starts_its_own_row_and_all_are_read(archive, clock):
    set_language("zh")
    app = room_app(archive, clock, agenda_file=ROOM_AGENDA_ZH)
    async with app.run_test(size=(80, 24)) as pilot:
        await type_text(pilot, "待定: @法务部门 提供出口管制规则的合规性意见并同步给市场部和销售部")
        await pilot.pause()
        rows = [row.strip() for row in on_screen(app.screen.query_one("#preview")).splitlines()]
        assert rows == [
            "未决  责任人 法务部门",
            "⚠ @法务部门不在参会人员中：仍记为责任人，可在会议结束时更正",
            "⚠ 没有时间节点：可写“3个工作日内”",
        ]


async def test_a_refused_line_comes_back_into_an_empty_line_to_fix(archive, clock):
    app = room_app(archive, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await type_text(pilot, "/goto 9")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.query_one("#line").value == ""  # while typing may go on
        await after_refusal(pilot)
        assert app.screen.query_one("#line").value == "/goto 9"


async def test_backspace_on_a_refused_line_that_came_back_fixes_its_end(archive, clock):
    app = room_app(archive, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await enter_line(pilot, "/present all")
        await pilot.press("f2")
        await type_text(pilot, "/extend 2.5")
        await pilot.press("enter")
        await after_refusal(pilot)
        line = app.screen.query_one("#line")
        assert line.value == "/extend 2.5"
        for _ in range(3):
            await pilot.press("backspace")
        await type_text(pilot, "3")
        assert line.value == "/extend 3"
        await pilot.press("enter")
        await pilot.pause()
        assert app.meeting.state.entries == ()  # an extension, not a stray point "3"


async def test_typing_over_a_refused_line_that_came_back_starts_a_new_line(archive, clock):
    app = room_app(archive, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        line = app.screen.query_one("#line")
        await enter_line(pilot, "/goto 9")
        await after_refusal(pilot)
        assert line.value == "/goto 9"
        assert "back in the line" in on_screen(app.screen.query_one("#preview"))
        await enter_line(pilot, "Budget")  # the recorder did not look, and typed on
        assert [c.entry.text for c in app.meeting.state.entries] == ["Budget"]
        assert line.value == ""
        await pilot.press("up")
        assert line.value == "/goto 9"


async def test_a_refused_line_that_came_back_is_fixed_after_end(archive, clock):
    app = room_app(archive, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        line = app.screen.query_one("#line")
        await enter_line(pilot, "/goto 9")
        await after_refusal(pilot)
        await pilot.press("end", "backspace")
        await type_text(pilot, "2")
        assert line.value == "/goto 2"


async def test_esc_puts_a_refused_line_away_and_a_paste_then_records_each_line(archive, clock):

    app = room_app(archive, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await enter_line(pilot, "/present all")
        await pilot.press("f2")
        await enter_line(pilot, "/extend 2.5")
        await after_refusal(pilot)
        await pilot.press("escape")
        line = app.screen.query_one("#line")
        assert line.value == "" and line.kept == ["/extend 2.5"]  # listed on leaving too
        await paste(app, pilot, "d: ship on 20 Sept\nsecond line\n")
        entries = [(c.entry.kind, c.entry.text) for c in app.meeting.state.entries]
        assert entries == [("decision", "ship on 20 Sept"), ("point", "second line")]
        assert line.value == ""
        await pilot.press("up")
        assert line.value == "/extend 2.5"  # the refused line comes back first under ↑


async def test_a_paste_replaces_the_text_selected_in_the_line(archive, clock):
    from textual.widgets.input import Selection

    app = room_app(archive, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        line = app.screen.query_one("#line")
        await type_text(pilot, "budget draft")
        line.selection = Selection(7, 12)  # "draft"
        await paste(app, pilot, "approved\n")
        assert [c.entry.text for c in app.meeting.state.entries] == ["budget approved"]


async def test_a_refused_line_waits_under_up_when_more_was_typed_since(archive, clock):
    app = room_app(archive, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        line = app.screen.query_one("#line")
        await type_text(pilot, "Budget")  # typed after the refused Enter, before its answer
        line.give_back("/goto 9")
        await pilot.pause()
        assert line.value == "Budget"
        assert "'/goto 9' was not recorded and is kept: ↑ brings it back" in on_screen(
            app.screen.query_one("#message")
        )
        await pilot.press("up")
        assert line.value == "/goto 9"
        # Brought back: the status stops saying it waits (tmux showed it stale).
        assert "↑" not in on_screen(app.screen.query_one("#message"))
        await pilot.press("down")
        assert line.value == "Budget"


async def test_escape_on_an_empty_line_forgets_the_refused_lines_reminder(archive, clock):
    app = room_app(archive, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        line = app.screen.query_one("#line")
        await type_text(pilot, "Budget")
        line.give_back("/goto 9")
        await pilot.pause()
        await pilot.press("enter")  # Budget recorded; the status still says /goto 9 waits
        assert "Esc forgets" in on_screen(app.screen.query_one("#message"))
        await pilot.press("escape")
        assert "↑" not in on_screen(app.screen.query_one("#message"))
        await pilot.press("up")
        assert line.value == "Budget"  # the newest line sent, as in a shell


async def test_a_pasted_line_recorded_with_a_warning_says_it_as_a_typed_one_would(archive, clock):

    app = room_app(archive, clock)
    async with app.run_test(size=(120, 30)) as pilot:
        await paste(app, pilot, "first\nu: @Legal compliance opinion by 4/30\nthird\n")
        assert len(app.meeting.state.entries) == 3
        said = " ".join(on_screen(app.screen.query_one("#message")).split())
        assert "paste: 3 recorded" in said
        assert "line 2: @Legal is not among the people" in said


async def test_a_pasted_block_is_recorded_line_by_line_and_counted(archive, clock):

    app = room_app(archive, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        line = await paste(app, pilot, "first\nd: second\n\nthird\nunfinished")
        entries = [(c.entry.kind, c.entry.text) for c in app.meeting.state.entries]
        assert entries == [("point", "first"), ("decision", "second"), ("point", "third")]
        assert line.value == "unfinished"
        said = on_screen(app.screen.query_one("#message"))
        assert "paste: 3 recorded" in said
        assert "its last line waits in the input line: Enter records it" in said


async def test_a_long_status_line_puts_each_notice_whole_on_a_row_and_says_there_is_more(
    archive, clock
):

    set_language("zh")
    app = room_app(archive, clock, agenda_file=ROOM_AGENDA_ZH)
    async with app.run_test(size=(80, 24)) as pilot:
        await paste(app, pilot, "待定: @韩梅梅 预算审批 3个工作日内\n待定: @法务部门 意见\n")
        first, second = on_screen(app.screen.query_one("#message")).splitlines()
        assert first.strip() == "✓ 粘贴：已记录2条"
        # The warning is whole on a row of its own (it used to end the first row as a
        # lone ⚠), and the row says a third notice did not fit.
        assert second.strip().startswith(
            "⚠ 第2行：@法务部门不在参会人员中：仍记为责任人，可在会议结束时更正 ……另有1条"
        )
