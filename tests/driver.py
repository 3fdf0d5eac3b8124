"""A scripted meeting in its own process, for the crash and two-writer tests.

    python -m tests.driver ARCHIVE SCRIPT.json [--stop-before-close] [--wait-for-go]

The script is JSON: ``{"start": ISO instant, "clock": "fake" | "system",
"steps": [[seconds after start, line], ...], "pace": seconds}``
(``pace``: a pause between lines, as a person typing makes). The driver opens the real
archive and a LiveMeeting (creating the demo meeting at ``start`` if the
archive has none), types each line and, once ``submit`` has returned (the
events are durable), prints ``ACK <step> <seq>`` (``-`` if nothing was
written) and flushes. A ``/close`` line closes the meeting (``CLOSING`` is
printed just before, ``CLOSED`` after). At the end it prints what its
own view holds: ``VIEW <last seq> <entry seqs as JSON>``. With ``--wait-for-go`` it waits
after READY for a line on stdin, so two drivers can start typing together.

With the fake clock, step ``i`` happens at ``start + steps[i][0]`` seconds,
so a driver started again after a kill skips the steps whose events are
already in the journal and carries on: exactly once, at the same instants.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pendulum

from facilitator.app.live import LiveMeeting
from facilitator.core.clock import Clock, FakeClock, SystemClock
from facilitator.planning.demo import demo_agenda
from store.archive import Archive


def drive(
    db: Path,
    script: dict[str, Any],
    emit: Callable[[str], None],
    stop_before_close: bool = False,
    wait: Callable[[], None] = lambda: None,
) -> None:
    """Run ``script`` on the archive at ``db``, resuming where its journal ends."""
    start = pendulum.parse(script["start"])
    fake = script.get("clock", "fake") == "fake"
    clock: Clock = FakeClock(start) if fake else SystemClock()
    with Archive.open(db) as archive:
        meetings = archive.meetings()
        if meetings and meetings[-1].is_closed:
            emit("CLOSED")
            return
        if meetings:
            journal = archive.journal(meetings[-1].id)
        else:
            journal = archive.create_meeting(demo_agenda(start), start)
        meeting = LiveMeeting(journal, clock)
        meeting.open()
        last = journal.read()[-1].at
        emit("READY")
        wait()
        pace = float(script.get("pace", 0))
        for step, (offset, line) in enumerate(script["steps"]):
            if pace:
                time.sleep(pace)
            if fake:
                instant = start.add(seconds=offset)
                # Done before the last kill; but /close again: the turn it ended is
                # in the journal, the close itself (not begun or rolled back) is not.
                if instant <= last and line != "/close":
                    continue
                clock.set(instant)  # type: ignore[attr-defined]
            outcome = meeting.submit(line)
            emit(f"ACK {step} {outcome.events[-1].seq if outcome.events else '-'}")
            if outcome.request == "close":
                if stop_before_close:
                    emit("STOPPED")
                    return
                emit("CLOSING")
                meeting.close()
                emit("CLOSED")
                return
        meeting.sync()
        seqs = [captured.seq for captured in meeting.state.entries]
        emit(f"VIEW {meeting.state.last_seq} {json.dumps(seqs)}")
        emit("DONE")


def _emit(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def main(argv: list[str]) -> None:
    db, script_path, *flags = argv
    script = json.loads(Path(script_path).read_text(encoding="utf-8"))
    drive(
        Path(db),
        script,
        _emit,
        stop_before_close="--stop-before-close" in flags,
        wait=sys.stdin.readline if "--wait-for-go" in flags else lambda: None,
    )


if __name__ == "__main__":
    main(sys.argv[1:])
