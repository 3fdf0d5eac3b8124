"""Following tasks across the archive: open tasks over 10,000 meetings / 200,000 tasks.

The archive is filled through the public tables (as closing meetings would),
then timed: ``facilitator tasks`` end to end (a new process, as a person runs
it, its 40,000 lines read from a pipe) against a bare Python process that
runs the plain SELECT and prints the rows (the floor of any command); the
store's read (``store.tasklist.task_lines``: delayed computed in SQL in each
meeting's zone, plain tuples) against the way it was read before (a
dataclass per task, then Python's filter); and the raw queries against a
plain scan of the table.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pendulum

from benchmarks.common import Figure, median
from store.archive import Archive
from store.views import add_zone

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
ZONES = ("Asia/Shanghai", "Europe/Berlin", "America/New_York", "+05:30")
FLOOR = (
    "import sqlite3, sys\n"
    "rows = sqlite3.connect({uri!r}, uri=True).execute({sql!r}).fetchall()\n"
    "sys.stdout.write('\\n'.join('  '.join(map(str, row)) for row in rows))\n"
)
"""The floor: a bare Python that prints the open tasks, and does nothing else."""
FACILITATOR = Path(sys.executable).parent / "facilitator"


def fill(path: Path) -> None:
    rng = random.Random(7)
    start = pendulum.datetime(2020, 1, 6, 9, tz="UTC")
    with Archive.open(path) as archive, archive.transaction() as conn:
        conn.executemany(
            "INSERT INTO meetings (id, key, title, start, end, timezone, status, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, 'closed', ?)",
            (
                (
                    n,
                    f"m{n}",
                    f"Weekly sync {n}",
                    start.add(hours=6 * n).isoformat(),
                    start.add(hours=6 * n + 1).isoformat(),
                    ZONES[n % len(ZONES)],
                    start.isoformat(),
                )
                for n in range(1, MEETINGS + 1)
            ),
        )
        for label in ZONES:
            add_zone(conn, label)

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


def _time_before(path: Path) -> tuple[float, int]:
    """The read as it was: a frozen dataclass per task, then Python's filter and order."""
    from facilitator.followup.tasks import select_tasks
    from store.followup import tasks

    with Archive.open(path, read_only=True) as archive:
        began = time.perf_counter()
        chosen = select_tasks(tasks(archive, not_done=True), pendulum.Date(2026, 11, 25))
        return (time.perf_counter() - began) * 1000, len(chosen)


def _time_rows(path: Path) -> tuple[float, int]:
    """The store's read for `facilitator tasks`: statuses, filter and order in SQL."""
    from store.tasklist import task_lines

    labels = {"open": "Open", "doing": "In progress", "done": "Done", "delayed": "Delayed"}
    with Archive.open(path, read_only=True) as archive:
        began = time.perf_counter()
        rows = task_lines(archive, pendulum.datetime(2026, 11, 25, tz="UTC"), labels)
        return (time.perf_counter() - began) * 1000, len(rows)


def _time_process(command: list[str]) -> tuple[float, int, float]:
    """A new process, from its start to its last line read from a pipe: wall time,
    lines, and the CPU time it used (less swayed by other programs on the machine)."""
    began = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    assert process.stdout is not None
    lines = process.stdout.read().count(b"\n")
    _pid, status, usage = os.wait4(process.pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0, command
    wall = (time.perf_counter() - began) * 1000
    return wall, lines, (usage.ru_utime + usage.ru_stime) * 1000


def _time_on_terminal(command: list[str], width: int) -> tuple[float, int]:
    """A new process writing to a pseudo-terminal ``width`` columns wide, from its
    start to its last line read: wall time and lines shown."""
    import fcntl
    import pty
    import struct
    import termios

    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 40, width, 0, 0))
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    began = time.perf_counter()
    process = subprocess.Popen(command, stdout=follower, stderr=subprocess.DEVNULL, env=env)
    os.close(follower)
    shown = bytearray()
    while True:
        try:
            chunk = os.read(leader, 1 << 16)
        except OSError:  # the program closed the terminal
            break
        if not chunk:
            break
        shown += chunk
    os.close(leader)
    assert process.wait() == 0, command
    return (time.perf_counter() - began) * 1000, shown.count(b"\n")


def run() -> list[Figure]:
    path = Path(tempfile.mkdtemp(prefix="facilitator-bench-")) / "archive.db"
    fill(path)
    open_runs = [_time(path, OPEN_TASKS) for _ in range(RUNS)]
    owner_runs = [_time(path, OWNER_TASKS, "李雷") for _ in range(RUNS)]
    scan = median([_time(path, SCAN)[0] for _ in range(RUNS)])
    rows_runs = [_time_rows(path) for _ in range(RUNS)]
    before_runs = [_time_before(path) for _ in range(3)]
    uri = f"file:{path}?mode=ro"
    floor = [sys.executable, "-c", FLOOR.format(uri=uri, sql=OPEN_TASKS)]
    command = [str(FACILITATOR), "--db", str(path), "tasks"]
    _time_process(command)  # the first run writes the bytecode caches; people run it warm
    table_runs, csv_runs, floor_runs = [], [], []
    for _ in range(RUNS):
        floor_runs.append(_time_process(floor))
        table_runs.append(_time_process(command))
        csv_runs.append(_time_process([*command, "--format", "csv"]))
    folded_runs = [_time_on_terminal(command, 80) for _ in range(3)]
    with Archive.open(path) as archive:
        plan = " / ".join(
            row[-1] for row in archive.conn.execute("EXPLAIN QUERY PLAN " + OPEN_TASKS)
        )
    floor_ms = median([run[0] for run in floor_runs])
    table_ms = median([run[0] for run in table_runs])
    csv_ms = median([run[0] for run in csv_runs])
    floor_cpu = median([run[2] for run in floor_runs])
    table_cpu = median([run[2] for run in table_runs])
    rows_ms = median([ms for ms, _ in rows_runs])
    before_ms = median([ms for ms, _ in before_runs])
    open_ms = median([ms for ms, _ in open_runs])
    owner_ms = median([ms for ms, _ in owner_runs])
    floor_name = "bare python printing the rows"
    return [
        Figure(
            "facilitator tasks, end to end",
            table_ms,
            "ms",
            floor_ms,
            floor_name,
            "< 200 ms",
            table_ms < 200,
            f"{table_runs[0][1]:,} lines from a new process; median of {RUNS}; "
            f"CPU time {table_cpu:.0f} ms (floor {floor_cpu:.0f} ms); load average "
            f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores",
        ),
        Figure(
            "facilitator tasks on an 80-column terminal (folded)",
            median([ms for ms, _ in folded_runs]),
            "ms",
            table_ms,
            "the same list, piped",
            "< 1000 ms",
            median([ms for ms, _ in folded_runs]) < 1000,
            f"{folded_runs[0][1]:,} lines on a pseudo-terminal; median of 3; titles "
            "and meetings folded within their columns",
        ),
        Figure(
            "facilitator tasks --format csv, end to end",
            csv_ms,
            "ms",
            floor_ms,
            floor_name,
            "< 500 ms",
            csv_ms < 500,
            f"{csv_runs[0][1]:,} lines, every column (topic, ids, status code and words)",
        ),
        Figure(
            "store read for facilitator tasks",
            rows_ms,
            "ms",
            before_ms,
            "dataclass per task + Python filter",
            "< 200 ms",
            rows_ms < 200,
            f"{rows_runs[0][1]:,} rows, delayed computed in SQL in each meeting's zone",
        ),
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
