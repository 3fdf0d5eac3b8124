"""Following tasks across the archive: open tasks over 10,000 meetings / 200,000 tasks.

The archive is filled through the public tables (as closing meetings would),
then the open-task queries a follow-up view runs are timed: every open task
with its meeting, overdue first, and one person's open tasks. The baseline is
a plain scan of the whole tasks table.
"""

from __future__ import annotations

import random
import tempfile
import time
from pathlib import Path

import pendulum

from benchmarks.common import Figure, median
from store.archive import Archive

MEETINGS = 10_000
TASKS = 200_000
RUNS = 7
OWNERS = [f"Person {n}" for n in range(300)] + ["李雷", "韩梅梅", "Ana", "Li", "Marta"]
STATUSES = ["done"] * 16 + ["open"] * 2 + ["doing", "delayed"]

OPEN_TASKS = """
SELECT tasks.id, tasks.title, tasks.owner, tasks.department, tasks.due, tasks.status,
       meetings.id, meetings.title, meetings.start
FROM tasks JOIN meetings ON meetings.id = tasks.meeting_id
WHERE tasks.status != 'done'
ORDER BY tasks.due IS NULL, tasks.due, tasks.id
"""
OWNER_TASKS = """
SELECT tasks.id, tasks.title, tasks.due, tasks.status, meetings.title
FROM tasks JOIN meetings ON meetings.id = tasks.meeting_id
WHERE tasks.owner = ? AND tasks.status != 'done'
ORDER BY tasks.due IS NULL, tasks.due, tasks.id
"""
SCAN = "SELECT count(*), max(length(title)) FROM tasks"


def fill(path: Path) -> None:
    rng = random.Random(7)
    start = pendulum.datetime(2020, 1, 6, 9, tz="UTC")
    with Archive.open(path) as archive, archive.transaction() as conn:
        conn.executemany(
            "INSERT INTO meetings (id, key, title, start, end, status, created_at) "
            "VALUES (?, ?, ?, ?, ?, 'closed', ?)",
            (
                (
                    n,
                    f"m{n}",
                    f"Weekly sync {n}",
                    start.add(hours=6 * n).isoformat(),
                    start.add(hours=6 * n + 1).isoformat(),
                    start.isoformat(),
                )
                for n in range(1, MEETINGS + 1)
            ),
        )

        def task(n: int) -> tuple:
            meeting = rng.randint(1, MEETINGS)
            due = start.add(hours=6 * meeting, days=rng.randint(1, 30)).date().isoformat()
            return (
                meeting,
                f"Task {n}: send the figures",
                rng.choice(OWNERS),
                "R&D",
                due if rng.random() > 0.05 else None,
                rng.choice(STATUSES),
                start.isoformat(),
                start.isoformat(),
            )

        conn.executemany(
            "INSERT INTO tasks (meeting_id, title, owner, department, due, status, created_at, "
            "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (task(n) for n in range(TASKS)),
        )
        conn.execute("ANALYZE")


def _time(path: Path, sql: str, *params: object) -> tuple[float, int]:
    with Archive.open(path) as archive:
        began = time.perf_counter()
        rows = archive.conn.execute(sql, params).fetchall()
        return (time.perf_counter() - began) * 1000, len(rows)


def _time_command_path(path: Path) -> tuple[float, int]:
    """What `facilitator tasks` does: the store query, then the domain's filter and order."""
    from facilitator.followup.tasks import select_tasks
    from store.followup import tasks

    with Archive.open(path) as archive:
        began = time.perf_counter()
        chosen = select_tasks(tasks(archive, not_done=True), pendulum.Date(2026, 11, 25))
        return (time.perf_counter() - began) * 1000, len(chosen)


def run() -> list[Figure]:
    path = Path(tempfile.mkdtemp(prefix="facilitator-bench-")) / "archive.db"
    fill(path)
    open_runs = [_time(path, OPEN_TASKS) for _ in range(RUNS)]
    owner_runs = [_time(path, OWNER_TASKS, "李雷") for _ in range(RUNS)]
    scan = median([_time(path, SCAN)[0] for _ in range(RUNS)])
    command_runs = [_time_command_path(path) for _ in range(3)]
    command_ms = median([ms for ms, _ in command_runs])
    with Archive.open(path) as archive:
        plan = " / ".join(
            row[-1] for row in archive.conn.execute("EXPLAIN QUERY PLAN " + OPEN_TASKS)
        )
    open_ms = median([ms for ms, _ in open_runs])
    owner_ms = median([ms for ms, _ in owner_runs])
    return [
        Figure(
            "all open tasks, 200k tasks",
            open_ms,
            "ms",
            scan,
            "scan of all tasks",
            "< 200 ms",
            open_ms < 200,
            f"{open_runs[0][1]:,} rows; plan: {plan}",
        ),
        Figure(
            "facilitator tasks: query + domain filter",
            command_ms,
            "ms",
            scan,
            "scan of all tasks",
            "< 200 ms",
            command_ms < 200,
            f"{command_runs[0][1]:,} tasks listed",
        ),
        Figure(
            "one person's open tasks",
            owner_ms,
            "ms",
            scan,
            "scan of all tasks",
            "< 200 ms",
            owner_ms < 200,
            f"{owner_runs[0][1]:,} rows",
        ),
    ]
