"""What the store promises, on both engines: every test here runs on an SQLite
file and on a PostgreSQL database (the ``location`` fixture), unchanged.

The journal in order and durable, a stale write refused, the close all or
nothing, follow-up and notebook queries, migrations, followers told of new
lines, and a whole archive copied across and back, counts checked.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest
from pendulum import Date

from facilitator.app.follower import Follower
from facilitator.app.live import LiveMeeting
from facilitator.app.settings import Location
from facilitator.core.clock import FakeClock
from facilitator.followup.retro import Retrospective
from facilitator.meeting.events import EntryCaptured, MeetingClosed
from facilitator.meeting.journal import JournalMoved
from facilitator.planning.demo import demo_agenda
from store.archive import Archive
from store.confirmations import confirmations
from store.copy import NOT_COPIED, TABLES, copy_archive
from store.errors import ArchiveError
from store.followup import (
    last_notes,
    record_export,
    retrospective,
    save_retrospective,
    task_updates,
    tasks,
    update_task,
)
from store.items import items
from store.queries import attendees, speaking_lines
from store.search import search
from store.tasklist import task_rows, unsent_minutes
from store.versions import KNOWN
from tests.support import (
    DATA,
    LAUNCH_EN,
    LAUNCH_EN_LINES,
    LAUNCH_ZH,
    LAUNCH_ZH_LINES,
    START,
    hold_meeting,
    type_lines,
)


def _tables(archive: Archive) -> set[str]:
    if archive.dialect == "sqlite":
        sql = "SELECT name FROM sqlite_master WHERE type = 'table'"
    else:
        sql = (
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
        )
    return {name for (name,) in archive.conn.execute(sql).fetchall()}


def _everything(archive: Archive) -> dict[str, list[tuple]]:
    """Every copied table's rows, by key: what a copy must carry over."""
    return {
        table: [
            tuple(row)
            for row in archive.conn.execute(f'SELECT * FROM "{table}" ORDER BY "{key}"').fetchall()
        ]
        for table, key in TABLES
    }


def _sqlite_archive(path: Path) -> Path:
    """Two meetings held and closed, in English and Chinese, with a task followed up."""
    hold_meeting(path, LAUNCH_EN, LAUNCH_EN_LINES)
    _, clock = hold_meeting(path, LAUNCH_ZH, LAUNCH_ZH_LINES)
    with Archive.open(path) as archive:
        first = tasks(archive)[0]
        update_task(archive, first.id, "doing", "started", clock.now())
        record_export(archive, first.meeting_id, "md", clock.now())
    return path


def test_a_new_archive_has_every_migration_and_every_public_table(any_archive: Archive):
    assert any_archive.schema_version == len(KNOWN)
    public = {table for table, _key in TABLES}
    assert public <= _tables(any_archive)


def test_every_table_is_copied_or_said_not_to_be(any_archive: Archive) -> None:
    """A table added by a migration must be in store.copy.TABLES (or NOT_COPIED)."""
    copied = {table for table, _key in TABLES}
    assert _tables(any_archive) - copied - NOT_COPIED == set()


def test_lines_come_back_in_the_order_typed_each_numbered_once(
    any_archive: Archive, clock: FakeClock
) -> None:
    journal = any_archive.create_meeting(demo_agenda(clock.now()), clock.now())
    room = LiveMeeting(journal, clock)
    lines = [f"note {n}" for n in range(30)]
    type_lines(room, "/next", *lines)
    events = any_archive.journal(journal.meeting_id).read()
    seqs = [e.seq for e in events]
    assert seqs == sorted(set(seqs))
    assert [e.entry.raw for e in events if isinstance(e, EntryCaptured)] == lines
    state = any_archive.state(journal.meeting_id)
    assert [c.number for c in state.entries] == list(range(1, 31))
    assert any_archive.journal(journal.meeting_id).read(after=seqs[-3]) == events[-2:]


