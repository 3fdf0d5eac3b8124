"""Driving the real program in tmux, as a person at a real terminal would.

Keys go through tmux's own terminal emulation (``send-keys``, ``paste-buffer``),
so the program reads exactly the bytes a recorder's keyboard or clipboard
sends: the only place where typing fast, pasting and Enter are proven.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from facilitator.meeting.state import Captured
from store.archive import Archive

FACILITATOR = Path(sys.executable).parent / "facilitator"

needs_tmux = [
    pytest.mark.tmux,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]


class Terminal:
    """One tmux session running a command, on a tmux server of its own.

    A server per test: tests never share one, and one ending (its last session
    killed) can never take another's down while it starts.
    """

    def __init__(self, name: str) -> None:
        self.name = name

    def tmux(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["tmux", "-L", self.name, *args], capture_output=True, text=True, check=check
        )

    def send(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", self.name, *keys)

    def type(self, text: str) -> None:
        """Type ``text`` literally (no key names)."""
        self.send("-l", text)

    def type_line(self, text: str) -> None:
        self.type(text)
        self.send("Enter")

    def paste(self, text: str, bracketed: bool = True) -> None:
        """Paste ``text`` as a terminal does: one bracketed paste (Ctrl+Shift+V, a
        middle click), or, with ``bracketed=False``, as if typed (newlines as Enter)."""
        buffer = f"b{uuid.uuid4().hex[:8]}"
        self.tmux("set-buffer", "-b", buffer, "--", text)
        flags = ["-p"] if bracketed else []
        self.tmux("paste-buffer", "-d", *flags, "-b", buffer, "-t", self.name)

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", self.name, check=False).stdout

    def wait_for(self, text: str, seconds: float = 30) -> str:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            shown = self.screen()
            if text in shown:
                return shown
            time.sleep(0.02)
        raise AssertionError(f"{text!r} never appeared; screen was:\n{self.screen()}")


@contextmanager
def terminal(command: str, size: tuple[int, int] = (120, 40)) -> Iterator[Terminal]:
    """A tmux session of ``size`` running ``command`` (kept open after it ends)."""
    session = Terminal(f"facilitator-test-{uuid.uuid4().hex[:8]}")
    columns, rows = size
    started = session.tmux(
        "new-session",
        "-d",
        "-s",
        session.name,
        "-x",
        str(columns),
        "-y",
        str(rows),
        f"{command}; sleep 600",
        check=False,
    )
    assert started.returncode == 0, started.stderr
    try:
        yield session
    finally:
        session.tmux("kill-server", check=False)


def room_command(db: Path, *args: str) -> str:
    """The shell command that opens the room on the archive ``db``."""
    return f"FACILITATOR_LANG=en {FACILITATOR} --db '{db}' {' '.join(args)}"


def entries(db: Path) -> list[Captured]:
    """The entries of the archive's latest meeting, as its journal holds them."""
    with Archive.open(db) as archive:
        meeting = archive.meetings()[-1]
        return list(archive.state(meeting.id).entries)


def wait_for_entries(db: Path, count: int, seconds: float = 30) -> list[Captured]:
    """The entries once there are at least ``count`` (then a moment more, so a
    doubled line would show up too)."""
    deadline = time.monotonic() + seconds
    found: list[Captured] = []
    while time.monotonic() < deadline:
        found = entries(db) if db.exists() else []
        if len(found) >= count:
            time.sleep(0.5)
            return entries(db)
        time.sleep(0.05)
    raise AssertionError(f"{count} entries never arrived; the journal holds {found}")
