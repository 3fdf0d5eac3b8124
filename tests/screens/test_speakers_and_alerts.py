"""The room on a fake clock: typed requests, a speaker's own time, alerts heard and
seen (the bell counted), who said what, and the small things a host notices."""

from __future__ import annotations

from dataclasses import replace

from facilitator.app.follower import Follower
from facilitator.app.live import LiveMeeting
from facilitator.core.clock import FakeClock
from facilitator.planning.agenda_file import load_agenda
from screens.app import FacilitatorApp
from screens.follow import FollowApp
from store.archive import Archive
from tests.support import ROOM_AGENDA, submit_lines, type_lines, type_text


def shown(app, selector: str) -> str:
    """The text a widget shows, as a terminal would, without styles."""
    from io import StringIO

    from rich.console import Console

    widget = app.screen.query_one(selector)
    renderable = widget.render() if not hasattr(widget, "content") else widget.content
    out = StringIO()
    Console(width=200, file=out, color_system=None).print(renderable)
    return out.getvalue()


def counted_bells(app) -> list[int]:
    """Each bell the app rings, counted (a terminal would beep)."""
    bells: list[int] = []
    app.bell = lambda: bells.append(1)
    return bells


def room(archive: Archive, clock: FakeClock, **settings) -> FacilitatorApp:
    agenda = replace(load_agenda(ROOM_AGENDA), **settings)
    return FacilitatorApp(LiveMeeting(archive.create_meeting(agenda, clock.now()), clock))


async def later(app, pilot, clock: FakeClock, **advance) -> None:
    clock.advance(**advance)
    app.screen.refresh_view()
    await pilot.pause()


