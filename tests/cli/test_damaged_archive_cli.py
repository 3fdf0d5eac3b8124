"""A damaged archive under every command that reads one: one line, exit 2, no traceback.

tests/store/test_bad_archive.py fuzzes the everyday commands; these are the
rest of them, and an archive whose damage lands in a table's SQL: a quote
left open there makes SQLite quote the SQL, newlines and stray bytes included,
in its reason.
"""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess
from pathlib import Path

import pytest

from facilitator.app.live import LiveMeeting
from facilitator.core.clock import FakeClock
from facilitator.planning.demo import demo_agenda
from store.archive import Archive
from tests.support import FACILITATOR, START

EVERY_OTHER_COMMAND = (
    ["brief", "1"],
    ["confirm", "1", "--by", "Li"],
    ["item", "1"],
    ["items"],
    ["mail", "1", "-o", "OUT"],
    ["meetings"],
    ["search", "launch"],
    ["retro", "1"],
    ["retro", "1", "--good", "on time", "--improve", "data", "--rating", "4"],
    ["metrics", "--series", "Q3 product launch coordination"],
    ["minutes", "1", "--format", "html", "-o", "OUT/minutes.html"],
    ["tasks", "--format", "ics"],
    ["task", "1", "done"],
    ["backup", "OUT/copy.db"],
    ["upgrade"],
)


def closed_meeting(path: Path) -> Path:
    clock = FakeClock(START)
    with Archive.open(path) as archive:
        meeting = LiveMeeting(archive.create_meeting(demo_agenda(clock.now()), clock.now()), clock)
        meeting.submit("/next")
        meeting.submit("d: go live on 20 Sept")
        meeting.submit("a: @Li training build by 9/10")
        meeting.close()
    return path


def damaged(db: Path, data: bytes) -> Path:
    """``data`` at ``db``, without the log a command before may have left beside it."""
    for side in (db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
        side.unlink(missing_ok=True)
    db.write_bytes(data)
    return db


def run(db: Path, command: list[str], out: Path) -> subprocess.CompletedProcess[str]:
    out.mkdir(exist_ok=True)
    return subprocess.run(
        [str(FACILITATOR), "--db", str(db), *(a.replace("OUT", str(out)) for a in command)],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=60,
        env={**os.environ, "FACILITATOR_LANG": "en", "FACILITATOR_BUSY_TIMEOUT_MS": "300"},
    )


def run_in(directory: Path, db: str, command: list[str]) -> subprocess.CompletedProcess[str]:
    """The program on ``--db db`` as typed, started in ``directory`` (where a relative
    path such as a backup's lands, so a test can see nothing was left there)."""
    return subprocess.run(
        [str(FACILITATOR), "--db", db, *command],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        cwd=directory,
        timeout=60,
        env={**os.environ, "FACILITATOR_LANG": "en"},
    )


def said_in_one_line(result: subprocess.CompletedProcess[str]) -> None:
    said = result.stdout + result.stderr
    assert "Traceback" not in said, said
    assert result.returncode in (0, 2), (result.returncode, said)
    if result.returncode == 2:
        assert result.stderr.count("\n") == 1, result.stderr


def test_damage_in_a_table_s_sql_is_one_line_from_every_command(tmp_path: Path) -> None:
    pristine = closed_meeting(tmp_path / "pristine.db").read_bytes()
    db = tmp_path / "archive.db"
    for command in (["minutes"], ["tasks"], ["open"], ["follow"], *EVERY_OTHER_COMMAND):
        damaged(db, pristine)
        conn = sqlite3.connect(db)
        conn.execute("PRAGMA writable_schema = ON")
        with conn:
            conn.execute(
                "UPDATE sqlite_master SET sql = ? WHERE name = 'disputes'",
                ('CREATE TABLE disputes(id INTEGER, "\x1b[2J\x01 TEXT\n)',),
            )
        conn.close()
        result = run(db, command, tmp_path / "out")
        assert result.returncode == 2, (command, result.stdout + result.stderr)
        assert "is damaged" in result.stderr and "\x1b" not in result.stderr
        said_in_one_line(result)


@pytest.mark.parametrize("seed", range(4))
def test_a_randomly_damaged_archive_under_every_other_command(tmp_path: Path, seed: int) -> None:
    data = bytearray(closed_meeting(tmp_path / "pristine.db").read_bytes())
    rng = random.Random(seed)
    for _ in range(rng.randint(1, 6)):
        start = rng.randrange(4096, len(data))
        for index in range(start, min(len(data), start + rng.randint(1, 64))):
            data[index] = rng.randrange(256)
    db = tmp_path / "archive.db"
    for command in EVERY_OTHER_COMMAND:
        damaged(db, bytes(data))  # a command that writes gets the same damage as the rest
        said_in_one_line(run(db, command, tmp_path / f"out-{command[0]}"))


@pytest.mark.parametrize("command", [["tasks"], ["minutes"], ["follow"], ["backup", "copy.db"]])
def test_an_empty_db_is_named_not_a_crash(tmp_path: Path, command: list[str]) -> None:
    # A script's --db "$ARCHIVE" with the variable left empty.
    result = run_in(tmp_path, "", command)
    assert result.returncode == 2 and "--db names no file" in result.stderr
    said_in_one_line(result)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("where", ["/dev/null", "fifo"])
@pytest.mark.parametrize("command", [["tasks"], ["minutes"], ["demo"], ["backup", "copy.db"]])
def test_a_device_or_a_pipe_as_the_archive_is_named_as_such(
    tmp_path: Path, where: str, command: list[str]
) -> None:
    if where == "fifo":
        where = str(tmp_path / "fifo")
        os.mkfifo(where)  # SQLite would wait on it for ever
    result = run_in(tmp_path, where, command)
    assert result.returncode == 2
    assert f"{where} is not a Facilitator archive (not a regular file)" in result.stderr
    said_in_one_line(result)
    assert not (tmp_path / "copy.db").exists()
