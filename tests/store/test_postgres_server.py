"""What only a server does: drop the connection, go down, lose a commit's answer.

The room keeps every line typed while the server is gone ("not yet written",
with the reason), writes them in order once it answers, and never writes one
twice, even when the link dropped just as the server committed it. Runs on a
real PostgreSQL server (tests/support.py ``PostgresServer``).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest

from facilitator.app.live import LiveMeeting, Outcome
from facilitator.app.outbox import Outbox, Pending
from facilitator.core.clock import FakeClock
from facilitator.meeting.events import EntryCaptured
from facilitator.planning.demo import demo_agenda
from store.archive import Archive
from store.errors import ArchiveError
from tests.support import (
    NO_POSTGRES,
    CuttingProxy,
    PostgresServer,
    enter_line,
    postgres_binaries,
    room_app,
)


def _captured(url: str, meeting_id: int) -> list[str]:
    with Archive.open(url, read_only=True) as archive:
        events = archive.journal(meeting_id).read()
    return [e.entry.raw for e in events if isinstance(e, EntryCaptured)]


def _drop_connections(postgres: PostgresServer, url: str) -> int:
    """The server ends every session of ours on this database (as a restart, a
    failover or an administrator would)."""
    database = url.rsplit("/", 1)[1]
    ours = (
        f"FROM pg_stat_activity WHERE application_name = 'facilitator' AND datname = '{database}'"
    )
    rows = postgres.sql(postgres.url(), f"SELECT count(pg_terminate_backend(pid)) {ours}")
    # pg_terminate_backend only signals: wait until the sessions are gone, or a line
    # written at once could still reach a session about to end (CI saw it pass).
    deadline = time.monotonic() + 30
    while postgres.sql(postgres.url(), f"SELECT count(*) {ours}")[0][0]:
        assert time.monotonic() < deadline, "the server did not end the sessions"
        time.sleep(0.02)
    return int(rows[0][0])


def _typed(text: str):  # type: ignore[no-untyped-def]
    return lambda m, at, wait: m.submit(text, at=at, wait=wait)


class _Delivered:
    """What the outbox wrote late, in order, and a way to wait for all of it."""

    def __init__(self, expected: int) -> None:
        self.outcomes: list[tuple[str, Outcome]] = []
        self.expected = expected
        self.done = threading.Event()

    def __call__(self, pending: Pending, outcome: Outcome) -> None:
        self.outcomes.append((pending.label, outcome))
        if len(self.outcomes) == self.expected:
            self.done.set()


def test_a_connection_dropped_between_lines_loses_nothing(
    postgres: PostgresServer, pg_url: str, clock: FakeClock
) -> None:
    with Archive.open(pg_url) as archive:
        meeting = LiveMeeting(archive.create_meeting(demo_agenda(clock.now()), clock.now()), clock)
        assert meeting.submit("/next").accepted
        assert _drop_connections(postgres, pg_url) >= 1
        delivered = _Delivered(3)
        outbox = Outbox(meeting, delivered, retry_seconds=0.05)
        immediate = []
        for text in ("one", "d: two", "three"):
            outcome = outbox.put(Pending(text, clock.now(), _typed(text), line=text))
            immediate.append(outcome)
            clock.advance(seconds=5)
        # The first write finds the connection gone: it and every line after it wait.
        assert immediate[0] is None and "not answering" in outbox.reason
        assert delivered.done.wait(20)
        assert [label for label, _ in delivered.outcomes] == ["one", "d: two", "three"]
        assert all(outcome.accepted for _, outcome in delivered.outcomes)
        assert _captured(pg_url, meeting.meeting_id) == ["one", "d: two", "three"]


@pytest.fixture
def own_server() -> Iterator[PostgresServer]:
    """A server this test may stop and start (others keep theirs)."""
    binaries = postgres_binaries()
    if binaries is None:
        pytest.skip(NO_POSTGRES)
    server = PostgresServer(binaries)
    yield server
    server.stop()


def test_lines_typed_while_the_server_is_down_are_written_in_order_when_it_is_back(
    own_server: PostgresServer, clock: FakeClock
) -> None:
    url = own_server.new_database()
    with Archive.open(url) as archive:
        meeting = LiveMeeting(archive.create_meeting(demo_agenda(clock.now()), clock.now()), clock)
        assert meeting.submit("/next").accepted
        own_server._run("pg_ctl", "-D", str(own_server.data), "-m", "fast", "-w", "stop")
        delivered = _Delivered(3)
        outbox = Outbox(meeting, delivered, retry_seconds=0.05)
        for text in ("one", "d: two", "a: @Li three by 9/1"):
            assert outbox.put(Pending(text, clock.now(), _typed(text), line=text)) is None
            clock.advance(seconds=5)
        assert not delivered.done.wait(1.5)
        assert [p.label for p in outbox.waiting] == ["one", "d: two", "a: @Li three by 9/1"]
        assert "not answering" in outbox.reason
        log = str(own_server.root / "log")
        own_server._run("pg_ctl", "-D", str(own_server.data), "-l", log, "-w", "start")
        assert delivered.done.wait(30)
        assert outbox.waiting == ()
    assert _captured(url, meeting.meeting_id) == ["one", "d: two", "a: @Li three by 9/1"]
    state = Archive.open(url, read_only=True).state(meeting.meeting_id)
    entries = state.entries
    assert [c.number for c in entries] == [1, 2, 3]
    # Each keeps the moment it was typed, not the moment it could be written.
    assert entries[2].at.diff(entries[0].at).in_seconds() == 10


@pytest.mark.parametrize("cut", ["answer", "commit"])
def test_a_line_whose_commit_answer_is_lost_is_written_exactly_once(
    postgres: PostgresServer, pg_url: str, clock: FakeClock, cut: str
) -> None:
    proxy = CuttingProxy(postgres.port)
    try:
        with Archive.open(proxy.url(pg_url)) as archive:
            journal = archive.create_meeting(demo_agenda(clock.now()), clock.now())
            meeting = LiveMeeting(journal, clock)
            assert meeting.submit("/next").accepted
            proxy.cut = cut
            outcome = meeting.submit("d: ship on 20 Sept", wait=True)
            assert proxy.cuts == 1
            attempts = 1
            while not outcome.accepted:  # as the room's writer retries a waiting line
                assert outcome.busy and attempts < 50, outcome
                outcome = meeting.submit("d: ship on 20 Sept", wait=True)
                attempts += 1
            assert meeting.submit("after it").accepted
        assert _captured(pg_url, journal.meeting_id) == ["d: ship on 20 Sept", "after it"]
    finally:
        proxy.close()


async def test_the_room_says_the_server_is_not_answering_and_writes_the_line_after(
    postgres: PostgresServer, pg_url: str, clock: FakeClock
) -> None:
    with Archive.open(pg_url) as archive:
        app = room_app(archive, clock)
        async with app.run_test(size=(120, 40)) as pilot:
            room = app.screen
            _drop_connections(postgres, pg_url)
            await enter_line(pilot, "d: go live 1 Dec")
            for _ in range(200):
                await pilot.pause(0.05)
                if app.meeting.state.entries:
                    break
            assert [(c.entry.kind, c.entry.text) for c in app.meeting.state.entries] == [
                ("decision", "go live 1 Dec")
            ]
            assert room.query_one("#line").value == ""


def test_an_unreachable_server_is_one_clear_error(postgres: PostgresServer) -> None:
    with pytest.raises(ArchiveError, match="cannot reach the archive server"):
        Archive.open(f"postgresql://postgres@127.0.0.1:{postgres.port}/no_such_database")
    port = CuttingProxy(postgres.port)  # a port nobody serves once closed
    port.close()
    with pytest.raises(ArchiveError, match="cannot reach"):
        Archive.open(f"postgresql://postgres:secret@127.0.0.1:{port.port}/x")


def test_an_empty_database_is_an_archive_only_for_the_commands_that_start_one(
    pg_url: str,
) -> None:
    for how in ({"read_only": True}, {"create": False}):
        with pytest.raises(ArchiveError, match="no Facilitator archive yet"):
            Archive.open(pg_url, **how)
    Archive.open(pg_url, create=True).close()
    Archive.open(pg_url, read_only=True).close()


def test_another_programs_database_is_left_alone(postgres: PostgresServer, pg_url: str) -> None:
    postgres.sql(pg_url, "CREATE TABLE invoices (id int)")
    with pytest.raises(ArchiveError, match="another program"):
        Archive.open(pg_url)
    tables = postgres.sql(
        pg_url, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
    )
    assert tables == [("invoices",)]


async def test_while_the_server_is_down_the_room_shows_the_line_waiting_and_why(
    own_server: PostgresServer, clock: FakeClock
) -> None:
    url = own_server.new_database()
    with Archive.open(url) as archive:
        app = room_app(archive, clock)
        async with app.run_test(size=(120, 40)) as pilot:
            room = app.screen
            own_server._run("pg_ctl", "-D", str(own_server.data), "-m", "fast", "-w", "stop")
            await enter_line(pilot, "d: go live 1 Dec")
            for _ in range(100):
                await pilot.pause(0.05)
                if "not answering" in str(room.query_one("#message").render()):
                    break
            assert "not answering" in str(room.query_one("#message").render())
            entries = room.query_one("#entries")
            shown = [
                str(entries.get_option_at_index(i).prompt) for i in range(entries.option_count)
            ]
            assert any("go live 1 Dec" in s and "not yet written" in s for s in shown)
            assert app.meeting.state.entries == ()
            log = str(own_server.root / "log")
            own_server._run("pg_ctl", "-D", str(own_server.data), "-l", log, "-w", "start")
            for _ in range(300):
                await pilot.pause(0.05)
                if app.meeting.state.entries:
                    break
            assert [c.entry.text for c in app.meeting.state.entries] == ["go live 1 Dec"]
            assert room.outbox.waiting == ()


def test_two_rooms_creating_meetings_in_a_new_zone_at_once_both_start(pg_url: str) -> None:
    """Each new meeting writes its zone's offsets (zone_offsets) if they are missing:
    on a server two rooms may both find them missing; the second must not fail."""
    import pendulum

    from store.views import add_zone

    start = pendulum.datetime(2026, 3, 2, 9, tz="Asia/Kolkata")
    zone = demo_agenda(start).timezone
    failures: list[BaseException] = []
    with Archive.open(pg_url) as first, Archive.open(pg_url) as second:

        def second_room() -> None:
            try:
                second.create_meeting(demo_agenda(start), start)
            except BaseException as exc:  # the test reports it
                failures.append(exc)

        with first.transaction() as conn:
            add_zone(conn, zone)  # the first room's meeting, not yet committed
            other = threading.Thread(target=second_room)
            other.start()
            other.join(timeout=0.5)  # the second room meets the first's rows and waits
        other.join(timeout=10)
        assert not other.is_alive() and failures == []
        assert len(second.meetings()) == 1