async def test_the_queue_shows_each_request_in_its_order(archive, clock):
    app = room(archive, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await submit_lines(pilot, "/present all", "/next", "/speak @Marta", "/speak @李雷 reply")
        await submit_lines(pilot, "/speak @Ana order")
        assert "point of order: Ana speaks next" in shown(app, "#message")
        await submit_lines(pilot, "/speak @Wang question about the budget")
        queue = shown(app, "#speakers")
        assert (
            "Waiting: 1.Ana [point of order]  2.Wang [question: about the budget]  "
            "3.李雷 [reply]  4.Marta" in " ".join(queue.split("\n"))
        )
        await pilot.press("f6")
        await pilot.pause()
        assert "Speaking: Ana Operations 00:00" in shown(app, "#speakers")
        assert "[point of order]" in shown(app, "#speakers").splitlines()[0]


async def test_a_speaker_over_their_two_minutes_is_shown_and_rung_once(archive, clock):
    app = room(archive, clock, speaker_minutes=2)
    async with app.run_test(size=(100, 30)) as pilot:
        bells = counted_bells(app)
        await submit_lines(pilot, "/present all", "/next")
        await later(app, pilot, clock, seconds=90)
        assert "Speaking: Li R&D 01:30 · 00:30 left (limit 2 min)" in shown(app, "#speakers")
        await later(app, pilot, clock, seconds=45)
        assert "over by 00:15 (limit 2 min)" in shown(app, "#speakers")
        assert bells == [1]
        assert app.screen.query_one("#speakers").has_class("-flash")
        assert "Li: the turn's 2 min are up" in shown(app, "#message")
        await later(app, pilot, clock, seconds=30)
        assert bells == [1]  # once per crossing, not at every redraw


async def test_the_room_rings_at_two_minutes_left_at_zero_and_in_the_last_five(archive, clock):
    app = room(archive, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        bells = counted_bells(app)
        await submit_lines(pilot, "/present all", "/next")  # 20 minutes; the meeting 45
        await later(app, pilot, clock, minutes=17, seconds=59)
        assert bells == []
        await later(app, pilot, clock, seconds=2)
        assert bells == [1]
        assert app.screen.query_one("#clock").has_class("-flash")
        assert "under 2 min left" in shown(app, "#message")
        await later(app, pilot, clock, minutes=2)
        assert bells == [1, 1] and "time is up" in shown(app, "#message")
        await submit_lines(pilot, "/next")  # 20:01 in; 15 minutes
        await later(app, pilot, clock, minutes=13)
        assert len(bells) == 3 and "Launch campaign plan: under 2 min" in shown(app, "#message")
        await later(app, pilot, clock, minutes=2, seconds=1)  # past its end: over
        assert len(bells) == 4
        await later(app, pilot, clock, minutes=5)  # 40:02 in: the meeting's last five minutes
        assert "the meeting ends in 5 minutes (planned 10:45)" in shown(app, "#message")
        assert len(bells) == 5


async def test_a_silent_room_flashes_without_the_bell_and_off_is_off(archive, clock):
    app = room(archive, clock, alerts="flash")
    async with app.run_test(size=(100, 30)) as pilot:
        bells = counted_bells(app)
        await submit_lines(pilot, "/present all", "/next")
        await later(app, pilot, clock, minutes=18, seconds=1)
        assert bells == [] and app.screen.query_one("#clock").has_class("-flash")
        await submit_lines(pilot, "/alerts off")
        assert "alerts off" in shown(app, "#message")
        await pilot.pause(2.6)  # the flash is over
        await later(app, pilot, clock, minutes=2)
        assert bells == [] and not app.screen.query_one("#clock").has_class("-flash")


async def test_the_follow_view_rings_and_flashes_for_the_projector(archive, clock):
    journal = archive.create_meeting(load_agenda(ROOM_AGENDA), clock.now())
    meeting = LiveMeeting(journal, clock)
    type_lines(meeting, "/present all", "/next")
    app = FollowApp(Follower(archive.journal(journal.meeting_id), clock, archive.data_version))
    async with app.run_test(size=(100, 30)) as pilot:
        bells = counted_bells(app)
        await pilot.pause()
        clock.advance(minutes=18, seconds=1)
        app.screen.refresh_view()
        await pilot.pause()
        assert bells == [1] and app.screen.query_one("#clock").has_class("-flash")


async def test_the_entries_say_who_said_each_point(archive, clock):
    app = room(archive, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await submit_lines(pilot, "/present all", "/next", "Front end 80% done")
        await submit_lines(pilot, "@Marta: campaign ready", "-: room is cold")
        entries = app.screen.query_one("#entries")
        listed = [str(entries.get_option_at_index(i).prompt) for i in range(entries.option_count)]
        assert listed[-3:] == [
            " 1 Point Li: Front end 80% done",
            " 2 Point Marta: campaign ready",
            " 3 Point room is cold",
        ]


async def test_retract_shows_the_entry_before_enter(archive, clock):
    app = room(archive, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await submit_lines(pilot, "/present all", "/next", "Front end 80% done", "d: ship it")
        await type_text(pilot, "/retract 2")
        await pilot.pause()
        assert "command /retract 2 — 2 Decision ship it" in shown(app, "#preview")


async def test_ctrl_t_says_so_and_a_resumed_room_keeps_the_theme(archive, clock):
    app = room(archive, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert app.theme == "projector"
        assert "projector theme" in shown(app, "#message")
    resumed = FacilitatorApp(LiveMeeting(archive.journal(app.meeting.meeting_id), clock))
    async with resumed.run_test(size=(100, 30)) as pilot:
        assert resumed.theme == "projector"
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert resumed.theme != "projector" and "default theme" in shown(resumed, "#message")


async def test_f7_and_escape_say_what_they_did(archive, clock):
    app = room(archive, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await submit_lines(pilot, "/present all", "/next", "Front end 80% done")
        await pilot.press("f7")
        await pilot.pause()
        assert "entries: e or Enter corrects" in shown(app, "#message")
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert "correction cancelled" in shown(app, "#message")


async def test_a_room_opened_days_early_says_so(archive):
    clock = FakeClock(load_agenda(ROOM_AGENDA).start.subtract(days=3))
    app = room(archive, clock)
    async with app.run_test(size=(100, 30)):
        assert "planned for Mon 2 Mar 2026, 10:00: opened early" in shown(app, "#message")
        assert "Planned for Mon 2 Mar 2026, 10:00" in shown(app, "#opening")


async def test_the_slash_list_shows_each_command_once_with_what_it_does(archive, clock):
    app = room(archive, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await type_text(pilot, "/")
        await pilot.pause()
        menu = app.screen.query_one("#completion")
        options = menu.option_list
        lines = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert lines[0].split() == ["/next", "next", "topic"]
        assert len(lines) == len({line.split()[0] for line in lines}) == 22
        # Enter without moving into the list records the line as typed: "/" is a point.
        await pilot.press("enter")
        await pilot.pause()
        assert app.meeting.state.entries[-1].entry.text == "/"


async def test_the_briefer_is_called_when_an_absent_owners_topic_starts(archive, clock):
    app = room(archive, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await submit_lines(pilot, "/absent @Li @Ana", "/present all")
        await pilot.press("f2")
        await pilot.pause()
        assert "Ana reports for Li (absent)" in shown(app, "#message")
        assert "(reports for Li)" in shown(app, "#speakers")


async def test_every_key_of_a_running_topic_says_what_it_did(archive, clock):
    app = room(archive, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await submit_lines(pilot, "/present all", "/next", "/speak @Marta", "a point")
        for key, said in (
            ("f3", "paused"),
            ("f3", "resumed"),
            ("f4", "extended by 5 min"),
            ("f6", "Marta speaks"),
            ("f9", "undone: Marta speaking"),
            ("ctrl+t", "projector theme"),
            ("f5", "skipped: R&D progress and risks"),
        ):
            await pilot.press(key)
            await pilot.pause()
            assert said in shown(app, "#message"), (key, shown(app, "#message"))
