"""A scripted meeting in its own process, for the crash and two-writer tests.

    python -m tests.driver ARCHIVE SCRIPT.json [--stop-before-close] [--wait-for-go] [--own-meeting]

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
ARCHIVE is a file or a ``postgresql://`` URL. With ``--own-meeting`` the driver
runs the demo meeting starting at ``start`` (created if need be) rather than
the archive's latest: several drivers with different starts are several rooms.

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
from pendulum import DateTime

from facilitator.app.live import LiveMeeting
from facilitator.app.settings import Location, location_of
from facilitator.core.clock import Clock, FakeClock, SystemClock
from facilitator.planning.demo import demo_agenda
from store.archive import Archive
from store.journal import StoredJournal


def _meeting(archive: Archive, start: DateTime, own: bool) -> StoredJournal | None:
    """The journal to write (None if that meeting is closed already)."""
    if own:
        agenda = demo_agenda(start)
        row = archive.find_by_key(agenda.key)
        if row is None:
            return archive.create_meeting(agenda, start)
        return None if row.is_closed else archive.journal(row.id)
    meetings = archive.meetings()
    if meetings and meetings[-1].is_closed:
        return None
    if meetings:
        return archive.journal(meetings[-1].id)
    return archive.create_meeting(demo_agenda(start), start)


def drive(
    db: Location,
    script: dict[str, Any],
    emit: Callable[[str], None],
    stop_before_close: bool = False,
    wait: Callable[[], None] = lambda: None,
    own_meeting: bool = False,
) -> None:
    """Run ``script`` on the archive at ``db``, resuming where its journal ends."""
    start = pendulum.parse(script["start"])
    assert isinstance(start, DateTime)
    fake = script.get("clock", "fake") == "fake"
    clock: Clock = FakeClock(start) if fake else SystemClock()
    with Archive.open(db) as archive:
        journal = _meeting(archive, start, own_meeting)
        if journal is None:
            emit("CLOSED")
            return
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
        location_of(db),
        script,
        _emit,
        stop_before_close="--stop-before-close" in flags,
        wait=sys.stdin.readline if "--wait-for-go" in flags else lambda: None,
        own_meeting="--own-meeting" in flags,
    )


if __name__ == "__main__":
    main(sys.argv[1:])
