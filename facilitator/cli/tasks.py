"""Tasks across meetings, from the command line: ``tasks``, ``task``, ``report``.

A composition root wiring ``facilitator.followup.tasks`` (the rules) to
``store.followup`` (the rows).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click
from pendulum import Date, DateTime

if TYPE_CHECKING:
    from rich.table import Table

    from facilitator.followup.confirmations import MinutesToConfirm

from facilitator.app.settings import Settings
from facilitator.cli.common import command, fail, open_archive, render_rich, write_output
from facilitator.cli.tables import item_table, read_date
from facilitator.core.i18n import t
from facilitator.core.zones import local_zone
from facilitator.followup.statuses import TASK_STATUSES

if TYPE_CHECKING:
    from collections.abc import Sequence

    from facilitator.followup.tasks import TaskRecord


def _today(settings: Settings) -> Date:
    # A date typed at the command line ("friday") is a day where the user is.
    return settings.clock.now().in_timezone(local_zone()).date()


def _task_table(
    tasks: list[TaskRecord],
    title: str | None = None,
    notes: dict[int, str] | None = None,
    extra: tuple[str, dict[int, str]] | None = None,
) -> Table:
    from rich.table import Table
    from rich.text import Text

    from facilitator.core.text import clean
    from facilitator.render.times import format_date

    table = Table(title=Text(title) if title else None, title_justify="left")
    table.add_column(t("minutes.task_id"), justify="right")
    table.add_column(t("minutes.task"))
    table.add_column(t("minutes.owner"))
    table.add_column(t("minutes.department"))
    table.add_column(t("minutes.due"))
    table.add_column(t("minutes.status"))
    table.add_column(t("followup.meeting"))
    # The last note says why a task is late or where it stands: shown when there is one.
    notes = notes or {}
    with_notes = any(notes.get(task.id) for task in tasks)
    if with_notes:
        table.add_column(t("followup.last_note"))
    if extra is not None:
        table.add_column(extra[0])
    for task in tasks:
        cells: list[str | Text] = [
            str(task.id),
            Text(clean(task.title)),
            Text(clean(task.owner)),
            Text(clean(task.department)),
            format_date(task.due) if task.due else "",
            t("status." + task.status),
            Text(clean(task.meeting_title)),
        ]
        if with_notes:
            cells.append(Text(clean(notes.get(task.id, ""))))
        if extra is not None:
            cells.append(Text(clean(extra[1].get(task.id, ""))))
        table.add_row(*cells)
    return table


@command()
@click.option("--owner", help="Only this owner's tasks.")
@click.option("--department", help="Only this department's tasks.")
@click.option("--meeting", help="Only the tasks of this meeting (id, key or part of the title).")
@click.option("--status", help="open | doing | done | delayed | all (default: all but done).")
@click.option("--limit", type=click.IntRange(min=1), help="At most this many tasks.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "ics"]),
    default="table",
    show_default=True,
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
    help="File to write (- or none: the terminal).",
)
@click.pass_obj
def tasks(
    settings: Settings,
    owner: str | None,
    department: str | None,
    meeting: str | None,
    status: str | None,
    limit: int | None,
    fmt: str,
    output: Path | None,
) -> None:
    """List the open tasks of every meeting (delayed when past due and not done)."""
    from facilitator.followup.listing import STATUS_FILTERS
    from store.errors import ArchiveError
    from store.tasklist import latest_notes, task_lines, task_rows, unsent_minutes

    if status is not None:
        from facilitator.followup.tasks import parse_status, status_choices

        typed, status = status, parse_status(status, STATUS_FILTERS)
        if status is None:
            fail(t("followup.bad_status", value=typed, choices=status_choices(STATUS_FILTERS)))
    archive = open_archive(settings, read_only=True)
    now = settings.clock.now()
    try:
        meeting_id = None
        if meeting is not None:
            try:
                meeting_id = archive.find(meeting).id
            except ArchiveError as exc:
                fail(str(exc))
        if fmt == "table":
            labels = {code: t("status." + code) for code in TASK_STATUSES}
            lines = task_lines(
                archive,
                now,
                labels,
                status=status,
                owner=owner,
                department=department,
                meeting_id=meeting_id,
                limit=limit,
            )
        else:
            rows = list(
                task_rows(
                    archive,
                    now,
                    status=status,
                    owner=owner,
                    department=department,
                    meeting_id=meeting_id,
                    limit=limit,
                )
            )
        unexported = unsent_minutes(archive)
        notes = latest_notes(archive) if fmt == "table" else {}
    finally:
        archive.close()
    if fmt == "csv":
        from facilitator.export.csv import render_tasks_csv

        write_output(output, render_tasks_csv(rows))
    elif fmt == "ics":
        from facilitator.export.ics import render_tasks

        write_output(output, render_tasks(rows, now))
    elif lines:
        write_output(output, _task_list(lines, notes))
    else:
        write_output(output, t("followup.no_tasks") + "\n")
    if unexported:
        from facilitator.core.clock import instant
        from facilitator.followup.tasks import minutes_overdue

        for meeting_row_id, title, closed_at in unexported:
            if minutes_overdue(instant(closed_at), False, now):
                click.echo(t("followup.minutes_overdue", title=title, id=meeting_row_id), err=True)


def _task_list(
    lines: list[tuple[str, str | None, str, str, str, str, str]], notes: dict[int, str]
) -> str:
    """The task list as aligned columns. Rich would take seconds over a long list:
    SQLite made the cells (:func:`store.tasklist.task_lines`), here they are only
    padded, column by column (:func:`facilitator.render.columns.aligned_columns`)."""
    from facilitator.core.text import clean
    from facilitator.render.columns import aligned_columns
    from facilitator.render.times import format_iso_date

    header = [
        t("minutes.task_id"),
        t("minutes.due"),
        t("minutes.status"),
        t("minutes.owner"),
        t("minutes.department"),
        t("minutes.task"),
        t("followup.meeting"),
    ]
    ids, dues, statuses, owners, departments, titles, meetings = zip(*lines, strict=True)
    # Few distinct dates among many tasks: each is formatted once.
    dates = {due: format_iso_date(due) if due else "" for due in set(dues)}

    def text(cells: tuple[str, ...]) -> Sequence[str]:
        # People's text without escape sequences; checked once for the whole column.
        return cells if "".join(cells).isprintable() else [clean(cell) for cell in cells]

    columns: list[Sequence[str]] = [
        ids,
        list(map(dates.__getitem__, dues)),
        statuses,
        text(owners),
        text(departments),
        text(titles),
        text(meetings),
    ]
    # The last note says why a task is late or where it stands: shown when there is one.
    if notes and not {str(task_id) for task_id in notes}.isdisjoint(ids):
        header.append(t("followup.last_note"))
        columns.append([clean(notes.get(int(task_id), "")) for task_id in ids])
    return "\n".join(aligned_columns(header, columns, right=frozenset({0}))) + "\n"


@command()
@click.argument("task_ref", metavar="ID")
@click.argument("status", metavar="[done|doing|delayed]", required=False)
@click.option("--note", default="", help="What changed, for the history.")
@click.option("--due", "new_due", metavar="DATE", help="A new due date (2026-03-20, friday...).")
@click.option("--owner", "new_owner", metavar="NAME", help="Hand the task to someone else.")
@click.pass_obj
def task(
    settings: Settings,
    task_ref: str,
    status: str | None,
    note: str,
    new_due: str | None,
    new_owner: str | None,
) -> None:
    """Show a task and its history, or update its status (done, doing, delayed),
    due date or owner."""
    from facilitator.core.text import clean
    from facilitator.followup.owners import resolve_owner
    from facilitator.followup.tasks import (
        SETTABLE_STATUSES,
        describe_task,
        meeting_today,
        parse_status,
        reschedule_lines,
        status_choices,
    )
    from store.errors import ArchiveError
    from store.followup import task as stored_task
    from store.followup import task_updates, update_task
    from store.items import meeting_calendar, meeting_people

    if not task_ref.isdigit():
        fail(t("followup.no_such_task", id=task_ref))
    task_id = int(task_ref)
    if status is not None:
        # `task 6 完成`, `task 1 DONE`: the words people type, in either language.
        typed, status = status, parse_status(status, SETTABLE_STATUSES)
        if status is None:
            fail(t("followup.bad_status", value=typed, choices=status_choices(SETTABLE_STATUSES)))
    if new_owner is not None and not clean(new_owner).strip():
        fail(t("followup.empty_owner"))
    note = clean(note).strip()
    rescheduled = new_due is not None or new_owner is not None
    changes = status is not None or rescheduled or bool(note)
    archive = open_archive(settings, read_only=not changes)
    try:
        try:
            record = stored_task(archive, task_id)
        except ArchiveError as exc:
            fail(str(exc))
        if not changes:
            history = task_updates(archive, task_id)
            lines = describe_task(record, history, meeting_today(record, settings.clock.now()))
            click.echo("\n".join(clean(line) for line in lines))
            return
        due = None
        if new_due is not None:
            calendar = meeting_calendar(archive, record.meeting_id)
            due = read_date(new_due, _today(settings), calendar)
        owner = None
        if new_owner is not None:
            owner = resolve_owner(clean(new_owner), meeting_people(archive, record.meeting_id))
            if not owner.known:
                click.echo(t("followup.outside_owner", name=owner.name), err=True)
        try:
            update = update_task(
                archive,
                task_id,
                status,
                note,
                settings.clock.now(),
                owner=(owner.name, owner.department) if owner else None,
                due=due,
            )
        except ArchiveError as exc:
            fail(str(exc))
    finally:
        archive.close()
    title = clean(record.title)
    if not rescheduled:
        if status is None:
            click.echo(t("followup.task_noted", id=task_id, title=title))
            return
        click.echo(t("followup.updated", id=task_id, title=title, status=t("status." + status)))
        return
    said = reschedule_lines(update)
    if status is not None:
        said.insert(
            0,
            t(
                "followup.changed_status",
                previous=t("status." + update.previous),
                now=t("status." + update.status),
            ),
        )
    click.echo(
        t(
            "followup.task_changed",
            id=task_id,
            title=title,
            changes=t("followup.change_sep").join(said),
        )
    )


@command()
@click.option("--week", is_flag=True, default=True, help="The last seven days (the default).")
@click.pass_obj
def report(settings: Settings, week: bool) -> None:
    """The weekly follow-up: tasks done (and how late), in progress, delayed, new; open
    items to chase; minutes not yet confirmed."""
    from facilitator.followup.confirmations import CHASED_FOR, awaiting_confirmation
    from facilitator.followup.items import items_report, latest_item_notes
    from facilitator.followup.tasks import finished, finished_text, latest_notes, weekly_report
    from facilitator.render.times import format_date, zone_name_label
    from store.confirmations import minutes_to_confirm
    from store.followup import task_updates
    from store.followup import tasks as stored_tasks
    from store.items import item_updates
    from store.items import items as stored_items

    archive = open_archive(settings, read_only=True)
    try:
        rows = stored_tasks(archive)
        updates = task_updates(archive)
        item_rows = stored_items(archive)
        item_history = item_updates(archive)
        now = settings.clock.now()
        unconfirmed = awaiting_confirmation(minutes_to_confirm(archive, now - CHASED_FOR), now)
    finally:
        archive.close()
    notes = latest_notes(updates)
    weekly = weekly_report(rows, updates, settings.clock.now())
    open_items = items_report(item_rows, item_history, weekly.since, weekly.until, _today(settings))
    item_notes = latest_item_notes(item_history)
    zone = local_zone().name
    when_done = {
        task.id: finished_text(done)
        for task in weekly.done
        if (done := finished(task, updates, zone)) is not None
    }
    heading = t(
        "followup.report_title",
        since=format_date(weekly.since.date()),
        until=format_date(weekly.until.date()),
        zone=zone_name_label(zone),
    )
    parts = [heading, ""]
    for key, section in (
        ("followup.report_done", weekly.done),
        ("followup.report_doing", weekly.doing),
        ("followup.report_delayed", weekly.delayed),
        ("followup.report_new", weekly.new),
        ("followup.report_waiting", weekly.waiting),
    ):
        title = t(key, count=len(section))
        # Work done this week says when, and how late against the due date in force.
        extra = (t("followup.report_finished"), when_done) if key.endswith("_done") else None
        if section:
            parts.append(render_rich(_task_table(list(section), title, notes, extra)))
        else:
            parts += [title, "  " + t("minutes.none"), ""]
    # Open items are chased like tasks: every one not settled, overdue first.
    for key, found in (
        ("items.report_unsettled", open_items.unsettled),
        ("items.report_settled", open_items.settled),
    ):
        title = t(key, count=len(found))
        if found:
            parts.append(render_rich(item_table(list(found), title, item_notes)))
        else:
            parts += [title, "  " + t("minutes.none"), ""]
    parts += _unconfirmed(unconfirmed, now)
    click.echo("\n".join(parts).rstrip())


def _unconfirmed(due: list[MinutesToConfirm], now: DateTime) -> list[str]:
    """The report's last section: minutes still not confirmed by everyone who attended
    (or objected to) two working days after the close."""
    from rich.table import Table
    from rich.text import Text

    from facilitator.core.text import clean
    from facilitator.followup.confirmations import standing_text
    from facilitator.render.times import format_datetime, zone_name_label

    title = t("confirm.report_title", count=len(due))
    if not due:
        return [title, "  " + t("minutes.none"), ""]
    table = Table(title=Text(title), title_justify="left")
    table.add_column(t("minutes.task_id"), justify="right")
    table.add_column(t("followup.meeting"))
    table.add_column(t("confirm.closed"))
    table.add_column(t("confirm.standing"))
    for meeting in due:
        table.add_row(
            str(meeting.meeting_id),
            Text(clean(meeting.title)),
            t(
                "minutes.time_with_zone",
                time=format_datetime(meeting.closed_at, zone=meeting.zone),
                zone=zone_name_label(meeting.zone),
            ),
            Text(clean(standing_text(meeting.standing_at(now)))),
        )
    return [render_rich(table)]
