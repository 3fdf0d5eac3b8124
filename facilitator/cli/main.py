"""The ``facilitator`` command: the composition root.

The only module (with the notebook API) that wires the domain to ``store``
and ``screens``. It alone adds the commands, each from the module of its
area, and imports that module only when the command is run (or its help
shown): opening the room loads neither planning nor follow-up code.
"""

from __future__ import annotations

import importlib
import sqlite3
import sys
from pathlib import Path
from typing import NoReturn

import click

from facilitator.app.settings import (
    BadNow,
    Location,
    Settings,
    clock_from_environment,
    default_archive_path,
    shown,
)
from facilitator.cli.common import ArchiveLocation, fail
from facilitator.cli.i18n import I18nGroup, set_language_early
from facilitator.core.i18n import language_from_environment, set_language, t
from facilitator.meeting.journal import JournalUnavailable

COMMANDS = {
    "demo": "facilitator.cli.room:demo",
    "run": "facilitator.cli.room:run",
    "open": "facilitator.cli.room:open_meeting",
    "follow": "facilitator.cli.follow:follow",
    "serve": "facilitator.cli.follow:serve",
    "new": "facilitator.cli.plan:new",
    "check": "facilitator.cli.plan:check",
    "notice": "facilitator.cli.plan:notice",
    "minutes": "facilitator.cli.minutes:minutes",
    "retro": "facilitator.cli.minutes:retro",
    "metrics": "facilitator.cli.minutes:metrics",
    "tasks": "facilitator.cli.tasks:tasks",
    "task": "facilitator.cli.tasks:task",
    "report": "facilitator.cli.report:report",
    "items": "facilitator.cli.followup:items",
    "item": "facilitator.cli.followup:item",
    "confirm": "facilitator.cli.followup:confirm",
    "brief": "facilitator.cli.mail:brief",
    "mail": "facilitator.cli.mail:mail",
    "backup": "facilitator.cli.archive:backup",
    "upgrade": "facilitator.cli.archive:upgrade",
    "search": "facilitator.cli.search:search",
    "meetings": "facilitator.cli.search:meetings",
    "datasette": "facilitator.cli.datasette:datasette",
    "archive": "facilitator.cli.archive:archive",
}
"""Every command and where it lives."""


class _Group(I18nGroup):
    """Any command: an archive it cannot use (busy, damaged, newer) is one line, exit 2.

    Commands are loaded from :data:`COMMANDS` when asked for.
    """

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        where = COMMANDS.get(cmd_name)
        if where is None:
            return None
        module, _, name = where.partition(":")
        found = getattr(importlib.import_module(module), name)
        assert isinstance(found, click.Command)
        return found

    def invoke(self, ctx: click.Context) -> object:
        from store.errors import ArchiveError

        undecodable = next((arg for arg in sys.argv[1:] if _has_surrogates(arg)), None)
        if undecodable is not None:
            # Bytes the terminal sent that are not UTF-8 (a GBK or Latin-1
            # terminal): refused before they reach the archive, named readably.
            shown = undecodable.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
            fail(t("cli.not_utf8", value=shown))
        try:
            return super().invoke(ctx)
        except (JournalUnavailable, ArchiveError) as error:
            fail(str(error))
        except sqlite3.DatabaseError as error:
            fail(t("archive.failed", path=_archive_of(ctx), reason=error))
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit):
            raise
        except Exception as error:
            report_crash(error)


def _has_surrogates(text: str) -> bool:
    return any("\udc80" <= char <= "\udcff" for char in text)


def _archive_of(ctx: click.Context) -> str:
    settings = ctx.obj
    return shown(getattr(settings, "db", "")) if settings is not None else ""


def report_crash(error: BaseException) -> NoReturn:
    """A fault nobody foresaw: one line for the person, the details in a file.

    No traceback reaches the terminal (it would show local values, typed
    text among them); it goes to a private file in the user's state
    directory, named in the line, for a bug report. Exit 1: not bad input.
    """
    import traceback

    from facilitator.app.crash import crash_report

    report = crash_report("".join(traceback.format_exception(error)))
    click.echo(t("cli.crashed", error=type(error).__name__, path=report or "-"), err=True)
    sys.exit(1)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    type=ArchiveLocation(),
    envvar="FACILITATOR_DB",
    help="Archive: a file, or a postgresql:// URL (default: FACILITATOR_DB, then the user "
    "data directory).",
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
def main(ctx: click.Context, db: Location | None, lang: str | None) -> None:
    """Run cross-department meetings: agenda, speakers, live minutes, tasks."""
    set_language(language_from_environment(lang))
    if isinstance(db, Path) and not db.name:
        # --db "" (a variable left empty in a script) reads as ".": no archive at all.
        fail(t("cli.empty_db"))
    try:
        clock = clock_from_environment()
    except BadNow as bad:
        fail(t("cli.bad_now", value=str(bad)))
    ctx.obj = Settings(db=db or default_archive_path(), clock=clock)


def run() -> None:
    """The ``facilitator`` program (and ``python -m facilitator``): a process of its
    own, which ends when its command does (see :func:`facilitator.cli.common.without_collector`)."""
    from facilitator.cli import common

    common.ENDS_WITH_COMMAND = True
    main()


if __name__ == "__main__":
    run()
