"""The archive on disk: schema, WAL, permissions, and files it must refuse."""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path

import pytest

from store.archive import Archive
from store.errors import ArchiveError
from store.schema import KNOWN

PUBLIC_TABLES = {
    "meetings",
    "topics",
    "people",
    "attendance",
    "points",
    "decisions",
    "disputes",
    "open_items",
    "tasks",
    "speaking",
    "journal",
}


def test_new_archive_has_the_public_tables_in_wal_mode(db_path: Path) -> None:
    with Archive.open(db_path) as archive:
        assert set(archive.db.table_names()) >= PUBLIC_TABLES
        assert archive.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert archive.db["tasks"].columns_dict == {
            "id": int,
            "meeting_id": int,
            "topic_id": int,
            "title": str,
            "owner": str,
            "department": str,
            "due": str,
            "status": str,
            "created_at": str,
            "updated_at": str,
        }
        assert archive.schema_version == len(KNOWN)


def test_archive_file_is_private_and_its_directory_is_created(tmp_path: Path) -> None:
    path = tmp_path / "new" / "deeper" / "archive.db"
    Archive.open(path).close()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_reopening_applies_no_migration_twice(db_path: Path) -> None:
    Archive.open(db_path).close()
    with Archive.open(db_path) as archive:
        names = [r["name"] for r in archive.db["_sqlite_migrations"].rows]
        assert names == list(KNOWN)
        assert names[0] == "m001_journal_and_minutes"


def test_a_file_that_is_not_sqlite_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("my notes, not a database")
    with pytest.raises(ArchiveError, match="not a Facilitator archive"):
        Archive.open(path)
    assert path.read_text() == "my notes, not a database"


def test_an_archive_from_a_newer_version_is_refused_untouched(db_path: Path) -> None:
    Archive.open(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('facilitator', 'm999_future', 'later')"
    )
    conn.commit()
    conn.close()
    before = db_path.read_bytes()
    with pytest.raises(ArchiveError, match="newer Facilitator"):
        Archive.open(db_path)
    assert db_path.read_bytes() == before


def test_a_truncated_archive_is_reported_as_damaged(db_path: Path) -> None:
    Archive.open(db_path).close()
    data = db_path.read_bytes()
    db_path.write_bytes(data[:100] + b"\x00" * 50)
    with pytest.raises(ArchiveError):
        Archive.open(db_path)


def test_journal_keeps_events_in_order_with_their_group(meeting, archive) -> None:
    meeting.submit("/present all")
    meeting.submit("/next")
    rows = list(
        archive.db.query(
            "SELECT kind, grp FROM journal WHERE meeting_id = ? ORDER BY seq", [meeting.meeting_id]
        )
    )
    kinds = [r["kind"] for r in rows if r["kind"] != "attendance_marked"]
    assert kinds == ["meeting_created", "topic_started", "speaker_called"]
    assert rows[-1]["grp"] is not None  # the owner's call belongs to the /next command
