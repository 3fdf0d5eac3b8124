"""Reopening a long meeting: Archive.open + LiveMeeting until its state is ready.

A meeting of 5,000 events (topics, speakers, pauses, notes, decisions,
tasks, retractions), against reading the same rows with a bare SELECT.
"""

from __future__ import annotations

import sqlite3
import tempfile
import time
from pathlib import Path

from benchmarks.common import Figure, median
from facilitator.app.live import LiveMeeting
from facilitator.core.clock import FakeClock
from facilitator.planning.demo import demo_agenda
from store.archive import Archive

EVENTS = 5000
RUNS = 9
CYCLE = (
    "/speak @Marta",
    "Front end is 80% done, back end at 60%",
    "d: ship on 20 Sept",
    "/done",
    "a: @Li submit the test form by 8/20",
    "/pause",
    "/resume",
    "u: @Legal compliance opinion in 3 workdays",
    "/speak @Wang",
    "x: R&D: longer tests | Marketing: keep the date",
    "/extend 1",
    "/retract 1",
    "/done",
)


def build(path: Path) -> int:
    """A meeting of ``EVENTS`` events; returns its id."""
    clock = FakeClock()
    archive = Archive.open(path)
    archive.conn.execute("PRAGMA synchronous = OFF")  # only to build it quickly
    meeting = LiveMeeting(archive.create_meeting(demo_agenda(clock.now()), clock.now()), clock)
    meeting.open()
    meeting.submit("/next")
    index = 0
    while meeting.state.last_seq < EVENTS:
        clock.advance(seconds=4)
        meeting.submit(CYCLE[index % len(CYCLE)])
        index += 1
        if index % 400 == 0:
            meeting.submit("/back" if index % 800 == 0 else "/next")
    count = archive.conn.execute(
        "SELECT count(*) FROM journal WHERE meeting_id = ?", (meeting.meeting_id,)
    ).fetchone()[0]
    assert count >= EVENTS, count
    archive.close()
    return meeting.meeting_id


def _reopen(path: Path, meeting_id: int) -> float:
    began = time.perf_counter()
    archive = Archive.open(path)
    live = LiveMeeting(archive.journal(meeting_id), FakeClock())
    state = live.state
    state.projected_end(live.clock.now())
    elapsed = (time.perf_counter() - began) * 1000
    archive.close()
    return elapsed


def _bare(path: Path, meeting_id: int) -> float:
    began = time.perf_counter()
    conn = sqlite3.connect(path)
    rows = conn.execute(
        "SELECT seq, at, kind, payload, grp FROM journal WHERE meeting_id = ? ORDER BY seq",
        (meeting_id,),
    ).fetchall()
    elapsed = (time.perf_counter() - began) * 1000
    conn.close()
    assert len(rows) >= EVENTS
    return elapsed


def run() -> list[Figure]:
    path = Path(tempfile.mkdtemp(prefix="facilitator-bench-")) / "archive.db"
    meeting_id = build(path)
    ours = [_reopen(path, meeting_id) for _ in range(RUNS)]
    bare = [_bare(path, meeting_id) for _ in range(RUNS)]
    value = median(ours)
    return [
        Figure(
            f"reopen a {EVENTS:,}-event meeting (domain only)",
            value,
            "ms",
            median(bare),
            "bare SELECT of its rows",
            "< 150 ms",
            value < 150,
            f"median of {RUNS}; slowest {max(ours):.0f} ms",
        )
    ]
