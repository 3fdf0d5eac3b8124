"""A terminal that is not what the room needs: said plainly, nothing lost, no traceback."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

from tests.support import FACILITATOR, entries, needs_tmux, room_command, terminal

pytestmark = needs_tmux

TITLE = "Q3 product launch coordination"


def test_the_room_without_a_terminal_says_it_needs_one(tmp_path: Path) -> None:
    db = tmp_path / "archive.db"
    result = subprocess.run(
        [str(FACILITATOR), "--db", str(db), "demo"],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=60,
        env={**os.environ, "FACILITATOR_LANG": "en"},
    )
    assert result.returncode == 2 and "needs a terminal" in result.stderr
    assert "Traceback" not in result.stderr
    # Nothing was created for a room that could not be shown.
    from store.archive import Archive

    with Archive.open(db) as archive:
        assert archive.meetings() == []


def test_a_terminal_set_to_gbk_is_told_to_use_utf8(tmp_path: Path) -> None:
    db = tmp_path / "archive.db"
    command = f"PYTHONIOENCODING=gbk {room_command(db, 'demo')}"
    with terminal(command) as shell:
        shown = shell.wait_for("needs UTF-8")
    assert "gbk" in shown and "Traceback" not in shown


def test_bytes_that_are_not_utf8_typed_into_the_room_do_not_end_it(tmp_path: Path) -> None:
    db = tmp_path / "archive.db"
    with terminal(room_command(db, "demo")) as room:
        room.wait_for(TITLE, seconds=60)
        room.type("budget ")
        room.send("-H", "b2", "e2", "ca", "d4")  # 测试 as a GBK terminal sends it
        room.type(" ok")
        room.send("Enter")
        deadline = time.monotonic() + 30
        found = []
        while time.monotonic() < deadline and not found:
            found = entries(db)
            time.sleep(0.1)
        room.type_line("the room is still here")
        room.wait_for("the room is still here")
        assert "Traceback" not in room.screen()
    assert found and found[0].entry.text.startswith("budget ")
    assert "\ufffd" in found[0].entry.text and found[0].entry.text.endswith(" ok")
