"""Host and recorder: two processes writing one archive at full speed, and
many rooms at once: on an SQLite file and on a PostgreSQL database alike.

Each runs a scripted LiveMeeting (tests/driver.py) on the same meeting; every
line either side saw acknowledged is in the journal, in the order that side
typed it, and neither side ever sees "database is locked".
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from facilitator.app.live import LiveMeeting
from facilitator.app.settings import Location
from facilitator.core.clock import FakeClock
from facilitator.meeting.events import EntryCaptured
from facilitator.planning.demo import demo_agenda
from store.archive import Archive
from tests.support import ROOT, START

# No /undo: it takes back the last command in the room, whoever typed it.
HOST_CYCLE = ["/next", "/pause", "/resume", "/extend 1", "/speak @Wang", "/done"]


def _spawn(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, *args],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def _script(path: Path, lines: list[str]) -> Path:
    steps = [[index, line] for index, line in enumerate(lines)]
    path.write_text(
        json.dumps({"start": START.isoformat(), "clock": "system", "steps": steps, "pace": 0.004}),
        encoding="utf-8",
    )
    return path


def _acked(out: str) -> list[tuple[int, int]]:
    return [
        (int(step), int(seq))
        for _ack, step, seq in (line.split() for line in out.splitlines() if line[:3] == "ACK")
        if seq != "-"
    ]


def test_host_and_recorder_write_one_archive_and_nothing_is_lost(
    tmp_path: Path, location: Location
) -> None:
    db = location
    clock = FakeClock(START)
    with Archive.open(db) as archive:
        meeting_id = archive.create_meeting(demo_agenda(clock.now()), clock.now()).meeting_id
    notes = [f"recorder note {n}" for n in range(300)]
    host_lines = [HOST_CYCLE[n % len(HOST_CYCLE)] for n in range(300)]
    recorder, host = (
        _spawn("-m", "tests.driver", str(db), str(_script(tmp_path / name, lines)), "--wait-for-go")
        for name, lines in (("r.json", notes), ("h.json", host_lines))
    )
    for process in (recorder, host):  # both ready, then both start typing at once
        assert process.stdout is not None and process.stdout.readline() == "READY\n"
    for process in (recorder, host):
        assert process.stdin is not None
        process.stdin.write("go\n")
        process.stdin.flush()
    recorder_out, recorder_err = recorder.communicate(timeout=120)
    host_out, host_err = host.communicate(timeout=120)

    for out, err, process in ((recorder_out, recorder_err, recorder), (host_out, host_err, host)):
        assert process.returncode == 0, err
        assert "locked" not in out + err and "busy" not in out + err
        assert out.rstrip().endswith("DONE")

    with Archive.open(db) as archive:
        events = archive.journal(meeting_id).read()
    seqs = [event.seq for event in events]
    assert seqs == sorted(seqs) and len(set(seqs)) == len(seqs)
    assert [event.kind for event in events].count("meeting_opened") == 1
    typed = [e.entry.raw for e in events if isinstance(e, EntryCaptured)]
    assert typed == notes, "a note was lost, doubled or reordered"
    recorder_acks = _acked(recorder_out)
    assert len(recorder_acks) == len(notes)
    host_acks = _acked(host_out)
    assert host_acks, "the host never had a command accepted"
    for acks in (recorder_acks, host_acks):
        assert [seq for _step, seq in acks] == sorted(seq for _step, seq in acks)
        assert {seq for _step, seq in acks} <= set(seqs)
    # The two really wrote at the same time: their writes overlap in the journal.
    recorder_seqs = [seq for _step, seq in recorder_acks]
    host_seqs = [seq for _step, seq in host_acks]
    assert min(host_seqs) < max(recorder_seqs) and min(recorder_seqs) < max(host_seqs)
    by_seq = {event.seq: event for event in events}
    for step, seq in recorder_acks:
        assert by_seq[seq].entry.raw == notes[step]

    # Both views agree with one fold of the journal, as far as each had read.
    with Archive.open(db) as archive:
        live = LiveMeeting(archive.journal(meeting_id), clock)
        assert [c.entry.raw for c in live.state.entries] == notes
    for out in (recorder_out, host_out):
        (view,) = [line.split(" ", 2) for line in out.splitlines() if line.startswith("VIEW")]
        last, seen = int(view[1]), json.loads(view[2])
        assert seen == [c.seq for c in live.state.entries if c.seq <= last], "a view missed events"


def test_terminals_opening_a_new_archive_at_once_migrate_it_once(
    tmp_path: Path, location: Location, request: pytest.FixtureRequest
) -> None:
    # Several new archives in turn: the race is in a few statements, and one round
    # alone passed many times while another program's tables were still being
    # mistaken for a foreign database's now and then.
    news: list[Location] = [
        tmp_path / f"new{n}" / "archive.db"
        if isinstance(location, Path)
        else request.getfixturevalue("postgres").new_database()
        for n in range(5)
    ]
    code = (
        "import sys; from store.archive import Archive; print('ready', flush=True)\n"
        "for line in sys.stdin:\n"
        "    Archive.open(line.strip()).close(); print('ok', flush=True)\n"
    )
    processes = [_spawn("-c", code) for _ in range(6)]
    for process in processes:
        assert process.stdout is not None and process.stdout.readline() == "ready\n"
    for db in news:
        for process in processes:  # all at once, as far as the machine allows
            assert process.stdin is not None
            process.stdin.write(f"{db}\n")
            process.stdin.flush()
        for process in processes:
            assert process.stdout is not None
            assert process.stdout.readline() == "ok\n", process.communicate(timeout=120)[1]
    for process in processes:
        out, err = process.communicate(timeout=120)
        assert process.returncode == 0 and out == "", err
    for db in news:
        with Archive.open(db) as archive:
            rows = archive.conn.execute("SELECT name FROM _sqlite_migrations").fetchall()
        names = [name for (name,) in rows]
        assert sorted(names) == sorted(set(names)) and names


def test_host_closes_while_the_recorder_types_and_the_minutes_miss_nothing(
    tmp_path: Path, location: Location
) -> None:
    db = location
    clock = FakeClock(START)
    with Archive.open(db) as archive:
        meeting_id = archive.create_meeting(demo_agenda(clock.now()), clock.now()).meeting_id
    notes = [f"recorder note {n}" for n in range(400)]
    host_lines = ["/next", *(["/pause", "/resume"] * 30), "/close"]
    recorder, host = (
        _spawn("-m", "tests.driver", str(db), str(_script(tmp_path / name, lines)), "--wait-for-go")
        for name, lines in (("r.json", notes), ("h.json", host_lines))
    )
    for process in (recorder, host):
        assert process.stdout is not None and process.stdout.readline() == "READY\n"
    for process in (recorder, host):
        assert process.stdin is not None
        process.stdin.write("go\n")
        process.stdin.flush()
    recorder_out, recorder_err = recorder.communicate(timeout=120)
    host_out, host_err = host.communicate(timeout=120)
    assert recorder.returncode == 0 and host.returncode == 0, recorder_err + host_err
    assert "CLOSED" in host_out and "locked" not in recorder_err + host_err

    accepted = [notes[step] for step, _seq in _acked(recorder_out)]
    assert accepted == notes[: len(accepted)], "a note was refused before the close"
    with Archive.open(db) as archive:
        events = archive.journal(meeting_id).read()
        rows = archive.conn.execute("SELECT text FROM points ORDER BY id").fetchall()
        points = [text for (text,) in rows]
    closed = [event.seq for event in events if event.kind == "meeting_closed"]
    typed = [e.entry.raw for e in events if isinstance(e, EntryCaptured)]
    assert typed == accepted and len(closed) == 1
    assert all(e.seq < closed[0] for e in events if isinstance(e, EntryCaptured))
    assert points == accepted, "the minutes left out lines recorded before the close"


ROOMS = 12
LINES_PER_ROOM = 40


def test_many_rooms_write_one_archive_at_once_and_each_keeps_its_lines(
    tmp_path: Path, location: Location
) -> None:
    Archive.open(location).close()
    rooms = []
    for room in range(ROOMS):
        lines = ["/next", *(f"room {room} note {n}" for n in range(LINES_PER_ROOM))]
        steps = [[index, line] for index, line in enumerate(lines)]
        script = tmp_path / f"room{room}.json"
        start = START.add(hours=room)  # each its own meeting
        script.write_text(
            json.dumps({"start": start.isoformat(), "clock": "system", "steps": steps}),
            encoding="utf-8",
        )
        driver = ("-m", "tests.driver", str(location), str(script), "--wait-for-go")
        rooms.append((_spawn(*driver, "--own-meeting"), lines))
    for process, _lines in rooms:
        assert process.stdout is not None and process.stdout.readline() == "READY\n"
    for process, _lines in rooms:  # every room types at once
        assert process.stdin is not None
        process.stdin.write("go\n")
        process.stdin.flush()
    outputs = [process.communicate(timeout=180) for process, _lines in rooms]

    with Archive.open(location, read_only=True) as archive:
        meetings = archive.meetings()
        assert len(meetings) == ROOMS
        for (out, err), (process, lines), meeting in zip(outputs, rooms, meetings, strict=True):
            assert process.returncode == 0, err
            assert "locked" not in out + err and "busy" not in out + err
            events = archive.journal(meeting.id).read()
            typed = [e.entry.raw for e in events if isinstance(e, EntryCaptured)]
            assert typed == lines[1:], "a line was lost, doubled or went to another room"
            acked = {seq for _step, seq in _acked(out)}
            assert acked <= {e.seq for e in events} and len(acked) == len(lines)
            numbers = [c.number for c in archive.state(meeting.id).entries]
            assert numbers == list(range(1, LINES_PER_ROOM + 1))
