"""What every command shares: failing with one line, the archive, files written.

Commands print one clear line and exit 2 on bad input; they never write a
half file; they open the archive the one way.
"""

from __future__ import annotations

import os
import sys
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

from facilitator.app.files import write_file
from facilitator.app.settings import Location, is_server_url, location_of, looks_like_url
from facilitator.cli.i18n import I18nCommand
from facilitator.core.i18n import t

if TYPE_CHECKING:
    from facilitator.app.settings import Settings
    from facilitator.meeting.agenda import Agenda
    from store.archive import Archive

EXIT_BAD_INPUT = 2

command = partial(click.command, cls=I18nCommand)
"""A command whose help speaks the user's language."""


ENDS_WITH_COMMAND = False
"""Set by the program's entry point (:func:`facilitator.cli.main.run`): this process
ends when its command does. Not when a command is invoked inside another
program (a test, a notebook), which goes on afterwards."""


def without_collector() -> None:
    """Keep Python's cycle collector out of a command that lists much and then ends.

    A long list is hundreds of thousands of small objects, none in a cycle,
    freed as soon as they are written; the collector would walk them (and
    every loaded module, again at exit) for nothing: 20-30 ms of a 200 ms task
    list (``benchmarks/task_query.py``). Only in a process of its own: one that
    goes on (a test runner) keeps its collector. Not for the room, which runs
    for hours.
    """
    if not ENDS_WITH_COMMAND:
        return
    import gc

    gc.disable()
    gc.freeze()


def fail(message: str) -> NoReturn:
    """Print a clear message and exit with status 2 (bad input, nothing changed).

    One line, whatever it quotes: SQLite's reason for a damaged archive can hold
    the table's SQL with its newlines, and bytes of the damage itself.
    """
    from facilitator.core.text import clean

    click.echo(f"facilitator: {clean(message)}", err=True)
    sys.exit(EXIT_BAD_INPUT)


class ArchiveLocation(click.ParamType):
    """``--db``: an archive file, or a ``postgresql://`` URL (kept as text, never a path)."""

    name = "FILE|URL"

    def convert(
        self, value: object, param: click.Parameter | None, ctx: click.Context | None
    ) -> Location:
        if isinstance(value, Path):
            return value
        text = str(value)
        if looks_like_url(text) and not is_server_url(text):
            fail(t("archive.not_an_archive", value=text))
        return location_of(text)


def open_archive(
    settings: Settings, *, create: bool = False, read_only: bool = False, live: bool = False
) -> Archive:
    """The archive the command runs on, or one line and exit 2 if it cannot be used.

    Only commands that start meetings ``create`` an archive: for the others a
    mistyped ``--db`` is an error, not a new empty file. Commands that only
    read open it ``read_only``: they never change it, and work on a copy
    nobody may write.
    """
    from store.archive import Archive
    from store.errors import ArchiveError

    try:
        return Archive.open(settings.db, create=create, read_only=read_only, live=live)
    except ArchiveError as exc:
        fail(str(exc))


def need_terminal() -> None:
    """The room and the follow view draw on a terminal that speaks UTF-8: say so
    plainly (exit 2, nothing written) instead of failing inside the screen.

    textual-serve runs them behind a browser (TEXTUAL_DRIVER is set): that is
    a terminal too.
    """
    if os.environ.get("TEXTUAL_DRIVER"):
        return
    streams = (sys.stdin, sys.stdout)
    if not all(stream is not None and stream.isatty() for stream in streams):
        fail(t("cli.needs_terminal"))
    encoding = (sys.stdout.encoding or "").lower().replace("-", "")
    if encoding not in ("utf8", "utf8sig"):
        fail(t("cli.terminal_not_utf8", encoding=sys.stdout.encoding))


