"""``facilitator demo``, ``run`` and ``open``: the room on the shared screen."""

from __future__ import annotations

import gc
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from facilitator.app.settings import Location, Settings, default_archive_path, shown
from facilitator.cli.common import command, fail, need_terminal, open_archive, read_agenda
from facilitator.core.i18n import t

if TYPE_CHECKING:
    from facilitator.meeting.minutes import Minutes
    from store.archive import Archive
    from store.journal import StoredJournal


def run_room(settings: Settings, archive: Archive, journal: StoredJournal) -> None:
    """Open the room on a meeting; print the summary if it was closed there."""
    from facilitator.app.live import LiveMeeting
    from facilitator.export.summary import render_summary
    from screens.app import FacilitatorApp

    meeting = LiveMeeting(journal, settings.clock)  # reads (and checks) the journal
    need_terminal()
    # Record the opening before the screen takes the terminal, so an archive
    # another program keeps busy is a message here, not a crash in the room.
    meeting.open()
    app = FacilitatorApp(meeting)
    # Everything loaded so far lives as long as the room: keep the collector
    # from walking it again and again (a full pass took 20-40 ms, often right
    # when the first line was typed).
    gc.freeze()
    minutes: Minutes | None = app.run()
    if app.unwritten:
        # The writer may still be waiting on the archive: leave it open, say what
        # was typed but never written, and let the process end.
        reason = app.unwritten_reason or t("cli.unwritten_unknown")
        _say_lines(t("cli.unwritten", count=len(app.unwritten), reason=reason), app.unwritten)
    else:
        archive.close()
    if app.unfinished:
        _say_lines(t("cli.unfinished", count=len(app.unfinished)), app.unfinished)
    if minutes is not None:
        click.echo(render_summary(minutes))
        # Where the papers are: a first-time host has nothing else to go on.
        papers = in_room_language(f"minutes {meeting.meeting_id} -o minutes.md")
        click.echo(
            "\n"
            + t(
                "cli.closed_next",
                minutes=program_command(settings.db, papers),
                tasks=program_command(settings.db, in_room_language("tasks")),
            )
        )
    elif meeting.state.is_closed:
        click.echo(t("cli.already_closed", title=meeting.state.agenda.title))
    else:
        command = resume_command(settings.db, meeting.meeting_id)
        click.echo(t("cli.left_open", title=meeting.state.agenda.title, command=command))
    if app.return_code:
        sys.exit(app.return_code)  # the room ended on a fault: not a success
    if app.unwritten:
        sys.exit(1)  # lines typed are not in the archive: not a success either


def _say_lines(heading: str, lines: tuple[str, ...]) -> None:
    """Lines the archive does not hold, under what happened to them, ready to copy."""
    click.echo(heading, err=True)
    for line in lines:
        click.echo(f"  {line}", err=True)


def resume_command(db: Location, meeting_id: int, program: str | None = None) -> str:
    """The command that reopens a meeting left open, ready to paste into a shell; in
    the language the room was in, which the next shell's LANG may not say."""
    return program_command(db, in_room_language(f"open {meeting_id}"), program)


def in_room_language(arguments: str) -> str:
    """``arguments`` with ``--lang`` first when the next shell would speak another
    language than the room did (its LANG), or the room did not speak English."""
    from facilitator.core.i18n import current_language, language_from_environment

    language = current_language()
    named = language != "en" or language_from_environment(None) != language
    return f"--lang {language} {arguments}" if named else arguments


def program_command(db: Location, arguments: str, program: str | None = None) -> str:
    """This program with ``arguments`` on the archive ``db``, ready to paste into a shell.

    It names the archive unless it is the default one: the room may have been
    started with ``--db`` (or FACILITATOR_DB), which the next shell may not have;
    by its full path, since the next shell may start in another directory. And
    it names the program as this shell finds it (:func:`this_program`): after
    ``make run`` that is ``.venv/bin/facilitator``, which no PATH has. A server
    URL is named without its password (keep that in ~/.pgpass).
    """
    import shlex

    where = shown(db.absolute()) if isinstance(db, Path) else shown(db)
    archive = "" if db == default_archive_path() else f"--db {shlex.quote(where)} "
    return f"{program or this_program()} {archive}{arguments}"


def this_program() -> str:
    """``facilitator`` if the shell's PATH finds this very program, else its full path
    (else ``python -m facilitator`` with this interpreter's full path)."""
    import shlex
    import shutil
    import sys

    running = Path(sys.argv[0])
    if running.name != "facilitator" or not running.exists():
        return f"{shlex.quote(sys.executable)} -m facilitator"
    found = shutil.which("facilitator")
    if found is not None and Path(found).resolve() == running.resolve():
        return "facilitator"
    return shlex.quote(str(running.absolute()))


@command()
@click.option("--fresh", is_flag=True, help="Start a new demo even if one is still open.")
@click.pass_obj
def demo(settings: Settings, fresh: bool) -> None:
    """Open the room on the built-in demo meeting (resumes an unfinished one)."""
    from facilitator.core.i18n import current_language
    from facilitator.planning.demo import DEMO_TITLE, demo_agenda

    archive = open_archive(settings, create=True)
    language = current_language()
    open_demos = [
        m for m in archive.meetings() if not m.is_closed and m.title == DEMO_TITLE[language]
    ]
    if open_demos and not fresh:
        journal = archive.journal(open_demos[-1].id)
    else:
        need_terminal()  # before the meeting is created, not after
        journal = archive.create_meeting(
            demo_agenda(settings.clock.now(), language), settings.clock.now()
        )
    run_room(settings, archive, journal)


@command()
@click.argument("agenda_file", type=click.Path(dir_okay=False))
@click.pass_obj
def run(settings: Settings, agenda_file: str) -> None:
    """Create the meeting from AGENDA_FILE and open the room (resumes it if open)."""
    agenda = read_agenda(agenda_file)
    archive = open_archive(settings, create=True)
    existing = archive.find_by_key(agenda.key)
    if existing is not None and existing.is_closed:
        archive.close()
        fail(t("cli.meeting_closed", title=agenda.title, id=existing.id))
    need_terminal()  # before the meeting is created, not after
    journal = (
        archive.journal(existing.id)
        if existing is not None
        else archive.create_meeting(agenda, settings.clock.now())
    )
    run_room(settings, archive, journal)


@command(name="open")
@click.argument("meeting", required=False)
@click.pass_obj
def open_meeting(settings: Settings, meeting: str | None) -> None:
    """Resume a meeting that is not closed (by id, key or title; latest by default)."""
    from store.errors import ArchiveError

    archive = open_archive(settings)
    try:
        row = archive.find(meeting, closed=False, now=settings.clock.now())
    except ArchiveError as exc:
        archive.close()
        fail(str(exc))
    run_room(settings, archive, archive.journal(row.id))
