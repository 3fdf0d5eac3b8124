"""Before the meeting, from the command line: ``new``, ``check``, ``notice``.

Wires ``facilitator.planning`` and ``export`` to the archive; the rules live
there, this module reads arguments, calls them and writes files.
"""

from __future__ import annotations

import sys
import uuid
from collections.abc import Iterable
from pathlib import Path

import click

from facilitator.app.settings import Settings
from facilitator.cli.common import (
    EXIT_BAD_INPUT,
    chosen_format,
    command,
    fail,
    format_and_output,
    open_archive,
    read_agenda,
    to_stdout,
    write_output,
)
from facilitator.core.i18n import current_language, t
from facilitator.core.zones import local_zone, zone_of
from facilitator.export.formats import NOTICE_FORMATS
from facilitator.meeting.agenda import MEETING_KINDS, Agenda
from facilitator.planning.carry_over import CarriedItem
from facilitator.planning.warnings import Finding


@command(name="new")
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

    from facilitator.core.workdays import work_calendar
    from facilitator.planning.carry_over import follow_up_title, next_meeting_start
    from facilitator.planning.planned import PlannedPerson
    from facilitator.planning.templates import render_agenda

    settings: Settings = ctx.obj
    output = agenda_output
    if not to_stdout(output) and output.exists() and not force:
        fail(t("plan.exists", path=output))
    explicit_lang = (ctx.parent.params.get("lang") if ctx.parent else None) or None
    language = current_language()
    people: list[PlannedPerson] | None = None
    carried: list[CarriedItem] = []
    title = place = None
    online = series = ""
    if previous is not None:
        before, series, carried = _follow_up(settings, previous, kind, explicit_lang)
        language = explicit_lang or before.language
        zone = zone or before.timezone
        people = [PlannedPerson(p.name, p.department, p.role, p.email) for p in before.people]
        place, online = before.place, before.online
    zone = zone or local_zone().name
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
        begin = next_meeting_start(settings.clock.now(), zone, work_calendar(None, zone))
    if series:
        # A title of its own: "minutes" and "retro" must tell the meetings apart.
        title = follow_up_title(series, begin, language)
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
        series=series,
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


def _follow_up(
    settings: Settings, previous: str, kind: str, language: str | None
) -> tuple[Agenda, str, list[CarriedItem]]:
    """(the agenda followed up, its series, what it hands on) for ``new --from``.

    ``previous`` names a closed meeting, or a whole series (its latest closed
    meeting). Every open item and every task not done of the series' meetings
    up to that one are carried, however many meetings ago they were recorded,
    until settled (item resolved or dropped, task done); the topics that
    meeting did not reach or skipped are carried too.
    """
    from facilitator.followup.tasks import effective_status
    from facilitator.planning.carry_over import series_carry_over
    from facilitator.planning.templates import template_titles
    from store.errors import ArchiveError
    from store.followup import tasks as stored_tasks
    from store.items import items as stored_items
    from store.series import series_meetings, series_of

    archive = open_archive(settings, read_only=True)
    try:
        try:
            named = [] if previous.isdigit() else series_meetings(archive, previous)
            row = archive.find(str(named[-1].id) if named else previous, closed=True)
            minutes = archive.minutes(row.id)
        except ArchiveError as exc:
            fail(str(exc))
        series = series_of(archive, row.id)
        meetings = series_meetings(archive, series)
        # The meetings of the series up to the one followed up, itself included.
        upto = meetings[: [m.id for m in meetings].index(row.id) + 1]
        source = {m.id: m.title for m in upto}
        open_items = stored_items(archive, meeting_ids=list(source), unsettled=True)
        tasks = [task for m in upto for task in stored_tasks(archive, m.id, not_done=True)]
    finally:
        archive.close()
    agenda = minutes.agenda
    today = settings.clock.now().in_timezone(zone_of(agenda.start)).date()
    left = [
        CarriedItem(
            "left",
            topic.title,
            topic.owner,
            None,
            carries=found.carries if (found := agenda.topic(topic.id)) else "",
            minutes=topic.planned_minutes,
            source=agenda.title,
        )
        for topic in minutes.topics_left
    ]
    items = [
        CarriedItem(
            "unresolved",
            item.text,
            item.owner,
            item.deadline,
            carries=f"item {item.id}",
            source=source[item.meeting_id],
        )
        for item in open_items
    ]
    unfinished = [
        CarriedItem(
            "delayed" if effective_status(task, today) == "delayed" else "task",
            task.title,
            task.owner,
            task.due,
            carries=f"task {task.id}",
            source=source[task.meeting_id],
        )
        for task in tasks
    ]
    planned = template_titles(kind, language or agenda.language)
    return agenda, series, series_carry_over(items, unfinished, left, planned)


def _warning_lines(findings: Iterable[Finding], agenda_file: str) -> list[str]:
    """Each finding as ``FILE:LINE: FIELD: warning: …``, like the agenda's problems."""
    from facilitator.planning.agenda_file import field_line

    try:
        text = Path(agenda_file).read_text(encoding="utf-8", errors="replace")
    except OSError:
        text = ""
    return [
        finding.located(agenda_file, field_line(text, finding.field_label)) for finding in findings
    ]


@command()
@click.argument("agenda_file", type=click.Path(dir_okay=False))
@click.pass_obj
def check(settings: Settings, agenda_file: str) -> None:
    """Validate an agenda file: exit 2 with the reasons if it cannot run, else warnings."""
    from facilitator.planning.agenda_file import AgendaError, load_agenda
    from facilitator.planning.warnings import plan_warnings

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
    # An agenda without a language line takes the planner's: say which, before
    # the notice goes out in it.
    language = t(f"cli.language_{agenda.language}")
    click.echo(t("cli.check_language", spoken=language, code=agenda.language))
    for line in _warning_lines(plan_warnings(agenda, settings.clock.now()), agenda_file):
        click.echo(line)


@command()
@click.argument("agenda_file", type=click.Path(dir_okay=False))
@format_and_output(NOTICE_FORMATS)
@click.pass_obj
def notice(settings: Settings, agenda_file: str, fmt: str | None, output: Path | None) -> None:
    """Write the meeting notice (Markdown) or the invitation (.ics) in the meeting's language."""
    fmt = chosen_format(fmt, output, NOTICE_FORMATS)
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
    from facilitator.planning.warnings import notice_warnings

    # Sending the notice is the moment its flaws matter (late, no place, people
    # the calendar will not reach): say so on stderr, the notice is still written.
    findings = notice_warnings(agenda, settings.clock.now(), invitation=fmt == "ics")
    for line in _warning_lines(findings, agenda_file):
        click.echo(line, err=True)
