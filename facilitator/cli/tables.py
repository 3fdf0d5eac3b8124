"""What the follow-up commands share (``items``, ``item``, ``tasks``, ``report``):
today where the user is, dates as people type them, and Rich tables of
people's words (plain text, never markup; CJK aligned by cell width)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from facilitator.app.settings import Settings
from facilitator.cli.common import fail
from facilitator.core.i18n import t
from facilitator.core.zones import local_zone

if TYPE_CHECKING:
    from pendulum import Date
    from rich.table import Table

    from facilitator.core.workdays import WorkCalendar
    from facilitator.followup.items import ItemRecord
    from facilitator.followup.owners import Owner
    from facilitator.followup.tasks import TaskRecord
    from store.archive import Archive


def today_of(settings: Settings) -> Date:
    """Today where the user is: due dates and deadlines are calendar days there."""
    return settings.clock.now().in_timezone(local_zone()).date()


def item_table(
    items: Sequence[ItemRecord],
    title: str | None = None,
    notes: dict[int, str] | None = None,
    extra: tuple[str, Callable[[ItemRecord], str]] | None = None,
) -> Table:
    """Open items: id, item, owner, deadline, status, meeting, and the last note if any."""
    from rich.table import Table
    from rich.text import Text

    from facilitator.core.text import clean
    from facilitator.render.times import format_date

    table = Table(title=Text(title) if title else None, title_justify="left")
    # A date split over two lines reads wrong ("2026年12月2 / 0日"): the id, the date
    # and the status stay whole while the table has room (cli.common.render_rich).
    table.add_column(t("minutes.task_id"), justify="right", no_wrap=True)
    table.add_column(t("minutes.open_item"))
    table.add_column(t("minutes.owner"))
    table.add_column(t("minutes.deadline"), no_wrap=True)
    table.add_column(t("minutes.status"), no_wrap=True)
    table.add_column(t("followup.meeting"))
    notes = notes or {}
    with_notes = any(notes.get(item.id) for item in items)
    if with_notes:
        table.add_column(t("followup.last_note"))
    if extra is not None:
        table.add_column(extra[0])
    for item in items:
        status = Text(t("item_status." + item.status))
        if item.status == "overdue":
            status.stylize("bold")
        cells: list[str | Text] = [
            str(item.id),
            Text(clean(item.text)),
            Text(clean(item.owner)),
            format_date(item.deadline) if item.deadline else "",
            status,
            Text(clean(item.meeting_title)),
        ]
        if with_notes:
            cells.append(Text(clean(notes.get(item.id, ""))))
        if extra is not None:
            cells.append(Text(clean(extra[1](item))))
        table.add_row(*cells)
    return table


def read_date(typed: str, today: Date, calendar: WorkCalendar) -> Date:
    """A new due date or deadline as people type it (``2026-03-20``, ``3/20``,
    ``friday``, ``in 3 workdays``, ``下周五``); one line and exit 2 if it is not
    one, or has passed."""
    from facilitator.line.dates import parse_date
    from facilitator.render.times import format_date

    when = parse_date(typed, today, calendar)
    if when is None:
        fail(t("followup.bad_date", value=typed))
    if when < today:
        fail(t("followup.date_passed", date=format_date(when)))
    return when


def rescheduled(
    archive: Archive, meeting_id: int, typed_date: str | None, typed_owner: str | None, today: Date
) -> tuple[Date | None, Owner | None]:
    """A new date and a new owner for a task or an item of ``meeting_id``, as typed
    (either may be ``None``: unchanged). The date is read with the meeting's
    working days; an owner outside the meeting is kept, and said so on stderr."""
    import click

    from facilitator.core.text import clean
    from facilitator.followup.owners import resolve_owner
    from store.items import meeting_calendar, meeting_people

    when = None
    if typed_date is not None:
        when = read_date(typed_date, today, meeting_calendar(archive, meeting_id))
    owner = None
    if typed_owner is not None:
        owner = resolve_owner(clean(typed_owner), meeting_people(archive, meeting_id))
        if not owner.known:
            click.echo(t("followup.outside_owner", name=owner.name), err=True)
    return when, owner


def task_table(
    tasks: list[TaskRecord],
    title: str | None = None,
    notes: dict[int, str] | None = None,
    extra: tuple[str, dict[int, str]] | None = None,
) -> Table:
    """Tasks as a terminal table; ``notes`` adds each one's last note, ``extra`` a
    column of its own (its heading and a text per task id)."""
    from rich.table import Table
    from rich.text import Text

    from facilitator.core.text import clean
    from facilitator.render.times import format_date

    table = Table(title=Text(title) if title else None, title_justify="left")
    # A date split over two lines reads wrong ("2026年12月2 / 0日"): the id, the date
    # and the status stay whole while the table has room (cli.common.render_rich).
    table.add_column(t("minutes.task_id"), justify="right", no_wrap=True)
    table.add_column(t("minutes.task"))
    table.add_column(t("minutes.owner"))
    table.add_column(t("minutes.department"))
    table.add_column(t("minutes.due"), no_wrap=True)
    table.add_column(t("minutes.status"), no_wrap=True)
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
