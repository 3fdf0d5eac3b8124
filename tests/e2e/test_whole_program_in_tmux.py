"""The whole program in a real terminal: tmux runs `facilitator demo`."""

from __future__ import annotations

import shutil
import subprocess
import time
import uuid
from pathlib import Path

import pytest

from store.archive import Archive
from tests.support import FACILITATOR

pytestmark = [
    pytest.mark.tmux,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]


class Terminal:
    def __init__(self, name: str) -> None:
        self.name = name

    def send(self, *keys: str) -> None:
        subprocess.run(["tmux", "send-keys", "-t", self.name, *keys], check=True)

    def type_line(self, text: str) -> None:
        self.send("-l", text)
        self.send("Enter")

    def screen(self) -> str:
        return subprocess.run(
            ["tmux", "capture-pane", "-p", "-t", self.name],
            capture_output=True,
            text=True,
            check=False,
        ).stdout

    def wait_for(self, text: str, seconds: float = 30) -> str:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            shown = self.screen()
            if text in shown:
                return shown
            time.sleep(0.2)
        raise AssertionError(f"{text!r} never appeared; screen was:\n{self.screen()}")


def started(name: str, command: str, width: int = 80) -> Terminal:
    """``command`` running in a new tmux session ``name``, ``width`` x 24."""
    subprocess.run(
        ["tmux", "new-session", "-d", "-s", name, "-x", str(width), "-y", "24", command],
        check=True,
    )
    return Terminal(name)


@pytest.fixture
def terminal(tmp_path: Path):
    name = f"facilitator-test-{uuid.uuid4().hex[:8]}"
    yield name
    subprocess.run(["tmux", "kill-session", "-t", name], capture_output=True, check=False)


def test_demo_runs_and_closes_in_a_real_terminal(terminal: str, tmp_path: Path) -> None:
    db = tmp_path / "archive.db"
    done = tmp_path / "done"
    command = f"{FACILITATOR} --db {db} demo; echo $? > {done}; sleep 60"
    screen = started(terminal, command)
    screen.wait_for("Q3 product launch coordination")
    screen.type_line("/next")
    screen.wait_for("owner: Li")
    screen.type_line("d: go live on 20 Sept")
    screen.wait_for("Decision go live on 20 Sept")
    screen.type_line("a: @Li training build by 9/10")
    screen.wait_for("training build")
    # Ctrl+G reaches the room in a real terminal (Shift+F3 never did: its bytes
    # read as a cursor-position report).
    screen.send("C-g")
    screen.wait_for("which topic?")  # the preview of "/goto " asks for a number
    screen.type_line("2")
    screen.wait_for("now: Launch campaign plan")
    screen.type_line("/close")
    screen.wait_for("Confirm and write minutes")
    screen.send("Enter")
    shown = screen.wait_for("Meeting closed: Q3 product launch coordination")
    assert "training build — Li" in shown
    # What to do next, runnable as printed: the minutes of this meeting, the tasks.
    shown = screen.wait_for("Tasks: ")
    assert f"--db{db}minutes1-ominutes.md" in "".join(shown.split())  # wrapped or not
    deadline = time.monotonic() + 10
    # The shell creates the file before it writes the status: wait for the status.
    while not (done.exists() and done.read_text().strip()) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert done.read_text().strip() == "0"
    with Archive.open(db) as archive:
        assert [r["text"] for r in archive.db["decisions"].rows] == ["go live on 20 Sept"]
        assert [r["owner"] for r in archive.db["tasks"].rows] == ["Li"]


def test_closing_with_a_line_never_entered_prints_it_and_the_next_commands_in_chinese(
    terminal: str, tmp_path: Path
) -> None:
    db = tmp_path / "archive.db"
    # The shell speaks English: the commands printed must say --lang zh themselves.
    command = f"FACILITATOR_LANG=en {FACILITATOR} --db {db} --lang zh demo; sleep 60"
    screen = started(terminal, command)
    screen.wait_for("Q3新产品上线协调会")
    screen.send("-l", "任务：@李雷 提交申请表 12月5日前")  # typed, Enter never pressed
    screen.wait_for("提交申请表")
    screen.send("F10")
    rows = screen.wait_for("尚未记录").splitlines()
    # The summary's warning, read across the rows it wraps to (the input line below
    # it shows the same words: not what is checked here).
    at = next(n for n, row in enumerate(rows) if "尚未记录" in row)
    warning = "".join("".join(rows[at : at + 2]).replace("█", "").split())
    assert warning.endswith("：任务：@李雷提交申请表12月5日前")
    screen.wait_for("确认并生成纪要")
    screen.send("Enter")
    said = screen.wait_for("有1条未记录")
    assert "  任务：@李雷 提交申请表 12月5日前" in said
    shown = "".join(screen.wait_for("tasks").split())
    assert "--langzhminutes1-ominutes.md" in shown and "--langzhtasks" in shown


def test_leaving_names_the_archive_to_resume_from(terminal: str, tmp_path: Path) -> None:
    db = tmp_path / "my archive.db"  # a space: the command must still paste into a shell
    command = f"{FACILITATOR} --db '{db}' demo; sleep 60"
    screen = started(terminal, command, 120)
    screen.wait_for("Q3 product launch coordination")
    screen.send("-l", "half a thought")  # typed, never entered
    screen.wait_for("half a thought")
    screen.send("C-q")
    said = screen.wait_for("1 not recorded (refused and kept under ↑, or never entered)")
    shown = screen.wait_for("resume it with:").replace("\n", "")
    assert "  half a thought" in said
    # Not on this shell's PATH (as after `make run`): the program by its full path.
    printed = shown.split("resume it with: ", 1)[1].strip()
    assert printed == f"{FACILITATOR} --db '{db}' open 1"
    # Runnable as printed, from another directory, by a shell that has no .venv on its PATH.
    again = f"{terminal}-again"
    subprocess.run(
        [
            "tmux",
            "new-session",
            "-d",
            "-s",
            again,
            "-x",
            "120",
            "-y",
            "24",
            "-c",
            "/",
            f"env -i PATH=/usr/bin:/bin HOME={tmp_path} FACILITATOR_LANG=en {printed}; sleep 60",
        ],
        check=True,
    )
    try:
        Terminal(again).wait_for("Q3 product launch coordination")
    finally:
        subprocess.run(["tmux", "kill-session", "-t", again], check=False)
