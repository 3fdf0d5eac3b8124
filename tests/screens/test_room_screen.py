"""The room in a real (headless) terminal, driven key by key with Pilot."""

from __future__ import annotations

from facilitator.app.live import LiveMeeting
from facilitator.core.clock import FakeClock
from facilitator.planning.demo import demo_agenda
from screens.app import FacilitatorApp
from screens.closing import ClosingScreen
from screens.widgets.entries import EntryList
from store.archive import Archive
from tests.support import after_refusal, enter_line, room_app, submit_lines, type_text


def _app(archive: Archive, clock: FakeClock) -> FacilitatorApp:
    journal = archive.create_meeting(demo_agenda(clock.now()), clock.now())
    return FacilitatorApp(LiveMeeting(journal, clock))


async def test_demo_meeting_runs_from_start_to_close(archive: Archive, clock: FakeClock):
    app = _app(archive, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        line = app.screen.query_one("#line")
        assert line.has_focus
        await enter_line(pilot, "/next")
        await enter_line(pilot, "d: go live on 20 Sept")
        await enter_line(pilot, "a: @Li training build by 9/10")
        await enter_line(pilot, "/next")
        clock.advance(minutes=3)
        await enter_line(pilot, "/close")
        assert isinstance(app.screen, ClosingScreen)
        assert app.screen.focused.id == "confirm"
        await pilot.press("enter")
        await pilot.pause()
    minutes = app.return_value
    assert minutes is not None and minutes.decisions == [
        ("R&D progress and risks", "go live on 20 Sept")
    ]
    db = archive.db
    assert [r["text"] for r in db["decisions"].rows] == ["go live on 20 Sept"]
    assert [(r["title"], r["owner"], r["due"]) for r in db["tasks"].rows] == [
        ("training build", "Li", "2026-09-10")
    ]
    assert next(db["meetings"].rows)["status"] == "closed"


async def test_preview_shows_owner_and_due_before_enter(archive, clock):
    app = _app(archive, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await type_text(pilot, "a: @Li build by 9/10")
        await pilot.pause()
        preview = str(app.screen.query_one("#preview").render())
        assert "Task" in preview and "owner Li" in preview and "Thu 10 Sep 2026" in preview


async def test_refused_line_stays_in_the_input_with_the_reason(archive, clock):
    app = _app(archive, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await enter_line(pilot, "/extend 5")
        await after_refusal(pilot)
        assert app.screen.query_one("#line").value == "/extend 5"
        message = str(app.screen.query_one("#message").render())
        assert "no topic is running" in message


async def test_cancelling_the_summary_returns_to_the_meeting(archive, clock):
    app = _app(archive, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await enter_line(pilot, "/close")
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ClosingScreen)
        assert app.screen.query_one("#line").has_focus
    assert next(archive.db["meetings"].rows)["status"] == "planned"


async def test_the_speakers_clock_stops_when_the_summary_opens(archive, clock):
    app = _app(archive, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await enter_line(pilot, "/next")  # Li reports
        clock.advance(minutes=2)
        await pilot.press("f10")
        await pilot.pause()
        assert isinstance(app.screen, ClosingScreen)
        clock.advance(minutes=5)  # reviewing the summary
        await pilot.press("escape")
        await pilot.pause()
        assert app.meeting.state.speaker is None
        assert app.meeting.state.speaking_by_person(clock.now()) == {"Li": 120}
        await pilot.press("f10")
        await pilot.pause()
        app.screen.query_one("#confirm").focus()
        await pilot.press("enter")
        await pilot.pause()
    assert [(r["person"], r["seconds"]) for r in archive.db["speaking"].rows] == [("Li", 120)]


async def test_countdown_turns_to_overrun_on_the_fake_clock(archive, clock):
    app = _app(archive, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await enter_line(pilot, "/next")
        clock.advance(minutes=25)
        app.screen.refresh_view()
        await pilot.pause()
        topic_clock = app.screen.query_one("#clock")
        assert topic_clock.has_class("-overrun")
        assert app.screen.query_one("#countdown").value == "+10:00"


async def test_names_with_markup_show_literally(archive, clock):
    app = _app(archive, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await enter_line(pilot, "[bold red]boom[/] and \x1b[31mred")
        await pilot.pause()
        shown = " ".join(str(o.prompt) for o in app.screen.query_one("#entries").options)
        assert "[bold red]boom[/]" in shown


async def test_tab_completes_a_name_by_pinyin_free_prefix(archive, clock):
    app = _app(archive, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await type_text(pilot, "a: @Mart")
        await pilot.pause()
        await pilot.press("tab")
        line = app.screen.query_one("#line")
        assert line.value == "a: @Marta "
        assert line.has_focus


async def test_closing_while_another_program_holds_the_archive_keeps_the_meeting_open(
    db_path, clock
):
    import sqlite3

    from screens.closing import ClosingScreen as Summary

    with Archive.open(db_path, busy_timeout_ms=50) as archive:
        app = _app(archive, clock)
        async with app.run_test(size=(80, 24)) as pilot:
            await enter_line(pilot, "/next")
            await enter_line(pilot, "d: go live on 20 Sept")
            await enter_line(pilot, "/close")
            assert isinstance(app.screen, Summary)
            other = sqlite3.connect(db_path, isolation_level=None)
            other.execute("BEGIN IMMEDIATE")
            try:
                await pilot.press("enter")
                await pilot.pause()
            finally:
                other.execute("ROLLBACK")
                other.close()
            assert app.is_running and not isinstance(app.screen, Summary)
            assert "not closed" in str(app.screen.query_one("#message").render())
            assert not app.meeting.state.is_closed
            await enter_line(pilot, "/close")
            await pilot.press("enter")
            await pilot.pause()
        assert app.return_value is not None
        assert next(archive.db["meetings"].rows)["status"] == "closed"


async def test_the_owners_report_shows_in_the_entries_under_its_kind(archive, clock):
    app = room_app(archive, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await submit_lines(
            pilot,
            "/present all",
            "/next",
            "progress: front end 80% done",
            "风险：测试环境资源紧张",
            "proposal: send the material early",
        )
        entries = app.screen.query_one(EntryList)
        lines = [str(entries.get_option_at_index(i).prompt) for i in range(entries.option_count)]
    assert any(line.endswith("Progress front end 80% done") for line in lines), lines
    assert any(line.endswith("Risk 测试环境资源紧张") for line in lines), lines
    assert any(line.endswith("Proposal send the material early") for line in lines), lines