def read_agenda(path: str) -> Agenda:
    """The agenda in ``path``, or its problems (file:line) and exit 2."""
    # Imported here: the commands that never read an agenda start without it.
    from facilitator.planning.agenda_file import AgendaError, load_agenda

    try:
        return load_agenda(path)
    except AgendaError as exc:
        click.echo(str(exc), err=True)
        sys.exit(EXIT_BAD_INPUT)


def format_and_output(choices: tuple[str, ...]) -> Any:
    """``--format`` among ``choices`` and ``-o FILE`` (``-`` or none: the terminal);
    unset, the format is the one the file's extension names (:func:`chosen_format`),
    else the first choice."""
    formats = click.option("--format", "fmt", type=click.Choice(choices), help="Output format.")
    output = click.option(
        "-o",
        "--output",
        type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
        help="File to write (- or none: the terminal).",
    )
    return lambda command: formats(output(command))


def chosen_format(fmt: str | None, output: Path | None, choices: tuple[str, ...]) -> str:
    """The format to write: ``--format``, else what ``-o``'s extension names, else
    the first of ``choices``; a name and a format that disagree are refused (exit 2)."""
    from facilitator.export.formats import FormatRefused, format_for

    try:
        return format_for(None if to_stdout(output) else output, fmt, choices, choices[0])
    except FormatRefused as refused:
        fail(refused.notice.text())


def to_stdout(output: Path | None) -> bool:
    """No ``-o``, or ``-o -`` (the usual name for standard output)."""
    return output is None or str(output) == "-"


def write_output(output: Path | None, content: str | bytes) -> None:
    """Write to ``output`` atomically and privately (see ``facilitator.app.files``),
    or to stdout.

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
    try:
        write_file(target, data)
    except OSError as exc:
        fail(t("cli_plan.cannot_write", path=target, reason=exc.strerror or exc))


def stdout_is_terminal() -> bool:
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):  # replaced or closed stdout: not a terminal
        return False


def render_rich(renderable: Any) -> str:
    """A Rich renderable as plain text (CJK aligned by cell width, no colour codes)."""
    import io
    import shutil

    from rich.console import Console
    from rich.table import Table

    width = max(shutil.get_terminal_size((100, 24)).columns, 60)
    if isinstance(renderable, Table):
        # A cell too narrow for a word folds it onto the next line; Rich's default
        # cut it with "…", and a report piped to a file or a mail lost those words.
        for column in renderable.columns:
            column.overflow = "fold"
        _unpin_if_crowded(renderable, width)
    buffer = io.StringIO()
    Console(file=buffer, width=width, no_color=True, highlight=False, emoji=False).print(renderable)
    # Rich pads titles to the table width; trailing blanks only get in the way.
    return "".join(line.rstrip() + "\n" for line in buffer.getvalue().splitlines())


MIN_WRAPPED = 8
"""Cells a wrapping column (a task's title, a meeting) keeps at the least."""


def _unpin_if_crowded(table: Any, width: int) -> None:
    """Columns kept whole (``no_wrap``: ids, dates, statuses) stay whole only while
    the others still get :data:`MIN_WRAPPED` cells each (or their longest word, if
    shorter): pinned on a narrow terminal, they left Rich no room, and it printed
    the titles as empty cells. The rightmost pinned column is let go first, so the
    date outlasts the status and the id outlasts both."""
    from rich.cells import cell_len
    from rich.text import Text

    def texts(column: Any) -> list[str]:
        return [c.plain if isinstance(c, Text) else str(c) for c in (column.header, *column.cells)]

    def widest(column: Any) -> int:
        return max(map(cell_len, texts(column)))

    def least(column: Any) -> int:
        words = [word for text in texts(column) for word in text.split()] or [""]
        return min(MIN_WRAPPED, max(map(cell_len, words)))

    borders = 3 * len(table.columns) + 1  # a rule and a space either side of each cell
    pinned = [column for column in table.columns if column.no_wrap]
    while pinned:
        needed = sum(widest(c) if c.no_wrap else least(c) for c in table.columns)
        if needed + borders <= width:
            return
        pinned.pop().no_wrap = False
