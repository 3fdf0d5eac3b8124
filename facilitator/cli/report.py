"""The weekly follow-up from the command line: ``report``.

A composition root wiring ``facilitator.followup`` (what is done, late, new,
open, unconfirmed) to the store's rows, as tables on the terminal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import click
from pendulum import DateTime

from facilitator.app.settings import Settings
from facilitator.cli.common import command, open_archive, render_rich
from facilitator.cli.tables import item_table, task_table
from facilitator.core.i18n import t
from facilitator.core.zones import local_zone

if TYPE_CHECKING:
    from facilitator.followup.confirmations import MinutesToConfirm


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
    open_items = items_report(item_rows, item_history, weekly.since, weekly.until, now)
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
            parts.append(render_rich(task_table(list(section), title, notes, extra)))
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
