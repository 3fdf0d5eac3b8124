"""Kill the meeting at random moments: nothing acknowledged is lost, timers resume
exactly, and closing is all or nothing.

A scripted meeting runs in its own process (tests/driver.py) on a fake
clock and is killed with SIGKILL again and again: at start-up, between and
during lines, and during the close. After every kill the archive is reopened
here and compared with the same script run without interruption.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pendulum
import pytest

from facilitator.app.live import LiveMeeting
from facilitator.core.clock import FakeClock
from store.archive import Archive
from tests.driver import drive
from tests.support import ROOT

pytestmark = pytest.mark.crash

SEED = int(os.environ.get("CRASH_SEED", "20260302"))
START = "2026-03-02T09:00:00+00:00"
TOPIC_MINUTES = (15, 15, 10)  # the demo agenda's topics
MINUTES_TABLES = (
    "topics",
    "people",
    "attendance",
    "points",
    "decisions",
    "disputes",
    "open_items",
    "tasks",
    "speaking",
)


def make_script(rng: random.Random) -> list[tuple[int, str]]:
    """Three topics of notes, decisions, tasks, pauses and extensions, then /close."""
    steps: list[tuple[int, str]] = []
    clock = 0

    def add(line: str) -> None:
        nonlocal clock
        clock += rng.randint(5, 120)
        steps.append((clock, line))

    for topic in range(len(TOPIC_MINUTES)):
        add("/next")
        paused = False
        for n in range(rng.randint(7, 10)):
            roll = rng.random()
            if roll < 0.15:
                add("/resume" if paused else "/pause")
                paused = not paused
            elif roll < 0.25:
                add(f"/extend {rng.randint(1, 9)}")
            elif roll < 0.35:
                add(f"d: decision {topic}.{n}")
            elif roll < 0.45:
                add(f"a: @Marta send figures {topic}.{n} by 9/10")
            elif roll < 0.5:
                add("/speak @Wang")
            elif roll < 0.55:
                add(f"讨论：第{topic}.{n}条")
            else:
                add(f"note {topic}.{n} {rng.random():.6f}")
        if paused:
            add("/resume")
    add("/close")
    return steps


def expected_left(steps: list[tuple[int, str]], until: float, at: float) -> float | None:
    """Seconds left on the current topic at ``at``, from the script alone (steps up
    to ``until`` seconds after the start), independently of the domain's fold."""
    allotted = accumulated = 0.0
    since: float | None = None
    topic = -1
    for offset, line in steps:
        if offset > until:
            break
        if line == "/next":
            topic += 1
            allotted, accumulated, since = TOPIC_MINUTES[topic] * 60.0, 0.0, offset
        elif line == "/pause" and since is not None:
            accumulated, since = accumulated + offset - since, None
        elif line == "/resume":
            since = offset
        elif line.startswith("/extend"):
            allotted += int(line.split()[1]) * 60
    if topic < 0:
        return None
    return allotted - accumulated - (at - since if since is not None else 0.0)


def journal_rows(db: Path) -> list[tuple]:
    with Archive.open(db) as archive:
        return archive.conn.execute(
            "SELECT seq, meeting_id, at, kind, payload, grp FROM journal ORDER BY seq"
        ).fetchall()


def minutes_rows(db: Path) -> dict[str, list[tuple]]:
    with Archive.open(db) as archive:
        return {
            table: archive.conn.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()
            for table in MINUTES_TABLES
        }


@dataclass
class Run:
    """What one driver process said before it died."""

    lines: list[str] = field(default_factory=list)

    @property
    def acked(self) -> dict[int, int]:
        """Step -> seq of every line acknowledged as written."""
        return {
            int(step): int(seq)
            for _ack, step, seq in (line.split() for line in self.lines if line.startswith("ACK"))
            if seq != "-"
        }


