"""First paint and memory: the real program in a 120x40 pseudo-terminal.

From spawning ``facilitator --db X open`` until the meeting's title is on
the screen, against a bare Textual app showing one word (the cost of Textual
itself). Then the resident memory of each, once drawn and settled.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import pty
import select
import signal
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

import pendulum

from benchmarks.bare_app import WORD
from benchmarks.common import Figure, median
from facilitator.core.clock import FakeClock
from facilitator.planning.demo import DEMO_TITLE, demo_agenda
from store.archive import Archive

COLUMNS, ROWS = 120, 40
RUNS = 7
ROOT = Path(__file__).resolve().parent.parent
FACILITATOR = Path(sys.executable).parent / "facilitator"


def _spawn(argv: list[str], env: dict[str, str]) -> tuple[subprocess.Popen[bytes], int]:
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
    process = subprocess.Popen(
        argv,
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        cwd=ROOT,
        start_new_session=True,
    )
    os.close(slave)
    return process, master


def _until_shown(master: int, needle: bytes, seconds: float = 30) -> bool:
    """Read the terminal until ``needle`` is drawn; False if it never is."""
    seen = b""
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        ready, _, _ = select.select([master], [], [], 0.02)
        if ready:
            try:
                chunk = os.read(master, 1 << 16)
            except OSError:
                return False
            seen = seen[-4096:] + chunk
            if needle in seen:
                return True
    return False


def _drain(master: int, seconds: float) -> None:
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        ready, _, _ = select.select([master], [], [], 0.05)
        if ready:
            try:
                os.read(master, 1 << 16)
            except OSError:
                return


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _stop(process: subprocess.Popen[bytes], master: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    os.close(master)


def _paint(argv: list[str], env: dict[str, str], needle: bytes, rss: bool) -> tuple[float, float]:
    began = time.perf_counter()
    process, master = _spawn(argv, env)
    try:
        if not _until_shown(master, needle):
            raise RuntimeError(f"{needle!r} never appeared from {argv}")
        painted = (time.perf_counter() - began) * 1000
        memory = float("nan")
        if rss:
            _drain(master, 1.0)  # let it settle: refresh timers, first sync
            memory = _rss_mb(process.pid)
        return painted, memory
    finally:
        _stop(process, master)


def _import_ms(modules: str) -> float:
    """Median wall time of a fresh interpreter importing ``modules``."""
    runs = []
    for _ in range(5):
        began = time.perf_counter()
        subprocess.run([sys.executable, "-c", f"import {modules}"], check=True, cwd=ROOT)
        runs.append((time.perf_counter() - began) * 1000)
    return median(runs)


def run() -> list[Figure]:
    home = Path(tempfile.mkdtemp(prefix="facilitator-bench-"))
    db = home / "archive.db"
    clock = FakeClock(pendulum.now("UTC"))
    with Archive.open(db) as archive:
        archive.create_meeting(demo_agenda(clock.now()), clock.now())
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "TERM": "xterm-256color",
        "LANG": "C.UTF-8",
        "FACILITATOR_LANG": "en",
        "COLUMNS": str(COLUMNS),
        "LINES": str(ROWS),
    }
    program = [str(FACILITATOR), "--db", str(db), "open"]
    bare = [sys.executable, "-m", "benchmarks.bare_app"]
    title = DEMO_TITLE["en"].encode()
    # One run each to warm the file cache; not counted.
    _paint(program, env, title, rss=False)
    _paint(bare, env, WORD.encode(), rss=False)
    ours, theirs, our_rss, their_rss = [], [], [], []
    for index in range(RUNS):
        rss = index < 3
        paint, memory = _paint(program, env, title, rss)
        ours.append(paint)
        our_rss.append(memory)
        paint, memory = _paint(bare, env, WORD.encode(), rss)
        theirs.append(paint)
        their_rss.append(memory)
    ours_ms, theirs_ms = median(ours), median(theirs)
    # What the difference is made of: imports beyond Textual's, the rest is the room.
    extra_imports = _import_ms(
        "textual.app, textual.widgets, facilitator.cli.main, store.archive, facilitator.app.live, "
        "screens.app"
    ) - _import_ms("textual.app, textual.widgets")
    ours_mb, theirs_mb = median(our_rss[:3]), median(their_rss[:3])
    return [
        Figure(
            "first paint, 120x40 pty",
            ours_ms,
            "ms",
            theirs_ms,
            "bare Textual app",
            "<= 1.25x",
            ours_ms <= 1.25 * theirs_ms,
            f"median of {RUNS}; runs {', '.join(f'{v:.0f}' for v in sorted(ours))} ms; of the "
            f"{ours_ms - theirs_ms:.0f} ms more, {extra_imports:.0f} ms are imports beyond "
            "Textual's (pendulum, sqlite-utils, click), the rest opening the archive and "
            "composing and drawing the room",
        ),
        Figure(
            "RSS of a running meeting",
            ours_mb,
            "MB",
            theirs_mb,
            "bare Textual app",
            "< 100 MB",
            ours_mb < 100,
        ),
    ]
