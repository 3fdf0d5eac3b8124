"""After the meeting, from the command line: ``minutes``, ``retro``, ``metrics``.

Wires ``facilitator.export`` and ``facilitator.followup`` to the archive; the
rules live there, this module reads arguments, calls them and writes files.
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
    render_rich,
    stdout_is_terminal,
    to_stdout,
    write_output,
)
from facilitator.core.i18n import t
from facilitator.export.formats import MINUTES_FORMATS
from facilitator.meeting.journal import JournalUnavailable

if TYPE_CHECKING:
    from facilitator.followup.retro import Retrospective
    from facilitator.meeting.minutes import Minutes
    from store.archive import Archive, MeetingRow


def _closed_minutes(settings: Settings, meeting: str | None) -> tuple[Archive, MeetingRow, Minutes]:
    """(archive, meeting row, minutes with current task statuses) of a closed meeting."""
    from store.errors import ArchiveError
    from store.followup import followed_minutes

    archive = open_archive(settings, read_only=True)
    try:
        row = archive.find(meeting, closed=True)
        result = followed_minutes(archive, row.id, settings.clock.now())
    except ArchiveError as exc:
        archive.close()
        fail(str(exc))
    return archive, row, result


@command()
@click.argument("meeting", required=False)
@format_and_output(MINUTES_FORMATS)
@click.option("--paper", type=click.Choice(["a4", "letter"], case_sensitive=False))
@click.pass_obj
def minutes(
    settings: Settings, meeting: str | None, fmt: str | None, output: Path | None, paper: str | None
) -> None:
    """Print or write the minutes of a closed meeting (latest by default): md, html or json;
    ics: its tasks and open items as a to-do list."""
    from facilitator.followup.tasks import counts_as_export

    fmt = chosen_format(fmt, output, MINUTES_FORMATS)

    archive, row, result = _closed_minutes(settings, meeting)
    content: str | bytes
    try:
        if fmt == "html":
            import os

            from facilitator.core.paper import paper_for
            from facilitator.export.html import render_minutes_html

            sheet = paper.lower() if paper else paper_for(os.environ)
            content = render_minutes_html(result, paper=sheet)
        elif fmt == "json":
            from facilitator.export.json import render_minutes_json

            content = render_minutes_json(result)
        elif fmt == "ics":
            # The meeting's to-do list: its tasks (done ones too) and open items.
            from facilitator.export.ics import render_tasks
            from store.tasklist import open_item_rows, task_rows

            now = settings.clock.now()
            language = result.agenda.language
            rows = task_rows(archive, now, status="all", meeting_id=row.id)
            items = open_item_rows(archive, row.id)
            content = render_tasks(rows, now, language, open_items=items)
        else:
            from facilitator.export.markdown import render_minutes

            content = render_minutes(result) + "\n"
        write_output(output, content)
        if not counts_as_export(not to_stdout(output), stdout_is_terminal()):
            return
        _record_export(settings, row.id, fmt)
    finally:
        archive.close()


def _record_export(settings: Settings, meeting_id: int, fmt: str) -> None:
    """Note that the minutes went out (the weekly report stops asking for them).

    The minutes were read without writing; this one row is written apart,
    and if the archive cannot take it (busy, a read-only copy) the minutes
    are out anyway: only the bookkeeping waits for next time.
    """
    from store.archive import Archive
    from store.errors import ArchiveError
    from store.followup import record_export

    try:
        with Archive.open(settings.db, create=False) as archive:
            record_export(archive, meeting_id, fmt, settings.clock.now())
    except (JournalUnavailable, ArchiveError):
        click.echo(t("plan.export_not_recorded"), err=True)


@command()
@click.argument("meeting")
@click.option("--good", default=None, help="What went well.")
@click.option("--improve", default=None, help="What to improve next time.")
@click.option("--rating", default=None, help="1 (poor) to 5 (excellent).")
@click.pass_obj
def retro(
    settings: Settings,
    meeting: str,
    good: str | None,
    improve: str | None,
    rating: str | None,
) -> None:
    """Store a short retrospective of a closed meeting (or show the stored one).

    Options given update the stored retrospective; the others are kept.
    """
    from facilitator.core.text import clean
    from facilitator.followup.retro import RatingRequired, is_valid_rating, updated_retrospective
    from store.errors import ArchiveError
    from store.followup import retrospective, save_retrospective

    changes = good is not None or improve is not None or rating is not None
    archive = open_archive(settings, read_only=not changes)
    try:
        try:
            row = archive.find(meeting, closed=True)
        except ArchiveError as exc:
            fail(str(exc))
        stored = retrospective(archive, row.id)
        if good is None and improve is None and rating is None:
            if stored is None:
                fail(t("cli_plan.no_retro", title=row.title))
            click.echo(_retro_text(stored))
            return
        if rating is not None and (
            not rating.strip().isdigit() or not is_valid_rating(int(rating))
        ):
            fail(t("cli_plan.bad_rating", value=rating))
        try:
            retro_ = updated_retrospective(
                stored,
                settings.clock.now(),
                good=None if good is None else clean(good).strip(),
                improve=None if improve is None else clean(improve).strip(),
                rating=None if rating is None else int(rating),
            )
        except RatingRequired:
            fail(t("cli_plan.rating_required", title=row.title))
        save_retrospective(archive, row.id, retro_)
        click.echo(t("cli_plan.retro_saved", title=row.title))
    finally:
        archive.close()


def _retro_text(retro_: Retrospective) -> str:
    return "\n".join(
        [
            t("cli_plan.retro_good", text=retro_.good or "-"),
            t("cli_plan.retro_improve", text=retro_.improve or "-"),
            t("cli_plan.retro_rating", rating=retro_.rating),
        ]
    )


@command()
@click.argument("meeting", required=False)
@click.option("--series", metavar="NAME", help="Trends across the meetings of this series.")
@click.pass_obj
def metrics(settings: Settings, meeting: str | None, series: str | None) -> None:
    """Planned vs actual minutes, overruns, decisions per hour, speaking share per department."""
    from rich.table import Table
    from rich.text import Text

    from facilitator.core.text import clean
    from facilitator.meeting.metrics import meeting_metrics
    from store.followup import retrospective

    if series is not None:
        if meeting is not None:
            fail(t("metrics.meeting_or_series"))
        _series_metrics(settings, series)
        return
    archive, row, result = _closed_minutes(settings, meeting)
    stored = retrospective(archive, row.id)
    archive.close()
    numbers = meeting_metrics(result)
    table = Table(title=Text(clean(numbers.title)), title_justify="left")
    table.add_column("#", justify="right")
    table.add_column(t("metrics.topic"))
    table.add_column(t("metrics.planned"), justify="right")
    table.add_column(t("metrics.actual"), justify="right")
    table.add_column(t("metrics.overrun"), justify="right")
    for topic in numbers.topics:
        table.add_row(
            str(topic.position),
            Text(clean(topic.title)),
            # The extension beside the plan, so "17.0" with no overrun reads right.
            f"{topic.planned_minutes} (+{topic.extra_minutes})"
            if topic.extra_minutes
            else str(topic.planned_minutes),
            f"{topic.actual_minutes:.1f}",
            f"+{topic.overrun_minutes:.1f}" if topic.overrun_minutes else "",
        )
    lines = [
        t(
            "metrics.totals",
            planned=numbers.planned_minutes,
            actual=f"{numbers.actual_minutes:.1f}",
            overruns=len(numbers.overruns),
        ),
        t(
            "metrics.decisions",
            count=numbers.decisions,
            rate="—" if numbers.decisions_per_hour is None else f"{numbers.decisions_per_hour:.1f}",
        ),
        t("metrics.share_heading"),
        *(
            t("metrics.share", department=clean(dept), share=f"{share:.0%}")
            for dept, share in numbers.speaking_share
        ),
    ]
    if stored is not None:
        lines += ["", _retro_text(stored)]
    click.echo(render_rich(table) + "\n".join(lines))


def _series_metrics(settings: Settings, name: str) -> None:
    """One row per closed meeting of the series ``name``: is it getting better?"""
    from rich.table import Table
    from rich.text import Text

    from facilitator.core.text import clean
    from facilitator.followup.series import series_trend
    from facilitator.render.times import format_date
    from store.series import held_meetings, series_names

    archive = open_archive(settings, read_only=True)
    try:
        held = held_meetings(archive, clean(name))
        known = series_names(archive)
    finally:
        archive.close()
    if not held:
        fail(t("metrics.no_series", name=clean(name), names="; ".join(known) or "-"))
    points = series_trend(held)
    table = Table(title=Text(t("metrics.series_title", name=clean(name))), title_justify="left")
    for heading, right in (
        ("#", True),
        ("followup.meeting", False),
        ("minutes.time", False),
        ("metrics.planned", True),
        ("metrics.actual", True),
        ("metrics.overruns", True),
        ("metrics.per_hour", True),
        ("metrics.rating", True),
        ("metrics.items", True),
    ):
        table.add_column(
            t(heading) if "." in heading else heading, justify="right" if right else "left"
        )
    for point in points:
        table.add_row(
            str(point.meeting_id),
            Text(clean(point.title)),
            format_date(point.start.date()),
            str(point.planned_minutes),
            f"{point.actual_minutes:.1f}",
            str(point.overruns),
            "—" if point.decisions_per_hour is None else f"{point.decisions_per_hour:.1f}",
            "—" if point.rating is None else f"{point.rating}/5",
            t("metrics.items_settled", opened=point.items_opened, settled=point.items_settled)
            if point.items_opened
            else "0",
        )
    click.echo(render_rich(table).rstrip())
