"""Which format a file is written in: the one asked for, or the one its name says.

``minutes -o minutes.json`` wrote Markdown into a file called ``.json`` (and
an outside tool then failed to read it): a file's extension is how people
say what they want, and how every other program will read the file.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import PurePath

from facilitator.core.notice import Notice

SUFFIXES = {
    "md": "md",
    "markdown": "md",
    "html": "html",
    "htm": "html",
    "json": "json",
    "ics": "ics",
    "csv": "csv",
}
"""File extensions that name a format (others, ``.txt`` or none, name nothing)."""


MINUTES_FORMATS = ("md", "html", "json", "ics")
LIST_FORMATS = ("table", "csv", "ics")
"""Tasks and open items: a table for the terminal, CSV for a spreadsheet, to-dos."""
NOTICE_FORMATS = ("md", "ics")
BRIEF_FORMATS = ("md", "html")


class FormatRefused(ValueError):
    """The format asked for and the file's name disagree, or the name asks for a
    format this paper cannot be written in."""

    def __init__(self, notice: Notice) -> None:
        super().__init__(notice.key)
        self.notice = notice


def format_for(
    output: PurePath | None, given: str | None, choices: Sequence[str], default: str
) -> str:
    """``given`` (``--format``) if any, else the format ``output``'s extension names,
    else ``default``. Raises :class:`FormatRefused` when both are said and differ
    (the file would lie about what it holds) or the extension names a format
    not among ``choices``. Standard output (``-``) has no extension."""
    named = SUFFIXES.get(output.suffix.lower().lstrip(".")) if output is not None else None
    choice_list = " | ".join(choices)
    if named is not None and named not in choices:
        raise FormatRefused(
            Notice(
                "cli.format_unsupported", {"name": output, "format": named, "choices": choice_list}
            )
        )
    if given is not None and named is not None and given != named:
        raise FormatRefused(
            Notice("cli.format_conflict", {"name": output, "named": named, "given": given})
        )
    return given or named or default
