"""The host and the recorder at the keyboard: every room action, driven with Pilot."""

from __future__ import annotations

from facilitator.core.clock import FakeClock
from facilitator.core.i18n import set_language
from facilitator.meeting.events import EntryEdited, EntryRetracted
from screens.closing import ClosingScreen
from screens.help import HelpScreen
from store.archive import Archive
from tests.support import after_refusal, enter_line, room_app, type_text


def shown(app, selector: str) -> str:
    """The text a widget shows (rendered as a terminal would, without styles)."""
    from io import StringIO

    from rich.console import Console

    out = StringIO()
    Console(width=200, file=out, color_system=None).print(app.screen.query_one(selector).content)
    return out.getvalue()


async def refresh(app, pilot) -> None:
    app.screen.refresh_view()
    await pilot.pause()


async def test_meeting_opens_on_goal_rules_and_roll_call(archive: Archive, clock: FakeClock):
    app = room_app(archive, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        opening = shown(app, "#opening")
        assert "Agree the Q3 launch timetable" in opening
        assert "Issues, not people" in opening
        assert "Roll call" in opening and "not yet marked" in opening
        assert app.screen.query_one("#line").has_focus
        await enter_line(pilot, "/late @Marta")
        await pilot.press("f8")
        await pilot.pause()
        opening = shown(app, "#opening")
        rows = {line.split()[1]: line for line in opening.splitlines() if line.startswith("  ")}
        assert rows["Marta"].split()[2:] == ["Marketing", "late"]
        assert rows["Wang"].split()[2:] == ["Sales", "present"]
        assert app.screen.query_one("#line").has_focus


async def test_first_topic_waits_for_a_briefer_for_each_absentee(archive, clock):
    app = room_app(archive, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await enter_line(pilot, "/absent @Wang")
        assert "needs a briefer" in shown(app, "#opening")
        await pilot.press("f2")
        await pilot.pause()
        assert "give Wang a briefer" in shown(app, "#message")
        assert app.screen.has_class("-opening")
        await enter_line(pilot, "/absent @Wang @Ana")
        assert "Ana will brief them" in shown(app, "#opening")
        await pilot.press("f2")
        await pilot.pause()
        assert not app.screen.has_class("-opening")
    marked = app.meeting.state.attendance["Wang"]
    assert (marked.status, marked.briefer) == ("absent", "Ana")


async def test_roll_call_shows_the_absentee_whose_briefer_is_now_absent(archive, clock):
    app = room_app(archive, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await enter_line(pilot, "/absent @Wang @Li")
        opening = shown(app, "#opening")
        assert "Li will brief them" in opening
        assert [r.split()[2:] for r in opening.splitlines() if r.startswith("  ✓ Li")] == [
            ["R&D", "present"]
        ]
        await enter_line(pilot, "/absent @Li @Ana")
        assert "Li was to brief Wang" in shown(app, "#message")
        rows = [r for r in shown(app, "#opening").splitlines() if "Wang" in r and "Sales" in r]
        assert len(rows) == 1 and "needs a briefer" in rows[0]
        await pilot.press("f2")
        await pilot.pause()
        assert "give Wang a briefer" in shown(app, "#message")
        assert app.screen.has_class("-opening")


async def test_countdown_warns_at_two_minutes_and_shows_overrun_after_25(archive, clock):
    app = room_app(archive, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f2")
        clock.advance(minutes=18, seconds=30)
        await refresh(app, pilot)
        topic_clock = app.screen.query_one("#clock")
        assert topic_clock.has_class("-warning")
        assert app.screen.query_one("#countdown").value == "01:30"
        clock.advance(minutes=6, seconds=30)
        await refresh(app, pilot)
        assert topic_clock.has_class("-overrun") and not topic_clock.has_class("-warning")
        assert app.screen.query_one("#countdown").value == "+05:00"
        assert "OVERRUN" in shown(app, "#topic-status")
        assert "+5'" in shown(app, "#bar-projection")


async def test_host_extends_an_overrun_topic_by_key_and_by_n_minutes(archive, clock):
    app = room_app(archive, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f2")
        clock.advance(minutes=22)
        await pilot.press("f4")
        await pilot.pause()
        assert app.screen.query_one("#countdown").value == "03:00"
        await pilot.press("shift+f4")
        assert app.screen.query_one("#line").value == "/extend "
        await enter_line(pilot, "10")
        assert app.screen.query_one("#countdown").value == "13:00"
        assert "20'+15'" in shown(app, "#agenda")


async def test_pause_stops_the_clock_and_resume_goes_on(archive, clock):
    app = room_app(archive, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f2")
        clock.advance(minutes=5)
        await pilot.press("f3")
        clock.advance(minutes=10)
        await refresh(app, pilot)
        assert app.screen.query_one("#clock").has_class("-paused")
        assert "PAUSED" in shown(app, "#bar-title")
        assert app.screen.query_one("#countdown").value == "15:00"
        await pilot.press("f3")
        clock.advance(minutes=1)
        await refresh(app, pilot)
        assert app.screen.query_one("#countdown").value == "14:00"


async def test_host_skips_reorders_goes_back_and_jumps(archive, clock):
    app = room_app(archive, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f2")
        await pilot.press("shift+f5")
        await enter_line(pilot, "3 2")
        agenda = shown(app, "#agenda")
        assert agenda.index("Sales training") < agenda.index("Launch campaign")
        await pilot.press("f5")
        await pilot.pause()
        state = app.meeting.state
        assert state.topics["t1"].status == "skipped" and state.current == "t3"
        await pilot.press("shift+f2")
        await pilot.pause()
        assert app.meeting.state.current == "t1"
        await pilot.press("ctrl+g")
        await enter_line(pilot, "3")
        assert app.meeting.state.current == "t2"


async def test_previous_topic_key_then_f2_comes_back_to_the_topic_left(archive, clock):
    app = room_app(archive, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f2", "f2")
        clock.advance(minutes=4)
        await pilot.press("shift+f2")
        await pilot.pause()
        assert app.meeting.state.current == "t1"
        await pilot.press("f2")
        await refresh(app, pilot)
        assert app.meeting.state.current == "t2"  # not skipped on to the third topic
        assert app.screen.query_one("#countdown").value == "11:00"  # 15 planned, 4 used


async def test_speakers_queue_moves_and_calls_next(archive, clock):
    app = room_app(archive, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f2")
        clock.advance(minutes=2)
        await pilot.press("shift+f6")
        await enter_line(pilot, "Marta @Wang")
        speakers = shown(app, "#speakers")
        assert "Speaking: Li" in speakers and "1.Marta  2.Wang" in speakers
        assert "(owner reports)" in speakers
        await pilot.press("shift+f7")
        await enter_line(pilot, "Wang 1")
        assert "1.Wang  2.Marta" in shown(app, "#speakers")
        await pilot.press("shift+f8")
        await enter_line(pilot, "Marta")
        assert "2.Marta" not in shown(app, "#speakers")
        await pilot.press("f6")
        await pilot.pause()
        assert "Speaking: Wang" in shown(app, "#speakers")
        await enter_line(pilot, "/call @Li")  # the owner again: discussion, not the report
        speakers = shown(app, "#speakers")
        assert "Speaking: Li" in speakers and "(owner reports)" not in speakers


async def test_balance_warning_shows_when_one_department_talks_too_much(archive, clock):
    app = room_app(archive, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f2")
        clock.advance(minutes=4)
        await enter_line(pilot, "/speak @Marta")
        await pilot.press("f6")
        clock.advance(minutes=1)
        await refresh(app, pilot)
        speakers = shown(app, "#speakers")
        assert "R&D has 80% of this topic's speaking time (limit 50%)" in speakers
        balance = shown(app, "#balance")
        assert "R&D" in balance and "80%" in balance
        assert "Li         04:00 / 04:00" in balance
        assert "Speaking balance (this topic)" in balance
        # After the last topic the figures are the whole meeting's, and say so.
        for _ in range(3):
            await enter_line(pilot, "/next")
        await refresh(app, pilot)
        assert app.meeting.state.current is None
        assert "R&D has 80% of the meeting's speaking time" in shown(app, "#speakers")
        assert "Speaking balance (whole meeting)" in shown(app, "#balance")


async def test_recorder_retracts_and_edits_entries_from_the_list(archive, clock):
    app = room_app(archive, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f2")
        await enter_line(pilot, "d: go live on 20 Sept")
        await enter_line(pilot, "a: @Li training build by 9/10")
        await enter_line(pilot, "a typo point")
        await pilot.press("f7")
        entries = app.screen.query_one("#entries")
        assert entries.has_focus
        await pilot.press("delete")  # asks first: no single key destroys an entry
        await pilot.pause()
        assert len(app.meeting.state.entries) == 3
        assert "Delete again to retract entry 3 (a typo point)" in shown(app, "#message")
        await pilot.press("delete")
        await pilot.pause()
        assert [c.entry.text for c in app.meeting.state.entries] == [
            "go live on 20 Sept",
            "training build",
        ]
        await pilot.press("e")
        line = app.screen.query_one("#line")
        assert line.has_focus and line.value == "a: @Li training build by 9/10"
        assert "Correcting entry 2" in shown(app, "#preview")
        line.value = ""
        await enter_line(pilot, "a: @Marta training build by 9/12")
        entry = app.meeting.state.entries[1].entry
        assert (entry.owner, entry.due.isoformat()) == ("Marta", "2026-09-12")
        assert app.meeting.state.entries[0].entry.text == "go live on 20 Sept"
        await enter_line(pilot, "/undo")
        assert app.meeting.state.entries[1].entry.owner == "Li"
    kinds = [type(e) for e in app.meeting.journal.read()]
    assert EntryRetracted in kinds and EntryEdited in kinds


async def test_entry_list_keeps_each_number_after_a_retraction(archive, clock):
    app = room_app(archive, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f2")
        for text in ("first point", "throwaway", "third point"):
            await enter_line(pilot, text)
        await enter_line(pilot, "/retract 2")
        options = app.screen.query_one("#entries")
        rows = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert [r.split()[0] for r in rows if "point" in r] == ["1", "3"]
        await pilot.press("f7", "e")
        assert "Correcting entry 3" in shown(app, "#preview")


async def test_escape_cancels_an_edit_and_leaves_the_entry_alone(archive, clock):
    app = room_app(archive, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await enter_line(pilot, "d: keep it")
        await pilot.press("f7", "e")
        await pilot.press("escape")
        await enter_line(pilot, "another point")
        assert [c.entry.text for c in app.meeting.state.entries] == ["keep it", "another point"]


async def test_undo_key_takes_back_the_last_action(archive, clock):
    app = room_app(archive, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f2")
        await pilot.press("f9")
        await pilot.pause()
        assert app.meeting.state.current is None
        assert app.screen.has_class("-opening")


async def test_room_fixes_a_task_owner_on_the_summary_before_confirming(archive, clock):
    app = room_app(archive, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f2")
        await enter_line(pilot, "a: training build by 9/10")
        await pilot.press("f10")
        await pilot.pause()
        closing = app.screen
        assert isinstance(closing, ClosingScreen)
        summary = closing.query_one("#closing-summary")
        summary.focus()
        seq = app.meeting.state.entries[0].seq
        summary.highlighted = summary.get_option_index(str(seq))
        await pilot.press("enter")
        fix = closing.query_one("#closing-fix")
        assert fix.has_focus and fix.value == "a: training build by 9/10"
        fix.value = "a: @Wang training build by 9/10"
        await pilot.press("enter")
        await pilot.pause()
        assert "Wang" in str(summary.get_option(str(seq)).prompt)
        closing.query_one("#confirm").focus()
        await pilot.press("enter")
        await pilot.pause()
    assert [(r["title"], r["owner"]) for r in archive.db["tasks"].rows] == [
        ("training build", "Wang")
    ]


async def test_help_opens_on_f1_and_question_mark_stays_typeable(archive, clock):
    app = room_app(archive, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await type_text(pilot, "why?")
        assert app.screen.query_one("#line").value == "why?"
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = shown(app, "#help-syntax")
        assert "a: @owner task by 9/20" in text
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.query_one("#line").value == "why?"


async def test_palette_goes_to_a_topic_by_name(archive, clock):
    app = room_app(archive, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await type_text(pilot, "Go to topic 2")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert app.meeting.state.current == "t2"


async def test_projector_theme_toggles_with_ctrl_t(archive, clock):
    app = room_app(archive, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+t")
        assert app.theme == "projector"
        await pilot.press("ctrl+t")
        assert app.theme != "projector"


async def test_footer_speaks_the_language_chosen_at_run_time(archive, clock):
    set_language("zh")
    app = room_app(archive, clock)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        labels = {
            binding.description
            for bindings in app.screen._bindings.key_to_bindings.values()
            for binding in bindings
        }
        assert "下一议题" in labels and "Next topic" not in labels
        assert "点名" in shown(app, "#opening")


async def test_small_screen_opens_speaking_time_in_full(archive, clock):
    from screens.balance import BalanceScreen

    app = room_app(archive, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f2")
        clock.advance(minutes=3)
        await pilot.press("shift+f10")
        await pilot.pause()
        assert isinstance(app.screen, BalanceScreen)
        panel = str(app.screen.query_one("#balance-full").render())
        assert "Li         03:00 / 03:00" in panel
        assert "R&D has 100%" in str(app.screen.query_one("#balance-warning").render())
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.query_one("#line").has_focus


async def test_dropdown_offers_names_by_pinyin_and_enter_picks_one(archive, clock):
    app = room_app(archive, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await type_text(pilot, "a: @l")
        await pilot.pause()
        completion = app.screen.query_one("#completion")
        assert completion.display
        offered = list(completion.choices)
        assert offered == ["@Li", "@李雷"]
        # Nothing is picked until the recorder moves into the list: ↓ is @Li, ↓ again 李雷.
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        line = app.screen.query_one("#line")
        assert line.value == "a: @李雷 "
        assert not app.meeting.state.entries  # Enter completed, did not record


async def test_speaker_key_asks_for_a_name_and_offers_people_not_departments(archive, clock):
    app = room_app(archive, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f2", "shift+f6")
        await pilot.pause()
        preview = shown(app, "#preview")
        assert "type a name after @" in preview and "⚠" not in preview
        await type_text(pilot, "Ma")
        await pilot.pause()
        completion = app.screen.query_one("#completion")
        offered = list(completion.choices)
        assert offered == ["@Marta"]  # not @Marketing: a department does not speak
        assert "command /speak @Marta" in shown(app, "#preview")


async def test_preview_reads_a_command_back_whole_or_says_why_it_cannot_run(archive, clock):
    app = room_app(archive, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f2")
        await type_text(pilot, "/move 3 2")
        await pilot.pause()
        assert "command /move 3 2" in shown(app, "#preview")
        line = app.screen.query_one("#line")
        line.value = ""
        await type_text(pilot, "/extend 2.5")
        await pilot.pause()
        assert "⚠ '2.5' is not a whole number of minutes" in shown(app, "#preview")
        await pilot.press("enter")
        await after_refusal(pilot)
        assert line.value == "/extend 2.5"  # kept, to fix
        assert "⚠ '2.5' is not a whole number of minutes" in shown(app, "#message")
        assert app.meeting.state.current_topic.extra_minutes == 0


async def test_dropdown_completes_a_command_and_stays_out_of_the_way_once_complete(archive, clock):
    app = room_app(archive, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await type_text(pilot, "/ne")
        await pilot.pause()
        assert app.screen.query_one("#completion").display
        await pilot.press("tab")
        assert app.screen.query_one("#line").value == "/next "
        await pilot.press("enter")
        await pilot.pause()
        assert app.meeting.state.current == "t1"


async def test_enter_right_after_the_last_letter_of_a_name_records_the_line(archive, clock):
    from textual.widgets import Input

    app = room_app(archive, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await type_text(pilot, "/late @Mart")
        await pilot.pause()
        assert app.screen.query_one("#completion").display
        line = app.screen.query_one("#line")
        with line.prevent(Input.Changed):  # as when Enter overtakes the last Changed
            line.insert_text_at_cursor("a")
        await pilot.press("enter")
        await pilot.pause()
        assert app.meeting.state.attendance["Marta"].status == "late"
        assert line.value == ""


async def test_projector_sized_screen_draws_the_countdown_in_large_blocks(archive, clock):
    from screens.widgets.bigclock import render_blocks

    app = room_app(archive, clock)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.press("f2")
        clock.advance(minutes=25)
        await refresh(app, pilot)
        big = app.screen.query_one("#big-countdown")
        assert big.display and not app.screen.query_one("#countdown").display
        assert big.value == "+05:00"
        assert big.size.height == 10  # scale 2 fits the centre column at 160 columns
        assert str(big.render()) == str(render_blocks("+05:00", 2))


async def test_palette_marks_a_person_late_by_name(archive, clock):
    app = room_app(archive, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await type_text(pilot, "Mark Marta late")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert app.meeting.state.attendance["Marta"].status == "late"
        assert app.screen.query_one("#line").has_focus


async def test_typing_in_the_entries_list_types_into_the_line_and_retracts_nothing(archive, clock):
    app = room_app(archive, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f2")
        for text in ("first point", "second point", "third point"):
            await enter_line(pilot, text)
        await pilot.press("f7")
        await type_text(pilot, "risk is high")
        await pilot.press("backspace")
        await pilot.pause()
        assert len(app.meeting.state.entries) == 3
        line = app.screen.query_one("#line")
        assert line.has_focus and line.value == "risk is hig"


async def test_leaving_keeps_words_half_typed_but_no_command(archive, clock):
    for typed, kept in (
        ("half a thought", "half a thought"),
        ("/goto ", ""),  # a key's prefill
        ("/goto 2", ""),  # a command drives the room: nothing in it for the minutes
    ):
        app = room_app(archive, clock)
        async with app.run_test(size=(120, 40)) as pilot:
            await type_text(pilot, typed)
            await pilot.press("ctrl+q")
            await pilot.pause()
        assert app.unfinished == ((kept,) if kept else ()), typed


async def test_leaving_names_the_refused_lines_still_kept_under_up(archive, clock):
    app = room_app(archive, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        line = app.screen.query_one("#line")
        await type_text(pilot, "Budget")  # typed after two refused Enters, before their answers
        line.give_back("@Nobody: the deck")
        line.give_back("/goto 9")
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
    # The refused /goto 9 is no line of the minutes: not listed.
    assert app.unfinished == ("@Nobody: the deck", "Budget")
