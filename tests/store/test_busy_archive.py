"""Another program holds the archive: the room keeps taking lines, writes them
in order once it can, and never waits longer than the busy timeout per try."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from facilitator.app.live import LiveMeeting, Outcome
from facilitator.app.outbox import Outbox, Pending
from facilitator.core.clock import FakeClock
from facilitator.meeting.journal import JournalUnavailable
from facilitator.planning.demo import demo_agenda
from store.archive import Archive
from tests.support import enter_line, room_app, submit_lines


@contextmanager
def held(path: Path) -> Iterator[sqlite3.Connection]:
    """Another program's write transaction on the archive, until the block ends."""
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    try:
        yield other
    finally:
        other.execute("COMMIT")
        other.close()


def test_a_held_lock_is_waited_for_once_not_once_per_retry(db_path: Path, clock) -> None:
    with Archive.open(db_path, busy_timeout_ms=400) as archive:
        journal = archive.create_meeting(demo_agenda(clock.now()), clock.now())
        with held(db_path):
            began = time.monotonic()
            with pytest.raises(JournalUnavailable):
                journal.append([])
            waited = time.monotonic() - began
    # Five retries of the whole timeout once made this 5 x 400 ms (and 51 s in the room).
    assert waited < 1.6


def test_without_waiting_a_busy_archive_answers_at_once_and_writes_nothing(
    meeting: LiveMeeting, db_path: Path
) -> None:
    with held(db_path):
        outcome = meeting.submit("Budget approved", wait=False)
    assert outcome.busy and not outcome.accepted
    assert meeting.state.entries == ()


def _typed(text: str):
    return lambda m, at, wait: m.submit(text, at=at, wait=wait)


def test_lines_typed_while_the_archive_is_held_are_written_in_order_after(
    meeting: LiveMeeting, db_path: Path, clock: FakeClock
) -> None:
    delivered: list[tuple[str, Outcome]] = []
    done = threading.Event()

    def deliver(pending: Pending, outcome: Outcome) -> None:
        delivered.append((pending.label, outcome))
        if len(delivered) == 3:
            done.set()

    outbox = Outbox(meeting, deliver, retry_seconds=0.05)
    with held(db_path):
        for text in ("one", "d: two", "three"):
            assert outbox.put(Pending(text, clock.now(), _typed(text), line=text)) is None
            clock.advance(seconds=5)
        assert [p.label for p in outbox.waiting] == ["one", "d: two", "three"]
    assert done.wait(30)
    assert [label for label, _ in delivered] == ["one", "d: two", "three"]
    assert all(outcome.accepted for _, outcome in delivered)
    meeting.sync()
    entries = meeting.state.entries
    assert [(c.entry.kind, c.entry.text) for c in entries] == [
        ("point", "one"),
        ("decision", "two"),
        ("point", "three"),
    ]
    # Each keeps the moment it was typed, not the moment it could be written.
    assert [c.at for c in entries] == sorted(c.at for c in entries)
    assert entries[1].at.diff(entries[0].at).in_seconds() == 5
    assert outbox.waiting == ()


async def test_the_room_shows_lines_waiting_for_a_busy_archive_then_records_them(
    archive: Archive, clock: FakeClock, db_path: Path
) -> None:
    app = room_app(archive, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        room = app.screen
        with held(db_path):
            await enter_line(pilot, "Budget approved")
            await enter_line(pilot, "d: go live 1 Dec")
            assert app.meeting.state.entries == ()
            assert [p.label for p in room.outbox.waiting] == ["Budget approved", "d: go live 1 Dec"]
            entries = room.query_one("#entries")
            shown = [
                str(entries.get_option_at_index(i).prompt) for i in range(entries.option_count)
            ]
            assert any("go live 1 Dec" in s and "not yet written" in s for s in shown)
            assert "is busy" in str(room.query_one("#message").render())
            assert room.query_one("#line").value == ""  # the line is free for the next one
        for _ in range(300):
            await pilot.pause(0.05)
            if len(app.meeting.state.entries) == 2:
                break
        assert [(c.entry.kind, c.entry.text) for c in app.meeting.state.entries] == [
            ("point", "Budget approved"),
            ("decision", "go live 1 Dec"),
        ]


async def test_a_full_disk_keeps_every_line_typed_and_says_so(
    archive: Archive, clock: FakeClock
) -> None:
    app = room_app(archive, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        room = app.screen
        conn = app.meeting.journal.archive.conn
        (pages,) = conn.execute("PRAGMA page_count").fetchone()
        # SQLite's own "database or disk is full", as on a full disk: the file
        # may not grow by a page more.
        conn.execute(f"PRAGMA max_page_count = {pages}")
        await submit_lines(pilot, "x" * 3000, "d: " + "y" * 3000)
        assert app.meeting.state.entries == ()
        assert len(room.outbox.waiting) == 2
        assert "the disk is full" in str(room.query_one("#message").render())
        conn.execute("PRAGMA max_page_count = 1073741823")  # space again
        for _ in range(300):
            await pilot.pause(0.05)
            if len(app.meeting.state.entries) == 2:
                break
        assert [c.entry.kind for c in app.meeting.state.entries] == ["point", "decision"]
