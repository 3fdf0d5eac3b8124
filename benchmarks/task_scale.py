"""The organisation's follow-up: open tasks among 1,000,000, on PostgreSQL and SQLite.

An archive of years of meetings: 20,000 meetings (one every two hours for
four and a half years), 50 tasks each. Follow-up closes most of them: of the
tasks of meetings more than 90 days old 1 % are still open (open, doing or
delayed), of the recent ones 20 %, some 20,000 open tasks in all. The same
rows go into a PostgreSQL archive (a server of its own on loopback, COPY)
and an SQLite file, through the public tables, and on each engine the queries
a follow-up view runs are timed: every open task with its meeting (overdue
first), one person's open tasks, and ``facilitator tasks`` (the store's query
and the domain's filter and order). The baseline on each engine is a plain
scan of the whole tasks table.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pendulum

from benchmarks.common import Figure, median
from benchmarks.task_query import OPEN_TASKS, OWNERS, SCAN
from store.archive import Archive

MEETINGS = 20_000
TASKS_PER_MEETING = 50
RECENT_DAYS = 90
RUNS = 7
START = pendulum.datetime(2021, 1, 4, 9, tz="UTC")
NOW = START.add(hours=2 * MEETINGS, days=1)
OWNER_TASKS = OPEN_TASKS.replace(
    "WHERE tasks.status != 'done'", "WHERE tasks.owner = ? AND tasks.status != 'done'"
)


def _meetings() -> Iterator[tuple[Any, ...]]:
    for n in range(1, MEETINGS + 1):
        start = START.add(hours=2 * n)
        yield (
            n,
            f"m{n}",
            f"Weekly sync {n}",
            start.isoformat(),
            start.add(hours=1).isoformat(),
            "closed",
            start.isoformat(),
        )


def _tasks() -> Iterator[tuple[Any, ...]]:
    rng = random.Random(11)
    recent = NOW.subtract(days=RECENT_DAYS)
    task_id = 0
    for meeting in range(1, MEETINGS + 1):
        held = START.add(hours=2 * meeting)
        still_open = 0.20 if held > recent else 0.01
        for _ in range(TASKS_PER_MEETING):
            task_id += 1
            status = (
                rng.choice(("open", "doing", "delayed")) if rng.random() < still_open else "done"
            )
            due = held.add(days=rng.randint(1, 30)).date().isoformat()
            yield (
                task_id,
                meeting,
                f"Task {task_id}: send the figures",
                rng.choice(OWNERS),
                "R&D",
                due if rng.random() > 0.05 else None,
                status,
                held.isoformat(),
                held.isoformat(),
            )


MEETING_COLUMNS = '(id, key, title, start, "end", status, created_at)'
TASK_COLUMNS = "(id, meeting_id, title, owner, department, due, status, created_at, updated_at)"


def fill(location: str | Path) -> None:
    """The archive of years, through the public tables."""
    with Archive.open(location) as archive, archive.transaction() as conn:
        if archive.dialect == "postgres":
            raw = conn.raw  # type: ignore[attr-defined]
            with raw.cursor().copy(f"COPY meetings {MEETING_COLUMNS} FROM STDIN") as copy:
                for row in _meetings():
                    copy.write_row(row)
            with raw.cursor().copy(f"COPY tasks {TASK_COLUMNS} FROM STDIN") as copy:
                for row in _tasks():
                    copy.write_row(row)
        else:
            conn.executemany(
                f"INSERT INTO meetings {MEETING_COLUMNS} VALUES (?, ?, ?, ?, ?, ?, ?)", _meetings()
            )
            conn.executemany(
                f"INSERT INTO tasks {TASK_COLUMNS} VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", _tasks()
            )
    with Archive.open(location) as archive:
        archive.conn.execute("ANALYZE")


def _time(location: str | Path, sql: str, *params: object) -> tuple[float, int]:
    with Archive.open(location, read_only=True) as archive:
        archive.conn.execute("SELECT 1").fetchall()  # connected, and the first round trip made
        began = time.perf_counter()
        rows = archive.conn.execute(sql, params).fetchall()
        return (time.perf_counter() - began) * 1000, len(rows)


def _time_command(location: str | Path) -> tuple[float, int]:
    """What `facilitator tasks` does: the engine's task list (statuses in the meetings'
    zones, in words), every row fetched (store.tasklist.task_lines)."""
    from store.tasklist import task_lines

    labels = {"open": "open", "doing": "doing", "done": "done", "delayed": "delayed"}
    with Archive.open(location, read_only=True) as archive:
        archive.conn.execute("SELECT 1").fetchall()
        began = time.perf_counter()
        lines = task_lines(archive, NOW, labels)
        return (time.perf_counter() - began) * 1000, len(lines)


def _engine(name: str, location: str | Path) -> list[Figure]:
    began = time.perf_counter()
    fill(location)
    filled = time.perf_counter() - began
    scan = median([_time(location, SCAN)[0] for _ in range(RUNS)])
    open_runs = [_time(location, OPEN_TASKS) for _ in range(RUNS)]
    owner_runs = [_time(location, OWNER_TASKS, "李雷") for _ in range(RUNS)]
    command_runs = [_time_command(location) for _ in range(3)]
    total = MEETINGS * TASKS_PER_MEETING
    figures = []
    for label, runs in (
        ("all open tasks", open_runs),
        ("one person's open tasks", owner_runs),
        ("facilitator tasks: the task list in SQL", command_runs),
    ):
        value = median([ms for ms, _ in runs])
        figures.append(
            Figure(
                f"{label}, {total // 1_000_000}M tasks, {name}",
                value,
                "ms",
                scan,
                "scan of all tasks",
                "< 200 ms",
                value < 200,
                f"{runs[0][1]:,} rows; archive filled in {filled:.0f} s",
            )
        )
    return figures


def run() -> list[Figure]:
    from tests.support import NO_POSTGRES, PostgresServer, postgres_binaries

    figures: list[Figure] = []
    binaries = postgres_binaries()
    if binaries is None:
        print(f"  1M tasks on PostgreSQL skipped: {NO_POSTGRES}", file=sys.stderr)
    else:
        server = PostgresServer(binaries, durable=True)
        try:
            figures += _engine("PostgreSQL", server.new_database())
        finally:
            server.stop()
    path = Path(tempfile.mkdtemp(prefix="facilitator-bench-")) / "archive.db"
    figures += _engine("SQLite", path)
    return figures
