"""Fifty rooms writing one archive at once: events lost, and Enter to durable.

Fifty processes, each a room with a meeting of its own (a LiveMeeting and the
room's outbox, exactly as the screen writes: at once if the archive takes the
line, else in order from the writer thread), each typing 200 lines at a brisk
pace (a line every ~100 ms, jittered: ten times a fast recorder). Enter to
durable is from the moment a line is handed to the outbox to the moment its
write was committed (acknowledged means on disk: the benchmark's server runs
with fsync on). Afterwards every meeting's journal is read back: each line
typed must be there exactly once, in order.

The same run on one PostgreSQL archive (a server of its own on loopback) and
on one SQLite file; each beside a bare commit of one row by one writer on the
same engine (what the engine alone costs).
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from benchmarks.common import Figure, percentile

ROOMS = 50
EVENTS = 200
PACE = 0.25


# -- one room, in its own process --------------------------------------------------------


def room(location: str, index: int, events: int, pace: float) -> None:
    """Run one room: create its meeting, wait for "go", type, report latencies as JSON."""
    import pendulum

    from facilitator.app.live import LiveMeeting, Outcome
    from facilitator.app.outbox import Outbox, Pending
    from facilitator.app.settings import location_of
    from facilitator.core.clock import SystemClock
    from facilitator.planning.demo import demo_agenda
    from store.archive import Archive

    start = pendulum.datetime(2026, 3, 2, 8, tz="UTC").add(hours=index)
    archive = Archive.open(location_of(location))
    meeting = LiveMeeting(archive.create_meeting(demo_agenda(start), start), SystemClock())
    meeting.open()
    meeting.submit("/next")
    typed: dict[str, float] = {}
    latencies: list[float] = []
    refused: list[str] = []
    done = threading.Event()

    def deliver(pending: Pending, outcome: Outcome) -> None:
        latencies.append((time.perf_counter() - typed[pending.label]) * 1000)
        if not outcome.accepted:
            refused.append(pending.label)
        if len(latencies) == events:
            done.set()

    outbox = Outbox(meeting, deliver)
    rng = random.Random(index)
    print("READY", flush=True)
    sys.stdin.readline()
    time.sleep(rng.uniform(0, pace))
    waited = 0
    for n in range(events):
        text = f"room {index} line {n}"
        typed[text] = time.perf_counter()
        work = lambda m, at, wait, text=text: m.submit(text, at=at, wait=wait)  # noqa: E731
        outcome = outbox.put(Pending(text, meeting.clock.now(), work, line=text))
        if outcome is None:
            waited += 1
        else:
            deliver(Pending(text, meeting.clock.now(), work), outcome)
        time.sleep(pace * rng.uniform(0.5, 1.5))
    done.wait(120)
    print(json.dumps({"latencies": latencies, "waited": waited, "refused": refused}), flush=True)
    # Stay until every room has finished: a room ending (its process and its
    # server session torn down) would load the machine under the others' lines.
    sys.stdin.readline()
    outbox.stop()
    archive.close()


# -- the run -------------------------------------------------------------------------------


def _rooms(location: str) -> tuple[list[float], int, int, float]:
    """All rooms at once: (latencies in ms, lines that waited, lines refused, seconds)."""
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "benchmarks.rooms", "room", location, str(i), str(EVENTS)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for i in range(ROOMS)
    ]
    for process in processes:
        assert process.stdout is not None
        line = process.stdout.readline()
        if line != "READY\n":
            raise RuntimeError(f"a room did not start: {line}{process.stderr.read()}")  # type: ignore[union-attr]
    began = time.perf_counter()
    for process in processes:
        assert process.stdin is not None
        process.stdin.write("go\n")
        process.stdin.flush()
    latencies: list[float] = []
    waited = refused = 0
    for process in processes:
        assert process.stdout is not None
        line = process.stdout.readline()
        if not line.startswith("{"):
            raise RuntimeError(f"a room failed: {line}{process.stderr.read()}")  # type: ignore[union-attr]
        report = json.loads(line)
        latencies += report["latencies"]
        waited += report["waited"]
        refused += len(report["refused"])
    seconds = time.perf_counter() - began
    for process in processes:
        _out, err = process.communicate("exit\n", timeout=120)
        if process.returncode != 0:
            raise RuntimeError(f"a room failed: {err}")
    return latencies, waited, refused, seconds


def _lost(location: str) -> tuple[int, int]:
    """(lines missing, lines doubled or out of order) over every room's journal."""
    from facilitator.app.settings import location_of
    from facilitator.meeting.events import EntryCaptured
    from store.archive import Archive

    missing = wrong = 0
    with Archive.open(location_of(location), read_only=True) as archive:
        meetings = archive.meetings()
        if len(meetings) != ROOMS:
            raise RuntimeError(f"{len(meetings)} meetings, not {ROOMS}")
        for row in meetings:
            events = archive.journal(row.id).read()
            lines = [e.entry.raw for e in events if isinstance(e, EntryCaptured)]
            index = int(lines[0].split()[1]) if lines else -1
            expected = [f"room {index} line {n}" for n in range(EVENTS)]
            missing += len(set(expected) - set(lines))
            wrong += 0 if lines == [e for e in expected if e in lines] else 1
            wrong += len(lines) - len(set(lines))
    return missing, wrong


