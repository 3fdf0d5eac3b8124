"""The archive as SQL users meet it: instants that sort as text, "delayed" in SQL.

A Datasette or ``sqlite3`` user sorts by a time column and asks which tasks
are late without our Python: every instant is UTC ISO 8601, and the
``task_status`` view (and ``facilitator tasks``, the same SQL with the
program's clock) says what :func:`effective_status` says, in each meeting's zone.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from facilitator.app.settings import Location
from facilitator.followup.tasks import TaskRecord, effective_status, meeting_today
from store.archive import Archive
from store.followup import record_export, save_retrospective, update_task
from store.schema_followup import INSTANT_COLUMNS
from store.tasklist import task_rows
from store.views import add_zone
from tests.support import LAUNCH_ZH, LAUNCH_ZH_LINES, hold_meeting, migrated_until

UTC_SUFFIX = "+00:00"


def _instants(conn: sqlite3.Connection) -> list[str]:
    values = []
    for table, (_key, columns) in INSTANT_COLUMNS.items():
        for column in columns:
            values += [
                value
                for (value,) in conn.execute(f'SELECT "{column}" FROM "{table}"')
                if value is not None
            ]
    return values


def test_every_instant_a_meeting_leaves_is_stored_in_utc(db_path: Path) -> None:
    from facilitator.followup.retro import Retrospective

    meeting_id, clock = hold_meeting(db_path, LAUNCH_ZH, LAUNCH_ZH_LINES)
    later = clock.now().add(days=1)  # Asia/Shanghai, +08:00
    with Archive.open(db_path) as archive:
        update_task(archive, 1, "doing", "started", later)
        record_export(archive, meeting_id, "md", later)
        save_retrospective(archive, meeting_id, Retrospective("ok", "less", 4, later))
        values = _instants(archive.conn)
        # opened_at, closed_at, start, end, the journal, tasks, the history, the export, the retro
        assert len(values) > 20
        assert all(value.endswith(UTC_SUFFIX) for value in values), values
        (start,) = archive.conn.execute("SELECT start FROM meetings").fetchone()
        assert start == "2026-03-02T06:00:00+00:00"  # 14:00 in Shanghai
        assert archive.meetings()[0].local_start.format("HH:mm") == "14:00"


def _old_archive(path: Path) -> None:
    """An archive as the version before m030 wrote it: offsets as they came."""
    migrated_until(path, "m030_instants_in_utc")
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO meetings (id, key, title, start, end, timezone, status, created_at, "
        "opened_at, closed_at) VALUES (1, 'k1', 'Berlin sync', '2026-03-02T10:00:00+01:00', "
        "'2026-03-02T11:00:00+01:00', 'Europe/Berlin', 'closed', "
        "'2026-02-20T09:30:00.250000+01:00', '2026-03-02T09:01:00+00:00', "
        "'2026-03-02T11:05:00+01:00')"
    )
    conn.execute(
        "INSERT INTO meetings (id, key, title, start, end, timezone, status, created_at) "
        "VALUES (2, 'k2', 'Shanghai sync', '2026-03-02T16:30:00+08:00', "
        "'2026-03-02T17:00:00+08:00', 'Asia/Shanghai', 'planned', 'soon')"
    )
    conn.execute(
        "INSERT INTO tasks (meeting_id, title, due, status, created_at, updated_at) "
        "VALUES (1, 'send the form', '2026-03-10', 'open', '2026-03-02T11:05:00+01:00', "
        "'2026-03-03T08:00:00+08:00')"
    )
    conn.commit()
    conn.close()


def test_an_archive_from_before_has_its_instants_moved_to_utc(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    _old_archive(path)
    with Archive.open(path) as archive:
        meetings = archive.conn.execute(
            "SELECT start, created_at, opened_at, closed_at FROM meetings ORDER BY id"
        ).fetchall()
        assert meetings[0] == (
            "2026-03-02T09:00:00+00:00",
            "2026-02-20T08:30:00.250000+00:00",
            "2026-03-02T09:01:00+00:00",
            "2026-03-02T10:05:00+00:00",
        )
        # Shanghai's 16:30 is before Berlin's 10:00: as text too, now.
        assert meetings[1][0] == "2026-03-02T08:30:00+00:00"
        assert meetings[1][1] == "soon"  # not an instant: kept as found, never lost
        assert [m.title for m in archive.meetings()] == ["Shanghai sync", "Berlin sync"]
        task = archive.conn.execute("SELECT created_at, updated_at FROM tasks").fetchone()
        assert task == ("2026-03-02T10:05:00+00:00", "2026-03-03T00:00:00+00:00")
        zones = {z for (z,) in archive.conn.execute("SELECT DISTINCT zone FROM zone_offsets")}
        assert zones == {"Europe/Berlin", "Asia/Shanghai"}
        (status,) = archive.conn.execute("SELECT status FROM task_status").fetchone()
        assert status in ("open", "delayed")


ZONES = (
    "Asia/Shanghai",
    "Europe/Berlin",
    "America/Los_Angeles",
    "Pacific/Kiritimati",  # UTC+14: its today starts before anyone's
    "Pacific/Pago_Pago",  # UTC-11
    "+05:30",
    "UTC",
)
DUES = [pendulum.date(2026, 3, 27).add(days=n).isoformat() for n in range(6)] + [
    pendulum.date(2026, 10, 23).add(days=n).isoformat() for n in range(10)
]


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def zoned_archive(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Location:
    """Tasks due around both DST changes of 2026, in meetings of seven zones, on
    each engine (their date arithmetic differs; the answers must not)."""
    path: Location = tmp_path_factory.mktemp("zones") / "archive.db"
    if request.param == "postgres":
        path = request.getfixturevalue("postgres").new_database()
    with Archive.open(path) as archive, archive.transaction() as conn:
        for number, label in enumerate(ZONES, start=1):
            conn.execute(
                'INSERT INTO meetings (id, key, title, start, "end", timezone, status, created_at) '
                "VALUES (?, ?, ?, '2026-03-02T09:00:00+00:00', '2026-03-02T10:00:00+00:00', ?, "
                "'closed', '2026-03-02T09:00:00+00:00')",
                (number, f"k{number}", label, label),
            )
            add_zone(conn, label)
            for due in DUES:
                for status in ("open", "doing", "done", "delayed"):
                    conn.execute(
                        "INSERT INTO tasks (meeting_id, title, due, status) VALUES (?, ?, ?, ?)",
                        (number, f"{label} {due}", due, status),
                    )
    return path


def _record(meeting_id: int, label: str, due: str | None, status: str) -> TaskRecord:
    epoch = pendulum.datetime(2026, 1, 1)
    return TaskRecord(
        0, meeting_id, label, "", "", "", pendulum.Date.fromisoformat(due) if due else None,
        status, epoch, epoch, label,
    )  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(
    now=st.datetimes(
        min_value=pendulum.datetime(2026, 3, 26).naive(),
        max_value=pendulum.datetime(2026, 11, 3).naive(),
    )
)
def test_sql_and_python_agree_on_delayed_in_every_zone(zoned_archive: Location, now) -> None:
    instant = pendulum.instance(now, tz="UTC")
    with Archive.open(zoned_archive, read_only=True) as archive:
        rows = list(task_rows(archive, instant, status="all"))
    assert len(rows) == len(ZONES) * len(DUES) * 4
    for row in rows:
        record = _record(row.meeting_id, row.timezone, row.due, row.stored_status)
        expected = effective_status(record, meeting_today(record, instant))
        assert row.status == expected, (row, instant)


def test_the_task_status_view_says_what_the_program_says_today(zoned_archive: Location) -> None:
    now = pendulum.now("UTC")
    with Archive.open(zoned_archive, read_only=True) as archive:
        seen = archive.conn.execute(
            "SELECT task_id, status, stored_status, timezone, due, today FROM task_status"
        ).fetchall()
        listed = {row.id: row.status for row in task_rows(archive, now, status="all")}
    for task_id, status, stored, label, due, today in seen:
        record = _record(0, label, due, stored)
        assert today == meeting_today(record, now).isoformat()
        assert status == listed[task_id] == effective_status(record, meeting_today(record, now))
