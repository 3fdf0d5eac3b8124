"""The first Enter against the 20th: keypress to entry on screen, in a real pty.

The real program in a 120x40 pseudo-terminal. The moment the meeting's title
is drawn, a decision is typed; once its letters are echoed, Enter is sent
and the clock runs until the entry is drawn in the entries list (the
"Decision" label followed by the line's text). The same for the next 19
lines. A first Enter that pays for imports, a first render or a name table
shows up here as the ratio of the first to the later ones.
"""

from __future__ import annotations

import os
import re
import select
import tempfile
import time
from pathlib import Path

import pendulum

from benchmarks.common import Figure, median
from benchmarks.first_paint import FACILITATOR, _spawn, _stop
from facilitator.core.clock import FakeClock
from facilitator.planning.demo import DEMO_TITLE, demo_agenda
from store.archive import Archive

RUNS = 5
LINES = 20
_SGR = rb"(?:\x1b\[[0-9;:]*m)*"


def _read_until(master: int, pattern: re.Pattern[bytes], seconds: float = 20) -> float:
    """Read the terminal until ``pattern`` is drawn; the perf_counter instant it was."""
    seen = b""
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        ready, _, _ = select.select([master], [], [], 0.01)
        if ready:
            seen = seen[-8192:] + os.read(master, 1 << 16)
            if pattern.search(seen):
                return time.perf_counter()
    raise RuntimeError(f"{pattern.pattern!r} never appeared")


def _entry_drawn(marker: str) -> re.Pattern[bytes]:
    # The entry row: "Decision" then the text, with only colours and spaces between
    # (the input line's echo reads "d: marker", the preview "Decision" alone).
    return re.compile(b"Decision" + _SGR + rb" " + _SGR + re.escape(marker.encode()))


def _one_run(env: dict[str, str], db: Path) -> list[float]:
    process, master = _spawn([str(FACILITATOR), "--db", str(db), "open"], env)
    try:
        _read_until(master, re.compile(re.escape(DEMO_TITLE["en"].encode())))
        times = []
        for index in range(LINES):
            marker = f"marker{index:02d}x"
            os.write(master, f"d: {marker}".encode())
            _read_until(master, re.compile(re.escape(marker.encode())))
            began = time.perf_counter()
            os.write(master, b"\r")
            drawn = _read_until(master, _entry_drawn(marker))
            times.append((drawn - began) * 1000)
        return times
    finally:
        _stop(process, master)


def run() -> list[Figure]:
    home = Path(tempfile.mkdtemp(prefix="facilitator-bench-"))
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "TERM": "xterm-256color",
        "LANG": "C.UTF-8",
        "FACILITATOR_LANG": "en",
    }
    firsts, twentieths, laters = [], [], []
    for run_index in range(RUNS + 1):
        db = home / f"archive{run_index}.db"
        clock = FakeClock(pendulum.now("UTC"))
        with Archive.open(db) as archive:
            archive.create_meeting(demo_agenda(clock.now()), clock.now())
        times = _one_run(env, db)
        if run_index == 0:
            continue  # warms the file cache; not counted
        firsts.append(times[0])
        twentieths.append(times[-1])
        laters.extend(times[1:])
    first, twentieth, later = median(firsts), median(twentieths), median(laters)
    return [
        Figure(
            "first Enter -> entry drawn, 120x40 pty",
            first,
            "ms",
            twentieth,
            "20th Enter",
            "<= 1.5x",
            first <= 1.5 * twentieth,
            f"median of {RUNS} runs; first Enters {', '.join(f'{v:.0f}' for v in sorted(firsts))}"
            f" ms; Enters 2-20 median {later:.0f} ms",
        ),
    ]
