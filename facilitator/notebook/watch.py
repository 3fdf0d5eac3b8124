"""The notebook beside a terminal: following a room live in a cell, opening one in tmux.

Kept apart from :mod:`facilitator.notebook.api` (the API's surface): these
talk to processes and clocks, not to the archive's tables.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from facilitator.app.follower import Follower
from facilitator.core.clock import Clock
from facilitator.notebook.cells import LiveView, RoomLaunch, show_in_notebook
from store.archive import Archive


def follow_in_cell(
    archive: Archive,
    meeting_id: int,
    clock: Clock,
    duration: float,
    interval: float,
    display: Callable[..., Any] | None = None,
) -> None:
    """Draw meeting ``meeting_id`` in the cell and redraw it from the journal until
    ``duration`` seconds pass, the meeting closes, its archive is deleted or replaced
    (said above the meeting), or the cell is interrupted."""
    reader = archive.followed(meeting_id)
    follower = Follower(reader, clock, reader.version)
    show = display or show_in_notebook
    view = LiveView(follower.state, clock.now())
    handle = show(view, display_id=True)
    deadline = time.monotonic() + duration
    drawn = time.monotonic()
    try:
        while (
            time.monotonic() < deadline and not follower.state.is_closed and follower.gone is None
        ):
            time.sleep(interval)
            changed = follower.poll()
            # Redraw on news, and every second for the countdown.
            if changed or time.monotonic() - drawn >= 1.0:
                view = LiveView(follower.state, clock.now(), follower.gone)
                if handle is not None:
                    handle.update(view)
                drawn = time.monotonic()
    except KeyboardInterrupt:
        pass
    if handle is not None:
        handle.update(LiveView(follower.state, clock.now(), follower.gone))


def room_command(where: str, meeting_id: int) -> tuple[str, ...]:
    """The command that opens the room on ``meeting_id`` of the archive ``where`` (a
    file's full path or a server's URL without its password) in a terminal: the
    installed script beside this Python if there is one, else ``python -m``."""
    script = Path(sys.executable).parent / "facilitator"
    program = [str(script)] if script.exists() else [sys.executable, "-m", "facilitator"]
    return (*program, "--db", where, "open", str(meeting_id))


def open_in_tmux(
    command: tuple[str, ...], meeting_id: int, tmux: bool = True, session: str | None = None
) -> RoomLaunch:
    """Run ``command`` in a new tmux window (inside tmux) or a detached session;
    without tmux (or asked not to use it), the command to run by hand."""
    if not tmux:
        return RoomLaunch(command, without_tmux="asked")
    if shutil.which("tmux") is None:
        return RoomLaunch(command, without_tmux="missing")
    shell = shlex.join(command)
    where = ["-P", "-F", "#{session_name}:#{window_index}"]
    name = session or f"facilitator-{meeting_id}"
    inside = bool(os.environ.get("TMUX")) and session is None
    if inside:
        attempts = [["tmux", "new-window", *where, "-n", f"meeting-{meeting_id}", shell]]
    else:
        attempts = [
            ["tmux", "new-session", "-d", *where, "-s", name, "-x", "120", "-y", "36", shell],
            ["tmux", "new-window", *where, "-t", f"{name}:", shell],
        ]
    said = ""
    for args in attempts:
        result = subprocess.run(args, capture_output=True, text=True, check=False)
        if result.returncode == 0:
            return RoomLaunch(command, result.stdout.strip() or name, inside_tmux=inside)
        said = result.stderr.strip() or said
    return RoomLaunch(command, without_tmux="failed", reason=said)
