"""A disk that fills up under the room: a real filesystem, a real terminal.

The archive lives on a small tmpfs of its own (mounting one needs root; the
test is skipped otherwise, and tests/store/test_busy_archive.py covers the
same rule with SQLite's own page limit). A filler file takes the last byte
while the host is typing.
"""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support import entries, needs_tmux, room_command, terminal

pytestmark = needs_tmux

TITLE = "Q3 product launch coordination"


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 1 MB tmpfs, unmounted afterwards."""
    mount = tmp_path / "disk"
    mount.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a small disk needs root")
    made = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)],
        capture_output=True,
        text=True,
        check=False,
    )
    if made.returncode != 0:
        pytest.skip(f"no tmpfs here: {made.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def fill(disk: Path) -> Path:
    """Take every free byte of ``disk``; the filler's path, to free them again."""
    filler = disk / "filler"
    with filler.open("wb", buffering=0) as out:  # unbuffered: closing has nothing to flush
        try:
            while True:
                out.write(b"\0" * 4096)
        except OSError:
            pass
    return filler


def exit_status(done: Path, seconds: float = 30) -> str:
    deadline = time.monotonic() + seconds
    while not (done.exists() and done.read_text().strip()) and time.monotonic() < deadline:
        time.sleep(0.1)
    return done.read_text().strip()


def test_a_full_disk_keeps_the_lines_until_there_is_room_again(small_disk: Path) -> None:
    db = small_disk / "archive.db"
    with terminal(room_command(db, "demo")) as room:
        room.wait_for(TITLE, seconds=60)
        filler = fill(small_disk)
        room.type_line("a point typed on a full disk " + "x" * 400)
        room.type_line("d: a decision typed on a full disk")
        room.wait_for("disk is full")
        shown = room.wait_for("a decision typed on a full disk  (not yet written)")
        assert shown.count("(not yet written)") == 2 and "Traceback" not in shown
        filler.unlink()
        room.wait_for("Decision a decision typed on a full disk")
    assert [c.entry.text for c in entries(db)][-1] == "a decision typed on a full disk"


def test_leaving_a_full_disk_prints_every_line_and_says_it_failed(
    small_disk: Path, tmp_path: Path
) -> None:
    db = small_disk / "archive.db"
    done = tmp_path / "done"
    with terminal(f"{room_command(db, 'demo')} 2>&1; echo $? > {done}") as room:
        room.wait_for(TITLE, seconds=60)
        fill(small_disk)
        room.type_line("d: a decision the disk has no room for")
        room.wait_for("disk is full")
        room.type("half a line")
        room.send("C-q")
        room.wait_for("Ctrl+Q again leaves")
        time.sleep(2.5)  # the waiting notice is redrawn every second: the warning stays
        assert "Ctrl+Q again leaves" in room.screen()
        room.send("C-q")
        shown = room.wait_for("copy them from here")
        said = shown.replace("\n", "")  # the terminal wraps the long path
        assert "NOT written to the archive (the disk is full (it holds" in said
        assert "  d: a decision the disk has no room for" in shown
        assert "  half a line" in shown
        assert "Traceback" not in shown
        assert exit_status(done) == "1"
