"""A second screen follows the room that another process runs on the same archive."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

from click.testing import CliRunner

from facilitator.app.follower import Follower
from facilitator.app.live import LiveMeeting
from facilitator.app.settings import Settings
from facilitator.cli.main import main
from facilitator.core.clock import FakeClock, SystemClock
from facilitator.meeting.events import Event
from facilitator.meeting.journal import JournalUnavailable
from facilitator.planning.agenda_file import load_agenda
from facilitator.planning.demo import demo_agenda
from screens.follow import FollowApp, FollowScreen
from store.archive import Archive
from tests.support import type_lines

ROOM = textwrap.dedent(
    """
    import sys
    from facilitator.app.live import LiveMeeting
    from store.archive import Archive

    # A room in its own process: one line from stdin, one journal write, "ok".
    with Archive.open(sys.argv[1]) as archive:
        meeting = LiveMeeting(archive.journal(int(sys.argv[2])))
        meeting.open()
        for line in sys.stdin:
            line = line.rstrip("\\n")
            if line == "/close":
                meeting.close()
            else:
                assert meeting.submit(line).accepted, line
            print("ok", flush=True)
    """
)


class Room:
    """The room, run by another process on the same archive file."""

    def __init__(self, db: Path, meeting_id: int) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", ROOM, str(db), str(meeting_id)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def type(self, line: str) -> None:
        assert self.process.stdin and self.process.stdout
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()
        assert self.process.stdout.readline().strip() == "ok"

    def leave(self) -> None:
        assert self.process.stdin
        self.process.stdin.close()
        assert self.process.wait(timeout=30) == 0


def follower_on(db: Path, meeting_id: int) -> tuple[Archive, Follower]:
    from facilitator.cli.follow import make_follower, open_read_only

    archive = open_read_only(Settings(db=db, clock=SystemClock()))
    return archive, make_follower(archive, meeting_id, Settings(db=db, clock=SystemClock()))


async def until(pilot, condition: Callable[[], bool], tries: int = 200) -> None:
    """Let the view poll until ``condition`` holds (bounded; no timing asserted)."""
    for _ in range(tries):
        if condition():
            return
        await pilot.pause(0.05)
    raise AssertionError("the follow view never caught up with the room")


def shown(app: FollowApp, selector: str) -> str:
    return str(app.screen.query_one(selector).render())


def summary(app: FollowApp) -> str:
    """Every section of the closing summary, as text."""
    return "\n".join(str(section.render()) for section in app.screen.query(".summary-section"))


async def test_follow_view_tracks_a_room_in_another_process_across_a_restart(db_path: Path):
    with Archive.open(db_path) as archive:
        meeting_id = archive.create_meeting(
            demo_agenda(SystemClock().now()), SystemClock().now()
        ).meeting_id
    archive, follower = follower_on(db_path, meeting_id)
    app = FollowApp(follower)
    room = Room(db_path, meeting_id)
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            room.type("/next")
            await until(pilot, lambda: "R&D progress and risks" in shown(app, "#topic-title"))
            room.type("d: go live on 20 Sept")
            await until(pilot, lambda: "go live on 20 Sept" in shown(app, "#follow-decisions"))
            # The room's terminal closes and opens again: the follower carries on.
            room.leave()
            room = Room(db_path, meeting_id)
            room.type("/speak @Marta")
            room.type("/next")
            await until(pilot, lambda: "Launch campaign plan" in shown(app, "#topic-title"))
            room.type("a: @Li training build by 9/10")
            await until(pilot, lambda: "training build" in shown(app, "#follow-entries"))
            with Archive.open(db_path) as reader:
                assert follower.state == reader.state(meeting_id)
            room.type("/close")
            await until(pilot, lambda: app.screen.has_class("-closed"))
            closing = summary(app)
            assert "go live on 20 Sept" in closing and "training build — Li" in closing
            await pilot.press("q")
        assert app.return_value is not None
        assert app.return_value.decisions == [("R&D progress and risks", "go live on 20 Sept")]
    finally:
        room.leave()
        # The follow view wrote nothing, and SQLite would have refused it anyway.
        assert archive.conn.total_changes == 0
        assert archive.conn.execute("PRAGMA query_only").fetchone()[0] == 1
        archive.close()


async def test_follow_view_waits_for_the_room_then_shows_the_countdown(db_path: Path):
    clock = FakeClock()
    with Archive.open(db_path) as archive:
        journal = archive.create_meeting(demo_agenda(clock.now()), clock.now())
        follower = Follower(journal, clock, archive.data_version)
        app = FollowApp(follower)
        async with app.run_test(size=(100, 30)) as pilot:
            assert "Waiting for the room" in shown(app, "#topic-status")
            assert shown(app, "#follow-entries") == "Nothing captured yet."
            other = Archive.open(archive.path)
            room = LiveMeeting(other.journal(journal.meeting_id), clock)
            type_lines(room, "/next")
            clock.advance(minutes=16)
            await until(pilot, lambda: "R&D" in shown(app, "#topic-title"))
            await until(pilot, lambda: app.screen.query_one("#clock").value == "+01:00")
            assert app.screen.query_one("#clock").has_class("-overrun")
            type_lines(room, "d: ship on Friday")
            await until(pilot, lambda: "ship on Friday" in shown(app, "#follow-decisions"))
            type_lines(room, "/undo")
            await until(pilot, lambda: "ship on Friday" not in shown(app, "#follow-decisions"))
            other.close()


async def test_following_a_closed_meeting_opens_on_its_summary(meeting: LiveMeeting, archive):
    type_lines(meeting, "/next", "d: ship it")
    meeting.close()
    follower = Follower(archive.journal(meeting.meeting_id), meeting.clock, archive.data_version)
    app = FollowApp(follower)
    async with app.run_test(size=(80, 24)):
        assert isinstance(app.screen, FollowScreen)
        assert app.screen.has_class("-closed")
        assert "ship it" in summary(app)


def test_a_busy_journal_is_read_again_at_the_next_poll(meeting: LiveMeeting, archive):
    class Busy:
        """The real journal, answering "busy" once (as during a checkpoint)."""

        def __init__(self) -> None:
            self.journal = archive.journal(meeting.meeting_id)
            self.meeting_id = meeting.meeting_id
            self.busy = False

        def read(self, after: int = 0) -> list[Event]:
            if self.busy:
                self.busy = False
                raise JournalUnavailable("database is locked")
            return self.journal.read(after)

    reader = Busy()
    versions = iter(range(100))
    follower = Follower(reader, meeting.clock, lambda: next(versions))
    type_lines(meeting, "/next")
    reader.busy = True
    assert follower.poll() is False
    assert follower.poll() is True
    assert follower.state.current == "t1"


def test_follow_without_an_open_meeting_says_so(db_path: Path):
    Archive.open(db_path).close()
    result = CliRunner().invoke(main, ["--db", str(db_path), "follow"])
    assert result.exit_code == 2
    assert "no meeting to follow" in result.output


def test_follow_on_a_missing_archive_creates_nothing(tmp_path: Path):
    missing = tmp_path / "nothing.db"
    result = CliRunner().invoke(main, ["--db", str(missing), "follow"])
    assert result.exit_code == 2
    assert not missing.exists()


def test_follow_an_unknown_meeting_names_it(meeting: LiveMeeting, db_path: Path):
    result = CliRunner().invoke(main, ["--db", str(db_path), "follow", "budget"])
    assert result.exit_code == 2
    assert "no meeting matches 'budget'" in result.output


async def test_the_newest_entry_is_always_in_sight(meeting: LiveMeeting, archive):
    follower = Follower(archive.journal(meeting.meeting_id), meeting.clock, archive.data_version)
    app = FollowApp(follower)
    async with app.run_test(size=(80, 24)) as pilot:
        other = Archive.open(archive.path)
        room = LiveMeeting(other.journal(meeting.meeting_id), meeting.clock)
        type_lines(room, "/next", *[f"point number {n}" for n in range(1, 9)])
        type_lines(room, *[f"d: verdict {n}" for n in range(1, 7)], "d: Zebrafinch")
        type_lines(room, "a: @Li Hummingbird by 9/10")
        await until(pilot, lambda: "Hummingbird" in shown(app, "#follow-entries"))
        await pilot.pause()
        screen = app.export_screenshot()
        assert "Hummingbird" in screen and "Zebrafinch" in screen
        assert "number&#160;1<" not in screen
        other.close()


def visible(app: FollowApp, selector: str) -> bool:
    """On screen, whole: inside the terminal and not cut off by its container."""
    widget = app.screen.query_one(selector)
    region = widget.region
    return bool(region.height) and app.screen.region.contains_region(region)


def test_the_audience_reads_what_the_room_is_doing_not_the_hosts_keys(meeting: LiveMeeting):
    from facilitator.app.follower import audience_status

    clock = meeting.clock
    assert audience_status(meeting.state, clock.now()) == (
        "Waiting for the room to start the meeting."
    )
    type_lines(meeting, "/next")
    assert audience_status(meeting.state, clock.now()) == "planned 15 min"
    type_lines(meeting, "/pause")
    assert audience_status(meeting.state, clock.now()) == "Paused"
    type_lines(meeting, "/resume")
    clock.advance(minutes=16)
    status = audience_status(meeting.state, clock.now())
    assert status.startswith("Over time") and "F4" not in status
    type_lines(meeting, "/next", "/back")
    meeting.close()
    assert audience_status(meeting.state, clock.now()) == "The meeting is closed."


async def test_countdown_and_status_are_in_sight_on_every_projector_size(
    meeting: LiveMeeting, archive
):
    type_lines(meeting, "/next", "/speak @Marta")
    for size in ((80, 24), (100, 30), (160, 45)):
        app = FollowApp(Follower(archive.journal(meeting.meeting_id), meeting.clock))
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            big = app.screen.query_one("#big-countdown")
            assert visible(app, "#big-countdown") and big.size.height >= 5, size
            assert visible(app, "#topic-status") and visible(app, "#speakers"), size
            assert "planned 15 min" in shown(app, "#topic-status")
            # The clock does not overlap the speakers: they come below it.
            assert app.screen.query_one("#speakers").region.y >= big.region.bottom
            if size == (100, 30):
                # Twice the height of the room's smallest block clock: rows were free.
                assert big.size.height == 10


async def test_a_long_closing_summary_says_what_is_below_the_fold(meeting: LiveMeeting, archive):
    type_lines(meeting, "/next", *[f"d: decision {n}" for n in range(1, 21)])
    type_lines(meeting, "x: R&D: longer tests | Sales: keep the date", "a: @Li flyers by 9/10")
    meeting.close()
    app = FollowApp(Follower(archive.journal(meeting.meeting_id), meeting.clock))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        more = shown(app, "#summary-more")
        assert "more below" in more and "Tasks (1)" in more
        assert "R&D: longer tests | Sales: keep the date" in summary(app)
        await pilot.press("end")
        await pilot.pause()
        assert app.screen.query_one("#summary-more").has_class("-hidden")


async def test_the_chinese_follow_view_speaks_chinese_to_the_end(db_path: Path):
    from facilitator.core.i18n import set_language
    from tests.support import ROOM_AGENDA_ZH

    set_language("zh")
    agenda = load_agenda(ROOM_AGENDA_ZH)
    clock = FakeClock(agenda.start)
    with Archive.open(db_path) as archive:
        room = LiveMeeting(archive.create_meeting(agenda, clock.now()), clock)
        type_lines(room, "/next", "争议: 研发部: 需延长测试周期 | 市场部: 担心影响推广节奏")
        type_lines(room, "任务: @王强 提交测试资源申请表 11月30日")
        follower = Follower(archive.journal(room.meeting_id), clock)
        app = FollowApp(follower)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            screen = app.export_screenshot()
            assert "命令" in screen and "palette" not in screen
            # Too narrow for the whole date: the hours and the zone, never cut mid-date.
            when = shown(app, "#follow-when")
            assert when == "10:00–10:45（北京时间）"
            room.close()
            follower.poll()
            app.screen.refresh_view()
            await pilot.pause()
            closing = summary(app)
        assert "研发部：需延长测试周期 | 市场部：担心影响推广节奏" in closing
        assert "提交测试资源申请表 — 王强，2026年11月30日 星期一" in closing
        assert "争议（1）" in closing