def test_a_write_decided_on_an_old_state_writes_nothing(
    any_archive: Archive, clock: FakeClock
) -> None:
    journal = any_archive.create_meeting(demo_agenda(clock.now()), clock.now())
    host = LiveMeeting(journal, clock)
    recorder = LiveMeeting(any_archive.journal(journal.meeting_id), clock)
    assert host.submit("/present all").accepted
    recorder.sync()
    stale = recorder.state.last_seq
    assert host.submit("/next").accepted
    note = EntryCaptured(at=clock.now(), entry=recorder.preview("late note").entry)
    with pytest.raises(JournalMoved):
        journal.append([note], expected_last=stale)
    with pytest.raises(JournalMoved):
        journal.close(MeetingClosed(at=clock.now()), recorder.minutes(), expected_last=stale)
    assert [e.kind for e in journal.read(after=stale)] == ["topic_started", "speaker_called"]
    # The recorder's own next line is read against the topic the host started.
    assert recorder.submit("late note").accepted
    assert recorder.state.entries[-1].entry.topic == "t1"
    assert host.sync() and host.state.entries == recorder.state.entries


def test_closing_writes_the_minutes_tables_once(location: Location) -> None:
    meeting_id, _clock = hold_meeting(location, LAUNCH_EN, LAUNCH_EN_LINES)
    with Archive.open(location) as archive:
        row = archive.find(str(meeting_id))
        assert row.is_closed
        count = archive.conn.execute(
            "SELECT count(*) FROM decisions WHERE meeting_id = ?", (meeting_id,)
        ).fetchone()[0]
        assert count == 1
        minutes = archive.minutes(meeting_id)
        journal = archive.journal(meeting_id)
        with pytest.raises(ArchiveError, match="already closed"):
            journal.close(MeetingClosed(at=START), minutes)
        titles = [t.title for t in tasks(archive, meeting_id)]
        assert titles == ["submit the test resource form", "campaign draft"]


def test_follow_up_reads_and_writes_the_same_on_both(location: Location) -> None:
    meeting_id, clock = hold_meeting(location, LAUNCH_EN, LAUNCH_EN_LINES)
    with Archive.open(location) as archive:
        first, second = tasks(archive)
        update_task(archive, first.id, "doing", "on it", clock.now())
        update_task(archive, first.id, "done", "sent", clock.advance(minutes=5))
        assert [t.id for t in tasks(archive, not_done=True)] == [second.id]
        history = task_updates(archive, first.id)
        assert [(u.previous, u.status) for u in history] == [("open", "doing"), ("doing", "done")]
        assert last_notes(archive, [first.id, second.id]) == {first.id: "sent"}
        assert [m[0] for m in unsent_minutes(archive)] == [meeting_id]
        record_export(archive, meeting_id, "md", clock.now())
        assert unsent_minutes(archive) == []
        save_retrospective(archive, meeting_id, Retrospective("focus", "time", 3, clock.now()))
        save_retrospective(archive, meeting_id, Retrospective("focus", "less", 4, clock.now()))
        assert retrospective(archive, meeting_id) == Retrospective("focus", "less", 4, clock.now())
        assert [item.owner for item in items(archive)] == ["Marta"]
        assert {line["department"] for line in speaking_lines(archive)} >= {"R&D"}
        assert {"Ana", "Li"} <= {person["name"] for person in attendees(archive)}


def test_the_meeting_meant_is_the_one_the_rooms_are_in(location: Location) -> None:
    clock = FakeClock(START)
    with Archive.open(location) as archive:
        planned = archive.create_meeting(demo_agenda(clock.now().add(days=1)), clock.now())
        running = archive.create_meeting(demo_agenda(clock.now()), clock.now())
        LiveMeeting(running, clock).open()
        assert archive.find(now=clock.now()).id == running.meeting_id
        assert archive.find(str(planned.meeting_id)).id == planned.meeting_id
        assert archive.find_by_key(archive.find(now=clock.now()).key) is not None


