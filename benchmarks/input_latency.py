"""Enter -> durable, domain only: LiveMeeting.submit of a line until its event is committed.

No terminal and no screen: what the journal adds to a keypress. The whole
path, keypress to entry drawn in a real pty, is ``benchmarks/typing_latency.py``.

2,000 lines of the kinds a recorder types, against a bare SQLite commit of a
row of the same size on a file with the same settings (WAL, synchronous=FULL).
"""

from __future__ import annotations

import sqlite3
import tempfile
import time
from pathlib import Path

from benchmarks.common import Figure, percentile
from facilitator.app.live import LiveMeeting
from facilitator.core.clock import FakeClock
from facilitator.planning.demo import demo_agenda
from store.archive import Archive

ENTRIES = 2000
LINES = (
    "Front end is 80% done, back end at 60%",
    "d: ship on 20 Sept",
    "a: @Li submit the test form by 8/20",
    "u: @Legal compliance opinion in 3 workdays",
    "x: R&D: longer tests | Marketing: keep the date",
    "任务：@Wang 9月10日前提交培训需求",
)


def _bare(path: Path, payload: str) -> list[float]:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("CREATE TABLE journal (seq INTEGER PRIMARY KEY, at TEXT, kind TEXT, payload TEXT)")
    times = []
    for _ in range(ENTRIES):
        began = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(
            "INSERT INTO journal (at, kind, payload) VALUES (?, ?, ?)",
            ("2026-03-02T09:00:00+00:00", "entry_captured", payload),
        )
        conn.execute("COMMIT")
        times.append((time.perf_counter() - began) * 1000)
    conn.close()
    return times


def run() -> list[Figure]:
    folder = Path(tempfile.mkdtemp(prefix="facilitator-bench-"))
    clock = FakeClock()
    archive = Archive.open(folder / "archive.db")
    meeting = LiveMeeting(archive.create_meeting(demo_agenda(clock.now()), clock.now()), clock)
    meeting.open()
    meeting.submit("/next")
    times = []
    for index in range(ENTRIES):
        clock.advance(seconds=3)
        line = LINES[index % len(LINES)]
        began = time.perf_counter()
        outcome = meeting.submit(line)
        times.append((time.perf_counter() - began) * 1000)
        assert outcome.accepted, line
    payload = archive.conn.execute(
        "SELECT payload FROM journal WHERE kind = 'entry_captured' LIMIT 1"
    ).fetchone()[0]
    archive.close()
    bare = _bare(folder / "bare.db", payload)
    p50, p99 = percentile(times, 0.5), percentile(times, 0.99)
    bare50, bare99 = percentile(bare, 0.5), percentile(bare, 0.99)
    return [
        Figure(
            "Enter -> durable, p50 (domain only)", p50, "ms", bare50, "bare commit p50", "-", True
        ),
        Figure(
            "Enter -> durable, p99 (domain only)",
            p99,
            "ms",
            bare99,
            "bare commit p99",
            "< 10 ms",
            p99 < 10,
            f"{ENTRIES} entries; last 100 p50 {percentile(times[-100:], 0.5):.2f} ms",
        ),
    ]
