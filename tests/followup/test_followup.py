"""Follow-up rules on plain values, and their rows in a real archive."""

from __future__ import annotations

from pathlib import Path

import pendulum
import pytest

from facilitator.export.csv import render_tasks_csv, safe_cell
from facilitator.followup.listing import TaskRow
from facilitator.followup.tasks import (
    Finished,
    TaskRecord,
    TaskUpdate,
    counts_as_export,
    effective_status,
    finished,
    finished_text,
    minutes_overdue,
    minutes_reminders,
    select_tasks,
    weekly_report,
)
from facilitator.meeting.metrics import meeting_metrics
from store.archive import Archive
from store.followup import task_updates, tasks, update_task
from tests.support import LAUNCH_EN, LAUNCH_EN_LINES, hold_meeting

CLOSED = pendulum.datetime(2026, 3, 2, 11, tz="Europe/Berlin")


def _task(id: int, due: str | None, status: str = "open", **changes) -> TaskRecord:
    fields = dict(
        id=id,
        meeting_id=1,
        meeting_title="Sync",
        title=f"task {id}",
        owner="Li",
        department="R&D",
        due=pendulum.Date.fromisoformat(due) if due else None,
        status=status,
        created_at=CLOSED,
        updated_at=CLOSED,
    )
    fields.update(changes)
    return TaskRecord(**fields)


def test_a_task_past_due_and_not_done_is_delayed() -> None:
    today = pendulum.date(2026, 3, 11)
    assert effective_status(_task(1, "2026-03-10"), today) == "delayed"
    assert effective_status(_task(1, "2026-03-10", "doing"), today) == "delayed"
    assert effective_status(_task(1, "2026-03-10", "done"), today) == "done"
    assert effective_status(_task(1, "2026-03-11"), today) == "open"  # due today is not late
    assert effective_status(_task(1, None), today) == "open"


def test_the_task_list_hides_done_tasks_and_sorts_by_due_date() -> None:
    rows = [
        _task(1, None),
        _task(2, "2026-03-20"),
        _task(3, "2026-03-05", "done"),
        _task(4, "2026-03-01", owner="Marta", department="Marketing"),
    ]
    today = pendulum.date(2026, 3, 2)
    assert [t.id for t in select_tasks(rows, today)] == [4, 2, 1]
    assert [t.id for t in select_tasks(rows, today, status="delayed")] == [4]
    assert [t.id for t in select_tasks(rows, today, status="done")] == [3]
    assert [t.id for t in select_tasks(rows, today, owner="marta")] == [4]
    assert [t.id for t in select_tasks(rows, today, department="R&D")] == [2, 1]


def test_only_minutes_sent_somewhere_count_as_exported() -> None:
    assert counts_as_export(to_file=True, stdout_is_terminal=True)  # -o minutes.md
    assert counts_as_export(to_file=False, stdout_is_terminal=False)  # | mail, > file
    assert not counts_as_export(to_file=False, stdout_is_terminal=True)  # read on screen


def test_minutes_are_due_24_hours_after_the_close() -> None:
    assert not minutes_overdue(CLOSED, False, CLOSED.add(hours=23))
    assert minutes_overdue(CLOSED, False, CLOSED.add(hours=25))
    assert not minutes_overdue(CLOSED, True, CLOSED.add(days=3))


def test_a_few_unexported_minutes_are_reminded_of_one_meeting_a_line() -> None:
    later = CLOSED.add(days=2)
    closed = [(1, "Sync", CLOSED), (2, "Launch", CLOSED), (3, "Today", later.subtract(hours=1))]
    assert minutes_reminders(closed, later) == [
        "The minutes of 'Sync' were closed over 24 hours ago and never exported: "
        "facilitator minutes 1",
        "The minutes of 'Launch' were closed over 24 hours ago and never exported: "
        "facilitator minutes 2",
    ]


def test_many_unexported_minutes_make_one_reminder_that_names_the_first_ten() -> None:
    closed = [(n, f"Sync {n}", CLOSED) for n in range(1, 13)]
    (reminder,) = minutes_reminders(closed, CLOSED.add(days=2))
    assert reminder == (
        "The minutes of 12 meetings (ids 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 …) were closed "
        "over 24 hours ago and never exported: facilitator minutes ID"
    )
    (four,) = minutes_reminders(closed[:4], CLOSED.add(days=2))
    assert "4 meetings (ids 1, 2, 3, 4)" in four


def test_weekly_report_sorts_delayed_tasks_oldest_first() -> None:
    now = pendulum.datetime(2026, 3, 16, 10, tz="Europe/Berlin")
    rows = [
        _task(1, "2026-03-10", "done"),
        _task(2, "2026-03-12"),
        _task(3, "2026-03-03", "doing"),
        _task(4, "2026-03-30", "doing"),
        _task(5, "2026-03-30", created_at=now.subtract(days=2)),
        _task(6, "2026-03-01", "done"),
    ]
    updates = [
        TaskUpdate(1, now.subtract(days=3), "open", "done"),
        TaskUpdate(6, now.subtract(days=10), "open", "done"),
    ]
    report = weekly_report(rows, updates, now)
    assert [t.id for t in report.done] == [1]  # task 6 was done the week before
    assert [t.id for t in report.delayed] == [3, 2]
    assert [t.id for t in report.doing] == [4]
    assert [t.id for t in report.new] == [5]
    assert [t.id for t in report.waiting] == [5]


