"""Archives the program cannot use: one clear line, exit 2, and the file untouched.

The real ``facilitator`` command runs in a subprocess (as a person would run
it) on archives that are locked by another program, damaged, read-only, not
SQLite, or from a newer version. Complements tests/store/test_archive_file.py
(the Archive API) and tests/cli/test_cli.py (the other commands).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from facilitator.app.live import LiveMeeting
from facilitator.core.clock import FakeClock
from facilitator.planning.demo import demo_agenda
from store.archive import Archive
from tests.support import FACILITATOR, START

SHORT_BUSY = {"FACILITATOR_BUSY_TIMEOUT_MS": "300"}
# Root ignores file modes through these capabilities; without them a file
# mode 0400 in a directory mode 0500 is read-only for root too.
OVERRIDES = "-dac_override,-dac_read_search,-fowner"
COMMANDS = (["minutes"], ["open"])


def _archive(path: Path) -> Path:
    """A closed meeting and one planned but not yet opened."""
    clock = FakeClock(START)
    with Archive.open(path) as archive:
        meeting = LiveMeeting(archive.create_meeting(demo_agenda(clock.now()), clock.now()), clock)
        meeting.submit("/next")
        meeting.submit("d: go live on 20 Sept")
        meeting.close()
        archive.create_meeting(demo_agenda(clock.now().add(days=7)), clock.now())
    return path


def _fingerprint(path: Path) -> dict[str, str]:
    """Every file of the archive (with its -wal and -shm if any), by content."""
    return {
        f.name: hashlib.sha256(f.read_bytes()).hexdigest()
        for f in sorted(path.parent.iterdir())
        if f.name.startswith(path.name) and not f.name.endswith("-shm")
    }


def _facilitator(
    db: Path, *args: str, env: dict[str, str] | None = None, as_plain_root: bool = False
):
    command = [str(FACILITATOR), "--db", str(db), *args]
    if as_plain_root:
        command = ["setpriv", "--bounding-set", OVERRIDES, *command]
    environment = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(db.parent),
        "LANG": "C.UTF-8",
        "FACILITATOR_LANG": "en",
        **(env or {}),
    }
    # stdin is not a terminal: should the room ever start here, it fails fast.
    return subprocess.run(
        command,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=60,
        env=environment,
    )


def _refused(result, message: str) -> None:
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and message in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


def _in_a_terminal(db: Path, *args: str, env: dict[str, str] | None = None):
    """The command in a pseudo-terminal (``script``), as the room needs: what it
    prints comes back on stdout, its exit status as the return code."""
    import shlex

    command = shlex.join([str(FACILITATOR), "--db", str(db), *args])
    environment = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(db.parent),
        "LANG": "C.UTF-8",
        "TERM": "xterm-256color",
        "FACILITATOR_LANG": "en",
        **(env or {}),
    }
    return subprocess.run(
        ["script", "-qec", command, "/dev/null"],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=60,
        env=environment,
    )


class Holder:
    """Another program holding the archive, in its own process, until released."""

    def __init__(self, db: Path, *statements: str) -> None:
        code = (
            "import sqlite3, sys\n"
            f"conn = sqlite3.connect({str(db)!r}, isolation_level=None)\n"
            f"for sql in {list(statements)!r}:\n"
            "    conn.execute(sql).fetchall()\n"
            "print('held', flush=True)\n"
            "sys.stdin.readline()\n"
        )
        self.process = subprocess.Popen(
            [sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )
        assert self.process.stdout is not None and self.process.stdout.readline() == "held\n"

    def release(self) -> None:
        self.process.communicate("\n", timeout=30)


@pytest.fixture
def archive_file(tmp_path: Path) -> Path:
    return _archive(tmp_path / "archive.db")


@pytest.mark.parametrize("command", COMMANDS)
def test_an_archive_locked_by_another_program(archive_file: Path, command) -> None:
    holder = Holder(archive_file, "PRAGMA locking_mode = EXCLUSIVE", "BEGIN EXCLUSIVE")
    try:
        before = _fingerprint(archive_file)
        _refused(_facilitator(archive_file, *command, env=SHORT_BUSY), "is locked by another")
        assert _fingerprint(archive_file) == before
    finally:
        holder.release()


def test_a_write_held_too_long_by_another_program(archive_file: Path) -> None:
    holder = Holder(
        archive_file, "BEGIN IMMEDIATE", "UPDATE meetings SET title = title || ' (edited)'"
    )
    try:
        before = _fingerprint(archive_file)
        # Reading does not wait for a writer...
        reading = _facilitator(archive_file, "minutes", env=SHORT_BUSY)
        assert reading.returncode == 0 and "go live on 20 Sept" in reading.stdout
        # ... only recording the export waits for next time, and says so.
        assert "this export is not recorded" in reading.stderr
        # ... opening the room or storing a retro must write, and says why it cannot.
        in_terminal = _in_a_terminal(archive_file, "open", env=SHORT_BUSY)
        assert in_terminal.returncode == 2 and "is busy" in in_terminal.stdout
        assert "Traceback" not in in_terminal.stdout
        retro = ("retro", "Q3", "--good", "on time", "--improve", "data", "--rating", "4")
        _refused(_facilitator(archive_file, *retro, env=SHORT_BUSY), "is busy")
        assert _fingerprint(archive_file) == before
    finally:
        holder.release()


def test_a_line_typed_while_another_program_holds_the_archive_is_kept(archive_file: Path):
    clock = FakeClock(START)
    with Archive.open(archive_file, busy_timeout_ms=100) as archive:
        row = archive.find(closed=False)
        meeting = LiveMeeting(archive.journal(row.id), clock)
        holder = Holder(archive_file, "BEGIN IMMEDIATE", "DELETE FROM journal WHERE 0")
        try:
            before = meeting.state.last_seq
            outcome = meeting.submit("d: keep the launch date")
            assert not outcome.accepted and outcome.keep_text
            assert "not recorded" in outcome.notices[0].text()
            assert "press Enter to try again" in outcome.notices[0].text()
            assert meeting.sync() is False or meeting.state.last_seq == before
        finally:
            holder.release()
        assert meeting.submit("d: keep the launch date").accepted
        assert meeting.state.entries[-1].entry.raw == "d: keep the launch date"


@pytest.mark.parametrize("command", COMMANDS)
def test_a_damaged_archive(archive_file: Path, command) -> None:
    data = bytearray(archive_file.read_bytes())
    page = 4096
    data[page:] = bytes((index * 7) % 251 for index in range(len(data) - page))
    archive_file.write_bytes(bytes(data))
    before = _fingerprint(archive_file)
    _refused(_facilitator(archive_file, *command), "is damaged")
    assert _fingerprint(archive_file) == before


@pytest.mark.parametrize("command", COMMANDS)
def test_a_file_that_is_not_an_archive(tmp_path: Path, command) -> None:
    path = tmp_path / "budget.xlsx"
    path.write_bytes(b"PK\x03\x04 a spreadsheet, not an archive")
    before = _fingerprint(path)
    _refused(_facilitator(path, *command), "not a Facilitator archive")
    assert _fingerprint(path) == before


@pytest.mark.parametrize("command", COMMANDS)
def test_an_archive_from_a_newer_version(archive_file: Path, command) -> None:
    conn = sqlite3.connect(archive_file)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('facilitator', 'm999_from_the_future', 'later')"
    )
    conn.commit()
    conn.close()
    before = _fingerprint(archive_file)
    _refused(_facilitator(archive_file, *command), "newer Facilitator")
    assert _fingerprint(archive_file) == before


@pytest.fixture
def read_only_archive(tmp_path: Path) -> Iterator[tuple[Path, bool]]:
    """An archive with mode 0400 in a directory with mode 0500, and whether root runs it.

    Root may write anything, so as root the command runs without the
    capabilities that override file modes (switching to another user instead
    would need the checkout and the venv to be reachable by that user).
    """
    root = os.geteuid() == 0
    if root and not _can_drop_overrides():
        pytest.skip("running as root and cannot drop CAP_DAC_OVERRIDE: read-only cannot be shown")
    folder = tmp_path / "shared"
    folder.mkdir()
    path = _archive(folder / "archive.db")
    for item in (*folder.iterdir(), folder):
        item.chmod(0o500 if item == folder else 0o400)
    try:
        yield path, root
    finally:
        folder.chmod(0o700)


def _can_drop_overrides() -> bool:
    if shutil.which("setpriv") is None:
        return False
    probe = subprocess.run(
        ["setpriv", "--bounding-set", OVERRIDES, "true"], capture_output=True, check=False
    )
    return probe.returncode == 0


def test_a_read_only_archive_cannot_be_written(read_only_archive) -> None:
    path, root = read_only_archive
    before = _fingerprint(path)
    _refused(_facilitator(path, "open", as_plain_root=root), "is read-only")
    assert _fingerprint(path) == before
    assert sorted(f.name for f in path.parent.iterdir()) == ["archive.db"]


def test_a_read_only_archive_can_still_be_read(read_only_archive) -> None:
    # Reading never writes: the minutes of a read-only copy print, the copy untouched.
    path, root = read_only_archive
    before = _fingerprint(path)
    result = _facilitator(path, "minutes", as_plain_root=root)
    assert result.returncode == 0, result.stderr
    assert "go live on 20 Sept" in result.stdout and "Traceback" not in result.stderr
    assert "this export is not recorded" in result.stderr  # the bookkeeping could not be written
    assert _fingerprint(path) == before
    assert sorted(f.name for f in path.parent.iterdir()) == ["archive.db"]


def test_a_missing_directory_is_created_with_a_private_archive(tmp_path: Path) -> None:
    path = tmp_path / "new" / "deeper" / "archive.db"
    Archive.open(path).close()
    assert path.stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize("command", [["minutes"], ["tasks"], ["report"], ["follow"], ["open"]])
def test_a_mistyped_archive_for_a_command_is_an_error_not_a_new_archive(
    tmp_path: Path, command
) -> None:
    path = tmp_path / "typo-dir" / "sub" / "typo.db"
    _refused(_facilitator(path, *command), "typo.db")
    assert not (tmp_path / "typo-dir").exists()


@pytest.mark.parametrize("command", COMMANDS)
def test_another_programs_database_is_not_made_an_archive(tmp_path: Path, command) -> None:
    path = tmp_path / "places.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE bookmarks (id INTEGER PRIMARY KEY, url TEXT)")
    conn.execute("INSERT INTO bookmarks (url) VALUES ('https://e.x')")
    conn.commit()
    conn.close()
    before = _fingerprint(path)
    _refused(_facilitator(path, *command), "a database of another program")
    assert _fingerprint(path) == before


@pytest.mark.parametrize(
    ("kind", "payload", "message"),
    [
        ("speaker_teleported", "{}", "newer Facilitator"),
        ("entry_captured", "{not json", "is damaged"),
        ("entry_captured", '{"entry": {"kind": "point"}}', "is damaged"),
    ],
)
def test_a_journal_row_this_version_cannot_read(archive_file: Path, kind, payload, message):
    conn = sqlite3.connect(archive_file)
    conn.execute(
        "INSERT INTO journal (meeting_id, at, kind, payload) VALUES (2, ?, ?, ?)",
        ("2026-03-02T09:30:00+00:00", kind, payload),
    )
    conn.commit()
    conn.close()
    before = _fingerprint(archive_file)
    _refused(_facilitator(archive_file, "open"), message)
    assert _fingerprint(archive_file) == before


FUZZED_COMMANDS = (
    ["minutes"],
    ["minutes", "1", "--format", "json"],
    ["tasks"],
    ["task", "1"],
    ["report"],
    ["metrics", "1"],
    ["open"],
    ["follow"],
)


@pytest.mark.parametrize("seed", range(8))
def test_a_randomly_damaged_archive_never_gives_a_traceback(tmp_path: Path, seed: int) -> None:
    import random

    path = _archive(tmp_path / "archive.db")
    data = bytearray(path.read_bytes())
    rng = random.Random(seed)
    # Damage a few spots past the first page (the header page decides "not SQLite").
    for _ in range(rng.randint(1, 6)):
        start = rng.randrange(4096, len(data))
        for index in range(start, min(len(data), start + rng.randint(1, 64))):
            data[index] = rng.randrange(256)
    path.write_bytes(bytes(data))
    for command in FUZZED_COMMANDS:
        result = _facilitator(path, *command)
        said = result.stdout + result.stderr
        assert "Traceback" not in said, (seed, command, said)
        assert result.returncode in (0, 2), (seed, command, result.returncode, said)
        if result.returncode == 2:
            assert result.stderr.count("\n") == 1, (seed, command, result.stderr)


def test_an_argument_that_is_not_utf8_is_named_not_a_traceback(archive_file: Path) -> None:
    command = [str(FACILITATOR), "--db", str(archive_file), "task", "1", "done", "--note"]
    result = subprocess.run(
        [*command, b"\xff late".decode("utf-8", "surrogateescape")],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=60,
        env={"PATH": os.environ.get("PATH", ""), "LANG": "C.UTF-8", "FACILITATOR_LANG": "en"},
    )
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "not UTF-8" in result.stderr