def test_an_archive_one_migration_behind_is_brought_up_to_date_by_a_writer_only(
    location: Location,
) -> None:
    Archive.open(location).close()
    with Archive.open(location) as archive, archive.transaction() as conn:
        # As if m034 (the owner's report in the search index) had not run yet.
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = ?", (KNOWN[-1],))
        if archive.dialect == "sqlite":
            for event in ("insert", "update", "delete"):
                conn.execute(f"DROP TRIGGER search_topic_reports_{event}")
        else:
            conn.execute("DROP TRIGGER search_topic_reports ON topic_reports")
            conn.execute("DROP FUNCTION facilitator_search_topic_reports()")
    with pytest.raises(ArchiveError, match="upgrade"):
        Archive.open(location, read_only=True)
    with Archive.open(location, create=False) as archive:
        assert archive.schema_version == len(KNOWN)
    with Archive.open(location, read_only=True) as archive:
        assert archive.schema_version == len(KNOWN)


def test_an_archive_from_a_newer_version_is_refused(location: Location) -> None:
    Archive.open(location).close()
    with Archive.open(location) as archive, archive.transaction() as conn:
        conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES (?, ?, ?)",
            ("facilitator", "m999_from_the_future", "2030-01-01"),
        )
    for read_only in (False, True):
        with pytest.raises(ArchiveError, match="newer Facilitator"):
            Archive.open(location, read_only=read_only)


def test_a_follower_is_told_of_each_line_and_reads_only_then(
    location: Location, clock: FakeClock
) -> None:
    with Archive.open(location) as writer:
        journal = writer.create_meeting(demo_agenda(clock.now()), clock.now())
        room = LiveMeeting(journal, clock)
        with Archive.open(location, read_only=True, live=True) as reader:
            followed = reader.followed(journal.meeting_id)
            follower = Follower(followed, clock, followed.version)
            assert not follower.poll()  # nothing new: nothing read
            type_lines(room, "/next", "d: ship on 20 Sept")
            deadline = time.monotonic() + 5
            while not follower.poll():  # a notification arrives just after the commit
                assert time.monotonic() < deadline, "the follower was never told"
                time.sleep(0.01)
            assert [c.entry.text for c in follower.state.entries] == ["ship on 20 Sept"]
            assert follower.state.last_seq == room.state.last_seq


def _archive_from_script(path: Path, script: str) -> Path:
    conn = sqlite3.connect(path)
    conn.executescript((DATA / script).read_text(encoding="utf-8"))
    conn.close()
    return path


def test_an_archive_written_before_postgres_opens_as_it_is(tmp_path: Path) -> None:
    """The last version before this one (sqlite-utils' migrations to m034, the FTS5
    search index, the task_status view) left this archive: it opens unchanged."""
    path = _archive_from_script(tmp_path / "archive.db", "archive_before_postgres_m034.sql")
    with Archive.open(path, read_only=True) as archive:
        assert archive.schema_version == len(KNOWN)
        assert [m.title for m in archive.meetings()] == [
            "Q3新产品上线协调会",
            "Q3 launch coordination",
        ]
        assert len(tasks(archive)) == 3
        assert [(u.previous_due, u.due) for u in task_updates(archive) if u.due] == [
            (Date(2026, 3, 10), Date(2026, 3, 20))
        ]
        assert [i.status for i in items(archive)] == ["resolved", "open"]
        assert [c.name for c in confirmations(archive, 2)] == ["李雷"]
        assert {hit.kind for hit in search(archive, "预算")} == {"open_item"}
        assert len(list(task_rows(archive, START))) == 3
    with Archive.open(path) as archive:  # a writer finds nothing to migrate
        names = [row["name"] for row in archive.db["_sqlite_migrations"].rows]
        assert names == list(KNOWN)
        journal = archive.create_meeting(demo_agenda(START), START)
        type_lines(LiveMeeting(journal, FakeClock(START)), "/next", "d: 预算冻结")
        LiveMeeting(journal, FakeClock(START)).close()
        assert {hit.meeting_id for hit in search(archive, "预算冻结")} == {journal.meeting_id}