class Crasher:
    """Starts the driver, kills it at a chosen moment, and checks the archive."""

    def __init__(self, tmp: Path, steps: list[tuple[int, str]]) -> None:
        self.db = tmp / "room" / "archive.db"
        self.script = tmp / "script.json"
        self.script.write_text(json.dumps({"start": START, "steps": steps}), encoding="utf-8")
        self.steps = steps
        self.kills = 0
        self.acked: dict[int, int] = {}
        reference_db = tmp / "reference.db"
        drive(reference_db, {"start": START, "steps": steps}, lambda _line: None)
        self.reference = journal_rows(reference_db)
        self.reference_minutes = minutes_rows(reference_db)

    def spawn(self, *flags: str) -> subprocess.Popen[str]:
        return subprocess.Popen(
            [sys.executable, "-m", "tests.driver", str(self.db), str(self.script), *flags],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    def finish(self, process: subprocess.Popen[str], run: Run) -> None:
        out, err = process.communicate(timeout=60)
        run.lines += out.splitlines()
        assert process.returncode == 0, err
        self.record(run)

    def kill(self, process: subprocess.Popen[str], run: Run, delay: float = 0.0) -> None:
        if delay:
            time.sleep(delay)  # a random instant inside what the driver is doing
        process.send_signal(signal.SIGKILL)
        out, _err = process.communicate(timeout=60)
        run.lines += out.splitlines()
        self.kills += 1
        self.record(run)

    def read_until(self, process: subprocess.Popen[str], run: Run, *, acks: int = 0) -> str:
        """Read the driver's lines until ``acks`` more ACKs or a final word; return the last."""
        assert process.stdout is not None
        seen = 0
        while True:
            line = process.stdout.readline().strip()
            if not line:
                return ""
            run.lines.append(line)
            if line.startswith("ACK"):
                seen += 1
                if seen >= acks:
                    return line
            elif line in ("CLOSING", "CLOSED", "STOPPED", "DONE") or (line == "READY" and not acks):
                return line

    def record(self, run: Run) -> None:
        self.acked.update(run.acked)
        self.check()

    def check(self) -> None:
        """The archive after a kill: a prefix of the uninterrupted run, all acks in it."""
        rows = journal_rows(self.db) if self.db.exists() else []
        assert rows == self.reference[: len(rows)], "the journal differs from the script's"
        seqs = {row[0] for row in rows}
        lost = {step: seq for step, seq in self.acked.items() if seq not in seqs}
        assert not lost, f"acknowledged but lost: {lost}"
        if not rows:
            return
        with Archive.open(self.db) as archive:
            (meeting,) = archive.meetings()
            last = pendulum.parse(rows[-1][2])
            probe = last.add(seconds=100)
            live = LiveMeeting(archive.journal(meeting.id), FakeClock(probe))
            start = pendulum.parse(START)
            left = expected_left(
                self.steps,
                (last - start).total_seconds(),
                (probe - start).total_seconds(),
            )
            current = live.state.current_topic
            if left is None or live.state.is_closed:
                assert current is None or live.state.is_closed
            else:
                assert current is not None and current.left(probe) == left, "timer drifted"
            self.check_close_is_all_or_nothing(archive, meeting.id, rows)

    def check_close_is_all_or_nothing(self, archive: Archive, meeting_id: int, rows) -> None:
        status = archive.conn.execute(
            "SELECT status FROM meetings WHERE id = ?", (meeting_id,)
        ).fetchone()[0]
        closed_event = any(row[3] == "meeting_closed" for row in rows)
        written = minutes_rows(self.db)
        if status == "closed":
            assert closed_event and written == self.reference_minutes
        else:
            assert not closed_event and not any(written.values())


def test_killed_meeting_loses_nothing_and_closes_all_or_nothing(tmp_path: Path) -> None:
    rng = random.Random(SEED)
    steps = make_script(rng)
    crasher = Crasher(tmp_path, steps)

    # Killed while the archive is first created and migrated: somewhere in the
    # time a driver takes from its start to READY, measured on a scratch archive.
    began = time.perf_counter()
    scratch = subprocess.Popen(
        [sys.executable, "-m", "tests.driver", str(tmp_path / "scratch.db"), str(crasher.script)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert scratch.stdout is not None and scratch.stdout.readline() == "READY\n"
    startup = time.perf_counter() - began
    scratch.communicate(timeout=60)
    for _ in range(3):
        process = crasher.spawn("--stop-before-close")
        crasher.kill(process, Run(), delay=rng.uniform(startup * 0.5, startup))

    # Killed at random points of the meeting, until it reaches its close.
    while True:
        process = crasher.spawn("--stop-before-close")
        run = Run()
        last = crasher.read_until(process, run, acks=rng.randint(0, 2))
        if last in ("STOPPED", ""):
            crasher.finish(process, run)
            break
        crasher.kill(process, run, delay=rng.uniform(0, 0.004))
    assert crasher.acked, "the driver never acknowledged a line"

    # Killed during the close, again and again, from the same archive.
    snapshot = tmp_path / "snapshot"
    snapshot.mkdir()
    files = [crasher.db, crasher.db.with_name("archive.db-wal")]
    for path in files:
        if path.exists():
            shutil.copy2(path, snapshot / path.name)

    def restore() -> None:
        for path in [*files, crasher.db.with_name("archive.db-shm")]:
            path.unlink(missing_ok=True)
        for path in files:
            if (snapshot / path.name).exists():
                shutil.copy2(snapshot / path.name, path)

    timing = Run()
    process = crasher.spawn()
    crasher.read_until(process, timing)  # READY
    crasher.read_until(process, timing, acks=1)
    began = time.perf_counter()
    crasher.read_until(process, timing)  # CLOSING
    crasher.read_until(process, timing)  # CLOSED
    close_seconds = max(time.perf_counter() - began, 0.002)
    crasher.finish(process, timing)
    closes = {"closed": 0, "open": 0}
    while sum(closes.values()) < 10 or crasher.kills < 24:
        restore()
        process = crasher.spawn()
        run = Run()
        assert crasher.read_until(process, run) == "READY"
        while crasher.read_until(process, run) not in ("CLOSING", ""):
            pass
        crasher.kill(process, run, delay=rng.uniform(0, close_seconds * 1.5))
        with Archive.open(crasher.db) as archive:
            closes["closed" if archive.meetings()[0].is_closed else "open"] += 1

    # And the meeting, reopened once more, finishes exactly as if never killed.
    process = crasher.spawn()
    crasher.finish(process, Run())
    assert journal_rows(crasher.db) == crasher.reference
    assert minutes_rows(crasher.db) == crasher.reference_minutes
    assert crasher.kills >= 20, crasher.kills
    print(f"seed {SEED}: {crasher.kills} kills, startup {startup:.2f}s, after close-kills {closes}")
