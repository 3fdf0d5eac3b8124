"""Tasks across meetings, from the command line: ``tasks`` and ``task``.

A composition root wiring ``facilitator.followup.tasks`` (the rules) to
``store.followup`` (the rows).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from facilitator.app.settings import Settings
from facilitator.cli.common import (
    chosen_format,
    command,
    fail,
    format_and_output,
    open_archive,
    stdout_is_terminal,
    without_collector,
    write_output,
)
from facilitator.cli.tables import rescheduled, today_of
from facilitator.core.clock import current_instant
from facilitator.core.i18n import t
from facilitator.export.formats import LIST_FORMATS
from facilitator.followup.statuses import TASK_STATUSES

if TYPE_CHECKING:
    from collections.abc import Sequence


@command()
@click.option("--owner", help="Only this owner's tasks.")
@click.option("--department", help="Only this department's tasks.")
@click.option("--meeting", help="Only the tasks of this meeting (id, key or part of the title).")
@click.option("--status", help="open | doing | done | delayed | all (default: all but done).")
@click.option("--limit", type=click.IntRange(min=1), help="At most this many tasks.")
@format_and_output(LIST_FORMATS)
@click.pass_obj
def tasks(
    settings: Settings,
    owner: str | None,
    department: str | None,
    meeting: str | None,
    status: str | None,
    limit: int | None,
    fmt: str | None,
    output: Path | None,
) -> None:
    """List the open tasks of every meeting (delayed when past due and not done)."""
    fmt = chosen_format(fmt, output, LIST_FORMATS)
    without_collector()
    from facilitator.followup.listing import STATUS_FILTERS
    from store.errors import ArchiveError
    from store.tasklist import latest_notes, task_lines, task_rows, unsent_minutes

    if status is not None:
        from facilitator.followup.tasks import parse_status, status_choices

        typed, status = status, parse_status(status, STATUS_FILTERS)
        if status is None:
            fail(t("followup.bad_status", value=typed, choices=status_choices(STATUS_FILTERS)))
    archive = open_archive(settings, read_only=True)
    now = current_instant(settings.clock)
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
        import pendulum

        from facilitator.export.ics import render_tasks

        write_output(output, render_tasks(rows, pendulum.instance(now)))
    elif lines:
        write_output(output, _task_list(lines, notes, _screen_width(output)))
    else:
        write_output(output, t("followup.no_tasks") + "\n")
    if unexported:
        import pendulum

        from facilitator.core.clock import instant
        from facilitator.followup.tasks import minutes_reminders

        closed = [(mid, title, instant(closed_at)) for mid, title, closed_at in unexported]
        for reminder in minutes_reminders(closed, pendulum.instance(now)):
            click.echo(reminder, err=True)


def _screen_width(output: Path | None) -> int | None:
    """The terminal's width when the list is shown on one; None when it goes to a
    file or a pipe, where each task stays on one line for grep and the like."""
    if output is not None or not stdout_is_terminal():
        return None
    import shutil

    return shutil.get_terminal_size().columns


def _task_list(
    lines: list[tuple[str, str | None, str, str, str, str, str]],
    notes: dict[int, str],
    width: int | None = None,
) -> str:
    """The task list as aligned columns. Rich would take seconds over a long list:
    SQLite made the cells (:func:`store.tasklist.task_lines`), here they are only
    padded, column by column (:func:`facilitator.render.columns.aligned_columns`).
    On a terminal ``width`` columns wide, a list wider than that has its text
    folded within its columns instead (:func:`~facilitator.render.columns.folded_columns`)."""
    from facilitator.core.text import clean
    from facilitator.render.columns import aligned_columns, display_width, folded_columns
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
    shown = aligned_columns(header, columns, right=frozenset({0}))
    if width is not None and max(map(display_width, shown)) > width:
        # Owner, department, task, meeting and note fold; id, date and status stay whole.
        free = frozenset(range(3, len(header)))
        shown = folded_columns(header, columns, width, free, right=frozenset({0}))
    return "\n".join(shown) + "\n"


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
    moved = new_due is not None or new_owner is not None
    changes = status is not None or moved or bool(note)
    archive = open_archive(settings, read_only=not changes)
    try:
        try:
            record = stored_task(archive, task_id)
        except ArchiveError as exc:
            fail(str(exc))
        if status == record.status and not note and not moved:
            # `task 6 done` twice: the history says when it was done, not twice.
            shown = t("status." + status)
            click.echo(t("followup.already", id=task_id, title=clean(record.title), status=shown))
            return
        if not changes:
            history = task_updates(archive, task_id)
            lines = describe_task(record, history, meeting_today(record, settings.clock.now()))
            click.echo("\n".join(clean(line) for line in lines))
            return
        due, owner = rescheduled(archive, record.meeting_id, new_due, new_owner, today_of(settings))
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
    changed = update.status != update.previous
    if not moved:
        if not changed:  # a note, with or without the status it already had
            click.echo(t("followup.task_noted", id=task_id, title=title))
            return
        shown = t("status." + update.status)
        click.echo(t("followup.updated", id=task_id, title=title, status=shown))
        return
    said = reschedule_lines(update)
    if changed:
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