def _bare_commits(location: str, runs: int = 300) -> float:
    """p99 of one writer committing one journal-sized row at a time, nothing else."""
    payload = json.dumps({"text": "x" * 80})
    times = []
    if location.startswith("postgresql://"):
        import psycopg

        with psycopg.connect(location, autocommit=True) as conn:
            conn.execute("CREATE TABLE bare (id bigserial PRIMARY KEY, payload text)")
            for _ in range(runs):
                began = time.perf_counter()
                with conn.transaction():
                    conn.execute("INSERT INTO bare (payload) VALUES (%s)", (payload,))
                times.append((time.perf_counter() - began) * 1000)
            conn.execute("DROP TABLE bare")
    else:
        import sqlite3

        conn = sqlite3.connect(location, isolation_level=None)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("CREATE TABLE bare (id INTEGER PRIMARY KEY, payload TEXT)")
        for _ in range(runs):
            began = time.perf_counter()
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("INSERT INTO bare (payload) VALUES (?)", (payload,))
            conn.execute("COMMIT")
            times.append((time.perf_counter() - began) * 1000)
        conn.close()
    return percentile(times, 0.99)


def _engine(name: str, location: str, bare_location: str) -> list[Figure]:
    from store.archive import Archive

    Archive.open(location).close()
    bare = _bare_commits(bare_location)
    latencies, waited, refused, seconds = _rooms(location)
    missing, wrong = _lost(location)
    p99 = percentile(latencies, 0.99)
    typed = ROOMS * EVENTS
    lost = missing + wrong + refused
    return [
        Figure(
            f"{ROOMS} rooms on one {name} archive: events lost or doubled",
            lost,
            "events",
            typed,
            "events typed",
            "0",
            lost == 0,
            f"{missing} missing, {wrong} doubled or out of order, {refused} refused, "
            f"of {typed:,} typed in {seconds:.0f} s",
        ),
        Figure(
            f"{ROOMS} rooms on one {name} archive: p99 Enter to durable",
            p99,
            "ms",
            bare,
            "p99 bare commit, 1 writer",
            "< 20 ms",
            p99 < 20,
            f"median {percentile(latencies, 0.5):.1f} ms, max {max(latencies):.0f} ms; "
            f"{waited:,} lines waited in the outbox",
        ),
    ]


def run() -> list[Figure]:
    from tests.support import NO_POSTGRES, PostgresServer, postgres_binaries

    figures: list[Figure] = []
    binaries = postgres_binaries()
    if binaries is None:
        print(f"  rooms on PostgreSQL skipped: {NO_POSTGRES}", file=sys.stderr)
    else:
        # fsync on: the figure is for a server that keeps what it acknowledges.
        server = PostgresServer(binaries, durable=True)
        try:
            figures += _engine("PostgreSQL", server.new_database(), server.new_database())
        finally:
            server.stop()
    directory = Path(tempfile.mkdtemp(prefix="facilitator-bench-"))
    figures += _engine("SQLite", str(directory / "archive.db"), str(directory / "bare.db"))
    return figures


if __name__ == "__main__":
    if sys.argv[1:2] == ["room"]:
        location, index, events = sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
        room(location, index, events, PACE)
    else:
        from benchmarks.common import table

        print(table(run()))
