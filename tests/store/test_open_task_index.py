"""The open-task query of a follow-up view uses its index (m010), not a scan.

Its speed is measured in benchmarks/task_query.py; here only the plan.
"""

from __future__ import annotations

from store.archive import Archive


def test_open_tasks_are_found_by_their_index_not_by_a_scan(archive: Archive) -> None:
    rows = archive.conn.execute(
        "EXPLAIN QUERY PLAN SELECT tasks.id, meetings.title FROM tasks "
        "JOIN meetings ON meetings.id = tasks.meeting_id "
        "WHERE tasks.status != 'done' ORDER BY tasks.due"
    )
    plan = " ".join(row[-1] for row in rows)
    assert "idx_tasks_open_due" in plan, plan
