"""Copies of the archive and of what it exports: whole, private, and never half."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from facilitator.app.files import write_file
from facilitator.app.live import LiveMeeting
from facilitator.cli.main import main
from facilitator.core.clock import FakeClock
from facilitator.planning.demo import demo_agenda
from store.archive import Archive

FACILITATOR = Path(sys.executable).parent / "facilitator"


def _meeting_with_lines(db: Path, clock: FakeClock, close: bool = True) -> None:
    with Archive.open(db) as archive:
        meeting = LiveMeeting(archive.create_meeting(demo_agenda(clock.now()), clock.now()), clock)
        meeting.open()
        meeting.submit("/next")
        meeting.submit("d: go live on 20 Sept")
        if close:
            meeting.close()


def test_a_plain_copy_of_the_file_after_a_close_holds_every_line(
    tmp_path: Path, clock: FakeClock
) -> None:
    db = tmp_path / "archive.db"
    with Archive.open(db) as archive:
        meeting = LiveMeeting(archive.create_meeting(demo_agenda(clock.now()), clock.now()), clock)
        meeting.submit("/next")
        meeting.submit("d: go live on 20 Sept")
        meeting.close()
        # The room is still open on the archive: its -wal is there, yet the file
        # alone (what cp copies) already holds the closed meeting.
        copy = tmp_path / "copy.db"
        shutil.copyfile(db, copy)
    with Archive.open(copy, read_only=True) as copied:
        assert copied.meetings()[-1].is_closed
        assert [c.entry.text for c in copied.state(copied.meetings()[-1].id).entries] == [
            "go live on 20 Sept"
        ]


def test_backup_copies_an_archive_a_room_is_writing(tmp_path: Path, clock: FakeClock) -> None:
    db = tmp_path / "archive.db"
    with Archive.open(db) as archive:
        meeting = LiveMeeting(archive.create_meeting(demo_agenda(clock.now()), clock.now()), clock)
        meeting.submit("/next")
        meeting.submit("d: still in the log")  # not checkpointed: only in the -wal
        dest = tmp_path / "backup.db"
        result = CliRunner().invoke(main, ["--db", str(db), "backup", str(dest)])
        assert result.exit_code == 0, result.output
        assert f"backed up 1 meeting to {dest}" in result.output
    assert stat.S_IMODE(dest.stat().st_mode) == 0o600
    with Archive.open(dest, read_only=True) as copied:
        texts = [c.entry.text for c in copied.state(copied.meetings()[-1].id).entries]
    assert texts == ["still in the log"]
    again = CliRunner().invoke(main, ["--db", str(db), "backup", str(dest)])
    assert again.exit_code == 2 and "already exists" in again.output


def test_exports_are_private_and_keep_a_mode_their_owner_chose(
    tmp_path: Path, clock: FakeClock
) -> None:
    db = tmp_path / "archive.db"
    _meeting_with_lines(db, clock)
    minutes = tmp_path / "minutes.md"
    run = CliRunner().invoke(main, ["--db", str(db), "minutes", "-o", str(minutes)])
    assert run.exit_code == 0, run.output
    assert stat.S_IMODE(minutes.stat().st_mode) == 0o600
    minutes.chmod(0o640)
    CliRunner().invoke(main, ["--db", str(db), "minutes", "-o", str(minutes)])
    assert stat.S_IMODE(minutes.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_a_write_cut_short_leaves_the_old_file_and_no_temporary_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "minutes.md"
    target.write_text("old")

    def interrupted(_handle: int) -> None:
        raise KeyboardInterrupt  # Ctrl+C while the new file is being made durable

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_file(target, b"new")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["minutes.md"]


FOLLOW = """
import sys
from store.archive import Archive
from store.journal import FollowedJournal
from facilitator.app.follower import Follower
archive = Archive.open(sys.argv[1], read_only=True, live=True)
reader = FollowedJournal(archive, archive.meetings()[-1].id)
follower = Follower(reader, version=reader.version)
follower.poll()
print(follower.state.agenda.title, len(follower.state.entries))
"""


def test_a_read_only_copy_can_be_listed_and_followed(tmp_path: Path, clock) -> None:
    db = tmp_path / "shared" / "archive.db"
    db.parent.mkdir()
    _meeting_with_lines(db, clock, close=False)
    db.chmod(0o444)
    db.parent.chmod(0o555)
    try:
        # Run as a user without root's override of file modes, as a colleague would.
        result = subprocess.run(
            [
                "setpriv",
                "--bounding-set",
                "-dac_override,-dac_read_search,-fowner",
                str(FACILITATOR),
                "--db",
                str(db),
                "tasks",
            ],
            capture_output=True,
            text=True,
            check=False,
            env={**os.environ, "FACILITATOR_LANG": "en"},
        )
        assert result.returncode == 0, result.stderr
        assert "Traceback" not in result.stderr
        followed = subprocess.run(
            [
                "setpriv",
                "--bounding-set",
                "-dac_override,-dac_read_search,-fowner",
                sys.executable,
                "-c",
                FOLLOW,
                str(db),
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        assert followed.returncode == 0, followed.stderr
        assert followed.stdout.strip() == "Q3 product launch coordination 1"
        assert sorted(p.name for p in db.parent.iterdir()) == ["archive.db"]
    finally:
        db.parent.chmod(0o755)
        db.chmod(0o600)


def test_a_follower_opened_before_the_room_sees_the_room_s_lines(
    tmp_path: Path, clock: FakeClock
) -> None:
    from facilitator.app.follower import Follower
    from store.journal import FollowedJournal

    db = tmp_path / "archive.db"
    with Archive.open(db) as archive:
        journal = archive.create_meeting(demo_agenda(clock.now()), clock.now())
    # Nobody writes yet; a live reader must still see the room once it starts.
    watching = Archive.open(db, read_only=True, live=True)
    reader = FollowedJournal(watching, journal.meeting_id)
    follower = Follower(reader, clock, reader.version)
    with Archive.open(db) as room_archive:
        room = LiveMeeting(room_archive.journal(journal.meeting_id), clock)
        room.submit("d: typed after the follower opened")
        assert follower.poll()
        assert [c.entry.text for c in follower.state.entries] == ["typed after the follower opened"]
    watching.close()


def test_a_follower_notices_its_archive_replaced(tmp_path: Path, clock: FakeClock) -> None:
    from facilitator.app.follower import Follower
    from store.journal import FollowedJournal

    db = tmp_path / "archive.db"
    _meeting_with_lines(db, clock)
    other = tmp_path / "other.db"
    _meeting_with_lines(other, clock)
    watching = Archive.open(db, read_only=True, live=True)
    reader = FollowedJournal(watching, watching.meetings()[-1].id)
    follower = Follower(reader, clock, reader.version)
    os.replace(other, db)
    assert follower.poll()  # news: the archive is gone
    assert follower.gone is not None and "replaced" in follower.gone
    assert follower.state.entries  # the last state is still shown
    watching.close()
    second = tmp_path / "second.db"
    _meeting_with_lines(second, clock)
    watching = Archive.open(second, read_only=True, live=True)
    reader = FollowedJournal(watching, watching.meetings()[-1].id)
    follower = Follower(reader, clock, reader.version)
    second.unlink()
    assert follower.poll() and follower.gone is not None and "deleted" in follower.gone
    watching.close()


def test_a_partial_copy_left_by_a_killed_export_goes_at_the_next_write(tmp_path: Path) -> None:
    target = tmp_path / "minutes.md"
    leftover = tmp_path / ".minutes.md.k3j9x2a1"  # as mkstemp names it
    leftover.write_text("half of the minutes")
    write_file(target, b"whole")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["minutes.md"]
