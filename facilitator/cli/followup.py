"""Open items after the meeting, from the command line: ``items``, ``item``.

A composition root wiring ``facilitator.followup.items`` (the rules) to
``store.items`` (the rows), as ``facilitator.cli.tasks`` does for tasks.
"""

from __future__ import annotations

from pathlib import Path

import click

from facilitator.app.settings import Settings
from facilitator.cli.common import (
    chosen_format,
    command,
    fail,
    format_and_output,
    open_archive,
    render_rich,
    write_output,
)
from facilitator.cli.tables import item_table, rescheduled, today_of
from facilitator.core.i18n import t
from facilitator.export.formats import LIST_FORMATS


@command()
@click.option("--owner", help="Only this owner's.")
@click.option("--department", help="Only this department's.")
@click.option("--meeting", help="Only the items of this meeting (id, key or part of the title).")
@click.option(
    "--status",
    "item_status",
    help="open | overdue | resolved | dropped | all (default: not settled).",
)
@format_and_output(LIST_FORMATS)
@click.pass_obj
def items(
    settings: Settings,
    owner: str | None,
    department: str | None,
    meeting: str | None,
    item_status: str | None,
    fmt: str | None,
    output: Path | None,
) -> None:
    """List the open items of every meeting not yet settled (overdue when past the deadline)."""
    fmt = chosen_format(fmt, output, LIST_FORMATS)
    from facilitator.followup.items import (
        ALL_ITEMS,
        ITEM_STATUS_FILTERS,
        SETTLED,
        item_status_choices,
        latest_item_notes,
        parse_item_status,
        select_items,
    )
    from store.errors import ArchiveError
    from store.items import item_updates
    from store.items import items as stored_items

    if item_status is not None:
        typed, item_status = item_status, parse_item_status(item_status, ITEM_STATUS_FILTERS)
        if item_status is None:
            choices = item_status_choices(ITEM_STATUS_FILTERS)
            fail(t("followup.bad_status", value=typed, choices=choices))
    archive = open_archive(settings, read_only=True)
    try:
        meeting_id = None
        if meeting is not None:
            try:
                meeting_id = archive.find(meeting).id
            except ArchiveError as exc:
                fail(str(exc))
        settled = item_status in (*SETTLED, ALL_ITEMS)
        rows = stored_items(archive, meeting_id, unsettled=not settled)
        chosen = select_items(
            rows,
            settings.clock.now(),
            owner=owner,
            department=department,
            meeting_id=meeting_id,
            status=item_status,
        )
        notes = latest_item_notes(item_updates(archive)) if fmt == "table" else {}
    finally:
        archive.close()
    if fmt == "csv":
        from facilitator.export.items import render_items_csv

        write_output(output, render_items_csv(chosen))
    elif fmt == "ics":
        from facilitator.export.items import render_items_ics

        write_output(output, render_items_ics(chosen, settings.clock.now()))
    elif chosen:
        write_output(output, render_rich(item_table(chosen, notes=notes)))
    else:
        write_output(output, t("items.no_items") + "\n")


