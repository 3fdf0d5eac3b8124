"""Before and after the meeting, from the command line: ``new``, ``check``,
``notice``, ``minutes``, ``retro``, ``metrics``.

A composition root: it wires ``facilitator.planning``/``export`` to the
archive. The rules live in the domain modules; this module only reads
arguments, calls them and writes files.
"""

from __future__ import annotations

import os
import sys
import tempfile
import uuid
from pathlib import Path

import click

from facilitator.agenda import MEETING_KINDS
from facilitator.cli import EXIT_BAD_INPUT, Settings, fail, main, open_archive, read_agenda
from facilitator.i18n import current_language, t
from facilitator.journal import JournalUnavailable

MINUTES_FORMATS = ("md", "html", "json")


def to_stdout(output: Path | None) -> bool:
    """No ``-o``, or ``-o -`` (the usual name for standard output)."""
    return output is None or str(output) == "-"


def write_output(output: Path | None, content: str | bytes) -> None:
    """Write to ``output`` atomically (never a half-written file), or to stdout.

    A missing directory is refused (exit 2), not created: a typo in the path
    would otherwise put the file somewhere nobody looks.
    """
    data = content.encode("utf-8") if isinstance(content, str) else content
    if to_stdout(output):
        click.echo(data, nl=False)
        return
    assert output is not None
    target = output.expanduser()
    if not target.parent.is_dir():
        fail(t("cli_plan.no_directory", path=target, directory=target.parent))
    temp: str | None = None
    try:
        handle, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        # mkstemp makes the file private; an exported file gets the usual mode.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temp, 0o666 & ~umask)
        os.replace(temp, target)
    except OSError as exc:
        if temp is not None and os.path.exists(temp):
            os.unlink(temp)
        fail(t("cli_plan.cannot_write", path=target, reason=exc.strerror or exc))


def _stdout_is_terminal() -> bool:
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):  # replaced or closed stdout: not a terminal
        return False


# -- plan -------------------------------------------------------------------------


@main.command(name="new")
@click.argument("kind", type=click.Choice(MEETING_KINDS))
@click.option(
    "-o",
    "--output",
    "agenda_output",
    required=True,
    type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
    help="Agenda file to write (- writes it to the terminal).",
)
@click.option("--from", "previous", metavar="MEETING", help="Carry over from this closed meeting.")
@click.option(
    "--start",
    metavar="DATETIME",
    help="Start, like 2026-03-05T10:00 (default: in 3 workdays, 10:00).",
)
@click.option("--timezone", "zone", metavar="ZONE", help="Time zone, like Europe/Berlin.")
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
@click.pass_context
def new(
    ctx: click.Context,
    kind: str,
    agenda_output: Path,
    previous: str | None,
    start: str | None,
    zone: str | None,
    force: bool,
) -> None:
    """Write a ready-to-edit agenda for a KIND meeting (kickoff | decision | resources | sync)."""
    import pendulum

    from facilitator.followup import effective_status
    from facilitator.planning import (
        CarriedItem,
        PlannedPerson,
        next_meeting_start,
        render_agenda,
    )

    settings: Settings = ctx.obj
    output = agenda_output
    if not to_stdout(output) and output.exists() and not force:
        fail(t("plan.exists", path=output))
    explicit_lang = (ctx.parent.params.get("lang") if ctx.parent else None) or None
    language = current_language()
    people: list[PlannedPerson] | None = None
    carried: list[CarriedItem] = []
    title = place = None
    online = ""
    if previous is not None:
        from store.archive import ArchiveError
        from store.followup import tasks as stored_tasks

        archive = open_archive(settings)
        try:
            row = archive.find(previous, closed=True)
            minutes = archive.minutes(row.id)
            task_rows = stored_tasks(archive, row.id)
        except ArchiveError as exc:
            archive.close()
            fail(str(exc))
        archive.close()
        before = minutes.agenda
        language = explicit_lang or before.language
        zone = zone or before.timezone
        people = [PlannedPerson(p.name, p.department, p.role, p.email) for p in before.people]
        title, place, online = before.title, before.place, before.online
        carried = [
            CarriedItem("unresolved", item.text, item.owner, item.deadline)
            for item in minutes.open_items
        ]
        today = settings.clock.now().in_timezone(before.start.timezone).date()
        carried += [
            CarriedItem("delayed", task.title, task.owner, task.due)
            for task in task_rows
            if effective_status(task, today) == "delayed"
        ]
    zone = zone or pendulum.local_timezone().name
    try:
        pendulum.timezone(zone)
    except Exception:
        fail(t("agenda.bad_timezone", value=repr(zone)))
    if start is not None:
        try:
            begin = pendulum.parse(start, tz=zone)
        except (ValueError, pendulum.parsing.exceptions.ParserError):
            fail(t("cli_plan.bad_start", value=start))
        if not isinstance(begin, pendulum.DateTime):
            fail(t("cli_plan.bad_start", value=start))
        begin = begin.in_timezone(zone)
    else:
        begin = next_meeting_start(settings.clock.now(), zone)
    text = render_agenda(
        kind,
        language,
        begin,
        zone,
        people=people,
        carried=carried,
        title=title,
        place=place,
        online=online,
        uid=str(uuid.uuid4()),
    )
    write_output(output, text)
    if to_stdout(output):
        return  # the agenda is the output: nothing else on stdout
    topics = text.count("[[topics]]")
    click.echo(
        t(
            "plan.written",
            path=output,
            kind=t("plan.kind." + kind),
            topics=topics,
            carried=len(carried),
        )
    )


