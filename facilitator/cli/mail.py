"""After the meeting, what goes out: ``brief`` (for each absentee's briefer) and
``mail`` (ready-to-send e-mails: the minutes to every participant, a brief to
each briefer).

Wires ``facilitator.followup.briefs`` and ``facilitator.export`` (brief,
mail, ics) to the archive; the rules live there.
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
    write_output,
)
from facilitator.core.i18n import listed, t
from facilitator.export.formats import BRIEF_FORMATS

if TYPE_CHECKING:
    from facilitator.followup.listing import TaskRow
    from facilitator.meeting.minutes import Minutes
    from store.archive import MeetingRow


def _followed(settings: Settings, meeting: str | None) -> tuple[MeetingRow, Minutes, list[TaskRow]]:
    """(row, minutes as followed up now, its tasks, done ones too) of a closed
    meeting, or exit 2."""
    from store.errors import ArchiveError
    from store.followup import followed_minutes
    from store.tasklist import task_rows

    archive = open_archive(settings, read_only=True)
    try:
        row = archive.find(meeting, closed=True, now=settings.clock.now())
        now = settings.clock.now()
        tasks = list(task_rows(archive, now, status="all", meeting_id=row.id))
        return row, followed_minutes(archive, row.id, now), tasks
    except ArchiveError as exc:
        fail(str(exc))
    finally:
        archive.close()


@command()
@click.argument("meeting", required=False)
@click.option("--for", "absentee", metavar="NAME", help="Only the brief of this absentee.")
@format_and_output(BRIEF_FORMATS)
@click.pass_obj
def brief(
    settings: Settings,
    meeting: str | None,
    absentee: str | None,
    fmt: str | None,
    output: Path | None,
) -> None:
    """What each absentee's briefer must pass on: decisions, their tasks and open items,
    the disputes that name their department (latest closed meeting by default)."""
    fmt = chosen_format(fmt, output, BRIEF_FORMATS)
    from facilitator.core.text import clean
    from facilitator.followup.briefs import briefs

    row, minutes, _tasks = _followed(settings, meeting)
    found = briefs(minutes, clean(absentee) if absentee is not None else None)
    if not minutes.absent:
        click.echo(t("brief.nobody_absent", title=clean(row.title)), err=True)
        return
    if not found:
        names = listed(a.name for a in minutes.absent)
        fail(t("brief.not_absent", name=clean(absentee or ""), title=clean(row.title), names=names))
    if fmt == "html":
        from facilitator.export.brief import render_brief_html

        write_output(output, render_brief_html(minutes, found))
    else:
        from facilitator.export.brief import render_brief

        write_output(output, render_brief(minutes, found))


@command()
@click.argument("meeting", required=False)
@click.option(
    "-o",
    "--output",
    "directory",
    required=True,
    metavar="DIR",
    type=click.Path(path_type=Path),
    help="Directory to write the .eml files in (it must exist).",
)
@click.option("--sender", metavar="ADDRESS", help="From address (default: the recorder's).")
@click.pass_obj
def mail(settings: Settings, meeting: str | None, directory: Path, sender: str | None) -> None:
    """Write ready-to-send e-mails (.eml): the minutes to every participant with an
    address, and to each briefer the brief of those they brief; tasks attached (.ics)."""
    from facilitator.app.files import write_file
    from facilitator.core.text import clean
    from facilitator.export.ics import render_tasks
    from facilitator.export.mail import (
        Mail,
        NoSender,
        addressed,
        brief_mail,
        file_name,
        minutes_mail,
        sender_of,
    )
    from facilitator.followup.briefs import briefs, by_briefer

    target = directory.expanduser()
    if not target.is_dir():
        fail(t("mail.not_a_directory", path=target))
    row, minutes, tasks = _followed(settings, meeting)
    reachable, unreachable = addressed(minutes.agenda.people)
    if not reachable:
        fail(t("mail.nobody_to_mail", title=clean(row.title)))
    try:
        source = sender_of(minutes, sender)
    except NoSender:
        fail(t("mail.bad_sender", value=sender) if sender else t("mail.no_sender"))
    now = settings.clock.now()
    sep = t("minutes.list_sep")
    calendar = render_tasks(tasks, now, minutes.agenda.language) if tasks else None
    # Each message, and what to say once it is written (the catalogue key, its words).
    out: list[tuple[Mail, str, dict[str, str]]] = [
        (
            minutes_mail(minutes, source, reachable, now, calendar, file_name(row.id, "minutes")),
            "mail.minutes_to",
            {"names": sep.join(p.name for p in reachable)},
        )
    ]
    for briefer_name, theirs in by_briefer(briefs(minutes)).items():
        absentees = sep.join(b.absentee for b in theirs)
        briefer = minutes.agenda.person(briefer_name)
        if briefer is None or briefer not in reachable:
            click.echo(
                t("mail.briefer_no_address", briefer=briefer_name, names=absentees), err=True
            )
            continue
        ids = {task.id for b in theirs for task in b.tasks}
        mine = [task for task in tasks if task.id in ids]
        attached = render_tasks(mine, now, minutes.agenda.language) if mine else None
        name = file_name(row.id, "brief", briefer.name)
        out.append(
            (
                brief_mail(minutes, source, briefer, theirs, now, attached, name),
                "mail.brief_to",
                {"absentees": absentees, "briefer": briefer.name},
            )
        )
    for message, key, words in out:
        path = target / message.name
        try:
            write_file(path, message.as_bytes())
        except OSError as exc:
            fail(t("cli_plan.cannot_write", path=path, reason=exc.strerror or exc))
        click.echo(clean(t(key, path=path, **words)))
    if unreachable:
        click.echo(t("mail.no_address", names=sep.join(p.name for p in unreachable)), err=True)
    _record_mailed(settings, row.id)


def _record_mailed(settings: Settings, meeting_id: int) -> None:
    """The minutes went out (as .eml): the "never exported" reminder stops."""
    from facilitator.meeting.journal import JournalUnavailable
    from store.archive import Archive
    from store.errors import ArchiveError
    from store.followup import record_export

    try:
        with Archive.open(settings.db, create=False) as archive:
            record_export(archive, meeting_id, "eml", settings.clock.now())
    except (JournalUnavailable, ArchiveError):
        click.echo(t("plan.export_not_recorded"), err=True)