@command()
@click.argument("item_ref", metavar="ID")
@click.argument("status", metavar="[resolved|open|dropped]", required=False)
@click.option("--note", default="", help="What changed, for the history.")
@click.option("--owner", "new_owner", metavar="NAME", help="Hand the item to someone else.")
@click.option("--deadline", metavar="DATE", help="A new deadline (2026-03-20, friday...).")
@click.pass_obj
def item(
    settings: Settings,
    item_ref: str,
    status: str | None,
    note: str,
    new_owner: str | None,
    deadline: str | None,
) -> None:
    """Show an open item and its history, or settle it, reopen it, hand it on or move it."""
    from facilitator.core.text import clean
    from facilitator.followup.items import (
        SETTABLE_ITEM_STATUSES,
        change_lines,
        describe_item,
        item_status_choices,
        parse_item_status,
    )
    from facilitator.followup.tasks import meeting_today
    from store.errors import ArchiveError
    from store.items import item as stored_item
    from store.items import item_updates, update_item

    if not item_ref.isdigit():
        fail(t("items.no_such_item", id=item_ref))
    item_id = int(item_ref)
    if status is not None:
        typed, status = status, parse_item_status(status, SETTABLE_ITEM_STATUSES)
        if status is None:
            choices = item_status_choices(SETTABLE_ITEM_STATUSES)
            fail(t("followup.bad_status", value=typed, choices=choices))
    note = clean(note).strip()
    changes = status is not None or bool(note) or new_owner is not None or deadline is not None
    if new_owner is not None and not clean(new_owner).strip():
        fail(t("followup.empty_owner"))
    archive = open_archive(settings, read_only=not changes)
    try:
        try:
            record = stored_item(archive, item_id)
        except ArchiveError as exc:
            fail(str(exc))
        unmoved = new_owner is None and deadline is None
        if status is not None and status == record.status and not note and unmoved:
            shown = t("item_status." + status)
            click.echo(t("items.already", id=item_id, text=clean(record.text), status=shown))
            return
        if not changes:
            today = meeting_today(record, settings.clock.now())
            lines = describe_item(record, item_updates(archive, item_id), today)
            click.echo("\n".join(clean(line) for line in lines))
            return
        when, owner = rescheduled(
            archive, record.meeting_id, deadline, new_owner, today_of(settings)
        )
        try:
            update = update_item(
                archive,
                item_id,
                settings.clock.now(),
                status=status,
                note=note,
                owner=(owner.name, owner.department) if owner else None,
                deadline=when,
            )
        except ArchiveError as exc:
            fail(str(exc))
    finally:
        archive.close()
    said = change_lines(
        update.previous_owner,
        update.owner,
        update.previous_deadline,
        update.deadline,
        "followup.changed_deadline",
    )
    if update.status != update.previous:
        said.insert(
            0,
            t(
                "followup.changed_status",
                previous=t("item_status." + update.previous),
                now=t("item_status." + update.status),
            ),
        )
    click.echo(
        t(
            "items.updated",
            id=item_id,
            text=clean(record.text),
            changes=t("followup.change_sep").join(said) or t("followup.noted"),
        )
    )


@command()
@click.argument("meeting")
@click.option("--by", "by", required=True, metavar="NAME", help="Who confirms (they attended).")
@click.option("--note", "confirm_note", default="", help="A remark, or what to correct.")
@click.option("--objection", is_flag=True, help="Object instead: the --note says what to correct.")
@click.pass_obj
def confirm(settings: Settings, meeting: str, by: str, confirm_note: str, objection: bool) -> None:
    """Record that a participant confirmed the minutes of a closed meeting (or objected)."""
    from facilitator.core.text import clean
    from facilitator.followup.confirmations import latest, match_attendee, standing
    from store.confirmations import attendees, confirmations, record_confirmation
    from store.errors import ArchiveError

    note = clean(confirm_note).strip()
    if objection and not note:
        fail(t("confirm.objection_needs_note"))
    archive = open_archive(settings)
    try:
        try:
            row = archive.find(meeting, closed=True)
        except ArchiveError as exc:
            fail(str(exc))
        present = attendees(archive, row.id)
        name = match_attendee(clean(by), present)
        if name is None:
            absent = match_attendee(clean(by), attendees(archive, row.id, absent=True))
            if absent is not None:
                fail(t("confirm.was_absent", name=absent, title=row.title))
            names = ", ".join(present)
            fail(t("confirm.not_an_attendee", name=clean(by), title=row.title, names=names))
        verdict = "objected" if objection else "confirmed"
        record_confirmation(archive, row.id, name, verdict, note, settings.clock.now())
        found = standing(present, latest(confirmations(archive, row.id)))
    finally:
        archive.close()
    key = "confirm.objected" if objection else "confirm.confirmed"
    click.echo(
        t(
            key,
            name=name,
            title=clean(row.title),
            note=note,
            count=len(found.confirmed),
            total=len(present),
        )
    )