def _warning_lines(findings, agenda_file: str) -> list[str]:
    """Each finding as ``FILE:LINE: FIELD: warning: …``, like the agenda's problems."""
    from facilitator.agenda import field_line

    try:
        text = Path(agenda_file).read_text(encoding="utf-8", errors="replace")
    except OSError:
        text = ""
    return [
        finding.located(agenda_file, field_line(text, finding.field_label)) for finding in findings
    ]


@main.command()
@click.argument("agenda_file", type=click.Path(dir_okay=False))
@click.pass_obj
def check(settings: Settings, agenda_file: str) -> None:
    """Validate an agenda file: exit 2 with the reasons if it cannot run, else warnings."""
    from facilitator.agenda import AgendaError, load_agenda
    from facilitator.planning import plan_warnings

    try:
        agenda = load_agenda(agenda_file)
    except AgendaError as exc:
        # Errors first, then what would still need fixing once they are: all at once.
        click.echo(str(exc), err=True)
        if exc.partial is not None:
            findings = plan_warnings(exc.partial, settings.clock.now(), timed=exc.partial_times)
            for line in _warning_lines(findings, agenda_file):
                click.echo(line, err=True)
        sys.exit(EXIT_BAD_INPUT)
    click.echo(
        t(
            "cli.check_ok",
            title=agenda.title,
            people=len(agenda.people),
            departments=len(agenda.departments),
            topics=len(agenda.topics),
            planned=agenda.planned_minutes,
            available=int((agenda.end - agenda.start).total_minutes()),
        )
    )
    for line in _warning_lines(plan_warnings(agenda, settings.clock.now()), agenda_file):
        click.echo(line)