@pytest.mark.parametrize("value", ["=1+2", "+SUM(A1)", "-2", "@cmd", " =1+2"])
def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(value: str) -> None:
    assert safe_cell(value) == "'" + value
    assert safe_cell("plain") == "plain"
    row = TaskRow(1, 1, "Sync", "", value, value, "R&D", None, "open", "open", None, None, None, "")
    text = render_tasks_csv([row])
    assert f"'{value}" in text


def test_csv_cell_starting_with_a_tab_is_a_space_then_neutralised() -> None:
    # The tab itself is a control character: cleaned to a space, the "=" behind
    # it still gets the quote.
    assert safe_cell("\t=1+2") == "' =1+2"
    assert safe_cell("\tx") == " x"


def test_status_changes_are_kept_as_a_history(db_path: Path) -> None:
    hold_meeting(db_path, LAUNCH_EN, LAUNCH_EN_LINES)
    with Archive.open(db_path) as archive:
        update_task(archive, 1, "doing", "form drafted", CLOSED.add(days=1))
        update_task(archive, 1, "done", "", CLOSED.add(days=2))
        history = task_updates(archive, 1)
        assert [(u.previous, u.status, u.note) for u in history] == [
            ("open", "doing", "form drafted"),
            ("doing", "done", ""),
        ]
        (first, second) = tasks(archive)
        assert first.status == "done" and first.updated_at == CLOSED.add(days=2)
        assert second.status == "open"


def test_metrics_of_a_held_meeting(db_path: Path) -> None:
    meeting_id, _clock = hold_meeting(db_path, LAUNCH_EN, LAUNCH_EN_LINES)
    with Archive.open(db_path) as archive:
        numbers = meeting_metrics(archive.minutes(meeting_id))
    assert [(t.planned_minutes, t.actual_minutes) for t in numbers.topics] == [
        (15, 10.0),
        (15, 6.0),
        (10, 0.0),
    ]
    assert numbers.overruns == () and numbers.decisions == 1
    assert numbers.decisions_per_hour == 3.8
    assert numbers.speaking_share[0] == ("R&D", 0.625)


def test_work_done_late_is_measured_against_the_due_date_in_force() -> None:
    done_at = pendulum.datetime(2026, 3, 9, 18, tz="Europe/Berlin")
    late = _task(1, "2026-03-05", "done")
    updates = [TaskUpdate(1, done_at, "doing", "done")]
    assert finished(late, updates, "Europe/Berlin") == Finished(pendulum.date(2026, 3, 9), 4, None)
    assert finished_text(finished(late, updates, "Europe/Berlin"), "en") == (
        "Mon 9 Mar 2026, 4 days late"
    )
    assert finished_text(finished(late, updates, "Asia/Shanghai"), "zh") == (
        "2026年3月10日 星期二，逾期5天"  # 18:00 in Berlin is the next day in Shanghai
    )
    # Moved in the open to the 9th, then done on the 9th: on time, and the move is said.
    moved = [
        TaskUpdate(
            1,
            CLOSED.add(days=1),
            "open",
            "open",
            previous_due=pendulum.date(2026, 3, 5),
            due=pendulum.date(2026, 3, 9),
        ),
        TaskUpdate(1, done_at, "open", "done"),
    ]
    on_time = finished(_task(1, "2026-03-09", "done"), moved, "Europe/Berlin")
    assert on_time == Finished(pendulum.date(2026, 3, 9), 0, pendulum.date(2026, 3, 5))
    assert finished_text(on_time, "en") == "Mon 9 Mar 2026 (first due Thu 5 Mar 2026)"
    assert finished(_task(1, "2026-03-05", "doing"), updates, "Europe/Berlin") is None
    one_day = finished(_task(1, "2026-03-08", "done"), updates, "Europe/Berlin")
    assert finished_text(one_day, "en") == "Mon 9 Mar 2026, 1 day late"


def test_an_open_item_is_overdue_from_midnight_where_its_meeting_was_held() -> None:
    from facilitator.followup.items import ItemRecord, item_status_now

    held = pendulum.datetime(2026, 3, 2, 9, tz="Asia/Shanghai")
    item = ItemRecord(
        1, 1, "协调会", "预算审批", "韩梅梅", "市场部", pendulum.date(2026, 3, 10), "open",
        held, held, timezone="Asia/Shanghai",
    )  # fmt: skip
    # 23:00 on the deadline in Shanghai is 15:00 UTC: still open there.
    assert item_status_now(item, pendulum.datetime(2026, 3, 10, 15, tz="UTC")) == "open"
    # 01:00 the next day in Shanghai, still the 10th in UTC: overdue.
    assert item_status_now(item, pendulum.datetime(2026, 3, 10, 17, tz="UTC")) == "overdue"
    settled = ItemRecord(**{**item.__dict__, "status": "resolved"})
    assert item_status_now(settled, pendulum.datetime(2026, 4, 1, tz="UTC")) == "resolved"