def test_an_archive_from_before_the_follow_up_tables_is_upgraded_by_a_writer(
    tmp_path: Path,
) -> None:
    """Written at m010 (sqlite-utils): the read-only commands say to upgrade; a
    writer applies m020-m034 from the one list, and nothing recorded is lost."""
    path = _archive_from_script(tmp_path / "archive.db", "archive_before_postgres.sql")
    with pytest.raises(ArchiveError, match="upgrade"):
        Archive.open(path, read_only=True)
    with Archive.open(path) as archive:
        names = [row["name"] for row in archive.db["_sqlite_migrations"].rows]
        assert names == list(KNOWN)
        # In UTC the Shanghai meeting (06:00) comes before the Berlin one (09:00).
        assert [m.title for m in archive.meetings()] == [
            "Q3新产品上线协调会",
            "Q3 launch coordination",
        ]
        assert len(tasks(archive)) == 3
        instants = archive.conn.execute("SELECT closed_at FROM meetings").fetchall()
        assert all(value.endswith("+00:00") for (value,) in instants)
        assert {m.title for m in archive.meetings()} == {
            series for (series,) in archive.conn.execute("SELECT series FROM meetings")
        }
        assert [i.status for i in items(archive)] == ["open"] * len(items(archive))
        assert search(archive, "预算")


def test_a_whole_archive_is_copied_there_and_back_row_for_row(
    location: Location, tmp_path: Path
) -> None:
    source = _sqlite_archive(tmp_path / "source.db")
    back = tmp_path / "back.db"
    with Archive.open(source, read_only=True) as src, Archive.open(location) as dst:
        report = copy_archive(src, dst)
        assert report.meetings == 2 and report.changed == report.rows
        original = _everything(src)
    with Archive.open(location, read_only=True) as src, Archive.open(back) as dst:
        copy_archive(src, dst)
        assert _everything(dst) == original
    # The copy is an archive like any: the rooms go on writing it, ids going on.
    with Archive.open(location) as copied:
        journal = copied.create_meeting(demo_agenda(START.add(days=9)), START)
        assert journal.meeting_id == 3
        assert journal.read()[0].seq > max(row[0] for row in original["journal"])


def test_copying_again_writes_only_what_changed(location: Location, tmp_path: Path) -> None:
    source = _sqlite_archive(tmp_path / "source.db")
    with Archive.open(source, read_only=True) as src, Archive.open(location) as dst:
        copy_archive(src, dst)
        again = copy_archive(src, dst)
        assert again.changed == 0 and again.rows > 0
    with Archive.open(source) as src:
        task = tasks(src)[-1]
        update_task(src, task.id, "done", "after the move", START.add(days=2))
    with Archive.open(source, read_only=True) as src, Archive.open(location) as dst:
        third = copy_archive(src, dst)
        changed = {c.table: (c.added, c.updated) for c in third.tables if c.added or c.updated}
        assert changed == {"tasks": (0, 1), "task_updates": (1, 0)}
        assert _everything(dst) == _everything(src)


def test_copying_into_another_archive_is_refused_and_changes_nothing(
    location: Location, tmp_path: Path, clock: FakeClock
) -> None:
    source = _sqlite_archive(tmp_path / "source.db")
    with Archive.open(location) as dst:
        dst.create_meeting(demo_agenda(clock.now()), clock.now())
        dst.create_meeting(demo_agenda(clock.now().add(days=1)), clock.now())
        dst.create_meeting(demo_agenda(clock.now().add(days=2)), clock.now())
        before = _everything(dst)
        with (
            Archive.open(source, read_only=True) as src,
            pytest.raises(ArchiveError, match="another archive"),
        ):
            copy_archive(src, dst)
        assert _everything(dst) == before


def test_an_archive_is_not_copied_onto_itself(location: Location) -> None:
    Archive.open(location).close()
    with (
        Archive.open(location, read_only=True) as src,
        Archive.open(location) as dst,
        pytest.raises(ArchiveError, match="both the source and the destination"),
    ):
        copy_archive(src, dst)
