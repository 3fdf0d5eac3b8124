"""The ``facilitator`` command: the composition root.

The only module (with the notebook API) that wires the domain to ``store``
and ``screens``. Textual is imported only by the commands that open a screen,
so ``check`` and ``minutes`` stay quick.
"""

from __future__ import annotations

import gc
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click

from facilitator.agenda import Agenda, AgendaError, load_agenda
from facilitator.cli_i18n import I18nGroup, set_language_early
from facilitator.clock import Clock, SystemClock
from facilitator.i18n import language_from_environment, set_language, t
from facilitator.journal import JournalUnavailable

if TYPE_CHECKING:
    from facilitator.minutes import Minutes
    from store.archive import Archive, SqliteJournal

EXIT_BAD_INPUT = 2


@dataclass
class Settings:
    db: Path
    clock: Clock


def default_archive_path() -> Path:
    """The archive in the user's data directory (per OS)."""
    from platformdirs import user_data_path

    return user_data_path("facilitator", appauthor=False) / "archive.db"


def fail(message: str) -> NoReturn:
    """Print a clear message and exit with status 2 (bad input, nothing changed)."""
    click.echo(f"facilitator: {message}", err=True)
    sys.exit(EXIT_BAD_INPUT)


def open_archive(settings: Settings) -> Archive:
    from store.archive import Archive, ArchiveError

    try:
        return Archive.open(settings.db)
    except ArchiveError as exc:
        fail(str(exc))


def read_agenda(path: str) -> Agenda:
    try:
        return load_agenda(path)
    except AgendaError as exc:
        click.echo(str(exc), err=True)
        sys.exit(EXIT_BAD_INPUT)


class _Group(I18nGroup):
    """Any command: an archive it cannot use (busy, damaged, newer) is one line, exit 2."""

    def invoke(self, ctx: click.Context) -> object:
        from store.archive import ArchiveError

        try:
            return super().invoke(ctx)
        except (JournalUnavailable, ArchiveError) as error:
            fail(str(error))


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
    envvar="FACILITATOR_DB",
    help="Archive file (default: FACILITATOR_DB, then the user data directory).",
)
@click.option(
    "--lang",
    type=click.Choice(["en", "zh"]),
    is_eager=True,
    expose_value=True,
    callback=set_language_early,
    help="Language of the interface.",
)
@click.version_option(package_name="facilitator")
@click.pass_context
def main(ctx: click.Context, db: Path | None, lang: str | None) -> None:
    """Run cross-department meetings: agenda, speakers, live minutes, tasks."""
    set_language(language_from_environment(lang))
    ctx.obj = Settings(db=db or default_archive_path(), clock=make_clock())


def run_room(settings: Settings, archive: Archive, journal: SqliteJournal) -> None:
    """Open the room on a meeting; print the summary if it was closed there."""
    from facilitator.export.summary import render_summary
    from facilitator.session import LiveMeeting
    from screens.app import FacilitatorApp

    meeting = LiveMeeting(journal, settings.clock)
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
        click.echo(t("cli.unwritten", count=len(app.unwritten)), err=True)
        for line in app.unwritten:
            click.echo(f"  {line}", err=True)
    else:
        archive.close()
    if minutes is not None:
        click.echo(render_summary(minutes))
    elif meeting.state.is_closed:
        click.echo(t("cli.already_closed", title=meeting.state.agenda.title))
    else:
        command = resume_command(settings.db, meeting.meeting_id)
        click.echo(t("cli.left_open", title=meeting.state.agenda.title, command=command))


def resume_command(db: Path, meeting_id: int) -> str:
    """The command that reopens a meeting left open, ready to paste into a shell.

    It names the archive unless it is the default one: the room may have been
    started with ``--db`` (or FACILITATOR_DB), which the next shell may not have.
    """
    import shlex

    archive = "" if db == default_archive_path() else f"--db {shlex.quote(str(db))} "
    return f"facilitator {archive}open {meeting_id}"


@main.command()
@click.option("--fresh", is_flag=True, help="Start a new demo even if one is still open.")
@click.pass_obj
def demo(settings: Settings, fresh: bool) -> None:
    """Open the room on the built-in demo meeting (resumes an unfinished one)."""
    from facilitator.demo import DEMO_TITLE, demo_agenda
    from facilitator.i18n import current_language

    archive = open_archive(settings)
    language = current_language()
    open_demos = [
        m for m in archive.meetings() if not m.is_closed and m.title == DEMO_TITLE[language]
    ]
    if open_demos and not fresh:
        journal = archive.journal(open_demos[-1].id)
    else:
        journal = archive.create_meeting(
            demo_agenda(settings.clock.now(), language), settings.clock.now()
        )
    run_room(settings, archive, journal)


@main.command()
@click.argument("agenda_file", type=click.Path(dir_okay=False))
@click.pass_obj
def run(settings: Settings, agenda_file: str) -> None:
    """Create the meeting from AGENDA_FILE and open the room (resumes it if open)."""
    agenda = read_agenda(agenda_file)
    archive = open_archive(settings)
    existing = archive.find_by_key(agenda.key)
    if existing is not None and existing.is_closed:
        archive.close()
        fail(t("cli.meeting_closed", title=agenda.title, id=existing.id))
    journal = (
        archive.journal(existing.id)
        if existing is not None
        else archive.create_meeting(agenda, settings.clock.now())
    )
    run_room(settings, archive, journal)


@main.command(name="open")
@click.argument("meeting", required=False)
@click.pass_obj
def open_meeting(settings: Settings, meeting: str | None) -> None:
    """Resume a meeting that is not closed (by id, key or title; latest by default)."""
    from store.archive import ArchiveError

    archive = open_archive(settings)
    try:
        row = archive.find(meeting, closed=False, now=settings.clock.now())
    except ArchiveError as exc:
        archive.close()
        fail(str(exc))
    run_room(settings, archive, archive.journal(row.id))


def make_clock() -> Clock:
    """The wall clock, or a fixed "now" from FACILITATOR_NOW (a testing aid).

    ``FACILITATOR_NOW=2026-03-16T10:00:00+01:00 facilitator tasks`` runs any
    command as if it were that instant, so follow-up over weeks can be
    tried from the shell without waiting.
    """
    import os

    value = os.environ.get("FACILITATOR_NOW")
    if not value:
        return SystemClock()
    import pendulum

    from facilitator.clock import FakeClock

    try:
        instant = pendulum.parse(value)
    except (ValueError, pendulum.parsing.exceptions.ParserError):
        fail(t("cli.bad_now", value=value))
    if not isinstance(instant, pendulum.DateTime):
        fail(t("cli.bad_now", value=value))
    return FakeClock(instant)


# Commands of other areas register themselves on ``main`` when imported.
from facilitator import cli_follow, cli_plan, cli_tasks  # noqa: E402,F401

if __name__ == "__main__":
    main()