@main.command()
@click.argument("agenda_file", type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["md", "ics"]), default="md", show_default=True)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
    help="File to write (- or none: the terminal).",
)
@click.pass_obj
def notice(settings: Settings, agenda_file: str, fmt: str, output: Path | None) -> None:
    """Write the meeting notice (Markdown) or the invitation (.ics) in the meeting's language."""
    agenda = read_agenda(agenda_file)
    if fmt == "md":
        from facilitator.export.notice import render_notice

        content: str | bytes = render_notice(agenda)
    else:
        from facilitator.export.ics import InvitationError, render_invitation

        try:
            content = render_invitation(agenda, settings.clock.now())
        except InvitationError as exc:
            fail(t(str(exc)))
    write_output(output, content)
    if not to_stdout(output):
        click.echo(t("notice.written", path=output), err=True)
    from facilitator.planning import notice_warnings

    # Sending the notice is the moment its flaws matter (late, no place, people
    # the calendar will not reach): say so on stderr, the notice is still written.
    findings = notice_warnings(agenda, settings.clock.now(), invitation=fmt == "ics")
    for line in _warning_lines(findings, agenda_file):
        click.echo(line, err=True)


# -- after ------------------------------------------------------------------------


def _closed_minutes(settings: Settings, meeting: str | None):
    """(archive, meeting row, minutes with current task statuses) of a closed meeting."""
    from store.archive import ArchiveError
    from store.followup import followed_minutes

    archive = open_archive(settings)
    try:
        row = archive.find(meeting, closed=True)
        result = followed_minutes(archive, row.id, settings.clock.now())
    except ArchiveError as exc:
        archive.close()
        fail(str(exc))
    return archive, row, result


@main.command()
@click.argument("meeting", required=False)
@click.option(
    "--format", "fmt", type=click.Choice(MINUTES_FORMATS), default="md", show_default=True
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
    help="File to write (- or none: the terminal).",
)
@click.pass_obj
def minutes(settings: Settings, meeting: str | None, fmt: str, output: Path | None) -> None:
    """Print or write the minutes of a closed meeting (latest by default): md, html or json."""
    from facilitator.followup import counts_as_export
    from store.followup import record_export

    archive, row, result = _closed_minutes(settings, meeting)
    try:
        if fmt == "html":
            from facilitator.export.html import render_minutes_html

            content = render_minutes_html(result)
        elif fmt == "json":
            from facilitator.export.json import render_minutes_json

            content = render_minutes_json(result)
        else:
            from facilitator.export.markdown import render_minutes

            content = render_minutes(result) + "\n"
        write_output(output, content)
        if not counts_as_export(not to_stdout(output), _stdout_is_terminal()):
            return
        try:
            record_export(archive, row.id, fmt, settings.clock.now())
        except JournalUnavailable:
            # The minutes are out already; only the bookkeeping waits for next time.
            click.echo(t("plan.export_not_recorded"), err=True)
    finally:
        archive.close()


@main.command()
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
    from facilitator.followup import RatingRequired, is_valid_rating, updated_retrospective
    from facilitator.text import clean
    from store.archive import ArchiveError
    from store.followup import retrospective, save_retrospective

    archive = open_archive(settings)
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


def _retro_text(retro_) -> str:
    return "\n".join(
        [
            t("cli_plan.retro_good", text=retro_.good or "-"),
            t("cli_plan.retro_improve", text=retro_.improve or "-"),
            t("cli_plan.retro_rating", rating=retro_.rating),
        ]
    )


@main.command()
@click.argument("meeting", required=False)
@click.pass_obj
def metrics(settings: Settings, meeting: str | None) -> None:
    """Planned vs actual minutes, overruns, decisions per hour, speaking share per department."""
    from rich.table import Table
    from rich.text import Text

    from facilitator.metrics import meeting_metrics
    from facilitator.text import clean
    from store.followup import retrospective

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
            str(topic.planned_minutes),
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


def render_rich(renderable) -> str:
    """A Rich renderable as plain text (CJK aligned by cell width, no colour codes)."""
    import io
    import shutil

    from rich.console import Console

    buffer = io.StringIO()
    width = max(shutil.get_terminal_size((100, 24)).columns, 60)
    Console(file=buffer, width=width, no_color=True, highlight=False, emoji=False).print(renderable)
    # Rich pads titles to the table width; trailing blanks only get in the way.
    return "".join(line.rstrip() + "\n" for line in buffer.getvalue().splitlines())
