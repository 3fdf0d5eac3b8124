"""What is wrong with an agenda file, and where: each problem names the
field and the line, and TOML's own errors are read for the line they mean
(a date TOML cannot read is reported for its field, not as "expected newline").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from facilitator.core.i18n import t
from facilitator.meeting.agenda import Agenda


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an agenda file."""

    field: str
    message: str
    line: int | None = None


WHOLE_FILE = "file"
"""The field of a problem with the file itself (missing, unreadable, not TOML)."""


@dataclass
class AgendaError(Exception):
    """The agenda cannot be run; ``problems`` says every reason found."""

    source: str
    problems: list[Problem] = field(default_factory=list)
    partial: Agenda | None = None
    """What could be read despite the problems, so ``check`` can still give its
    warnings; None when the file could not be read as TOML at all."""
    partial_times: bool = False
    """Whether ``partial`` has the file's own start and end (both valid, in order);
    if not, they are placeholders and no warning about time may use them."""

    def __str__(self) -> str:
        lines = []
        for problem in self.problems:
            where = f"{self.source}:{problem.line}" if problem.line else self.source
            # "file" names no field: the whole file is missing or unreadable.
            field = "" if problem.field == WHOLE_FILE else f"{problem.field}: "
            lines.append(f"{where}: {field}{problem.message}")
        return "\n".join(lines)


def toml_error_line(message: str) -> int | None:
    match = re.search(r"line (\d+)", message)
    return int(match.group(1)) if match else None


_DATE_STATEMENT = re.compile(
    r"^\s*(?P<key>[A-Za-z0-9_-]+)\s*=\s*"
    r"(?P<value>\d{4}-\d{1,2}-\d{1,2}(?:[T ][^#\s]*)?)\s*(?:#.*)?$"
)
_HEADER = re.compile(r"^\s*(?P<open>\[\[?)\s*(?P<name>[A-Za-z0-9_-]+)\s*\]\]?\s*(?:#.*)?$")


def bad_date_literal(text: str, line: int | None) -> Problem | None:
    """``start = 2026-13-40T10:00:00+01:00`` is a date TOML cannot read: say so
    for the field, instead of TOML's "expected newline" about column 13."""
    lines = text.splitlines()
    if line is None or not 0 < line <= len(lines):
        return None
    statement = _DATE_STATEMENT.match(lines[line - 1])
    if statement is None:
        return None
    # The table it is in, named like the validator's problems: meeting, topics[2]...
    table = ""
    counts: dict[str, int] = {}
    for above in lines[: line - 1]:
        header = _HEADER.match(above)
        if header:
            name = header.group("name")
            counts[name] = counts.get(name, 0) + 1
            table = f"{name}[{counts[name]}]" if header.group("open") == "[[" else name
    key = statement.group("key")
    label = f"{table}.{key}" if table else key
    return Problem(label, t("agenda.bad_date_literal", value=statement.group("value")), line)
