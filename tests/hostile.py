"""Text that tries to be markup: the one list every output is tested against.

Names, topics and notes come from people; each of these must come out of
every screen and export exactly as typed (minus control characters, which no
output may pass through). To test a new export, parametrize its test over
``HOSTILE_TEXTS`` and check ``visible(text)`` shows literally in it.
"""

from __future__ import annotations

import json

from facilitator.core.text import clean
from facilitator.meeting.agenda import Agenda
from facilitator.planning.agenda_file import parse_agenda

HOSTILE_TEXTS: tuple[str, ...] = (
    # Rich / Textual console markup
    "[bold red]x[/]",
    "[link=https://e.x]y[/link]",
    "[@click=app.quit]quit[/]",
    "\\[not escaped\\] [/]",
    # ANSI escape sequences: colour, a terminal hyperlink (OSC 8), clear screen
    "\x1b[31mred\x1b[0m text",
    "\x1b]8;;https://e.x\x1b\\click\x1b]8;;\x1b\\ here",
    "\x1b[2J\x1b[Hwiped",
    # HTML
    "<script>alert(1)</script>",
    '<a href="https://e.x">y</a> &amp; &lt;b&gt; R&D',
    # Markdown control characters, inline and at the start of a line
    "**bold** _em_ `code` ~~gone~~",
    "# Heading",
    "- item",
    "1. first",
    "> quoted",
    "| a | b |",
    "[y](https://e.x) ![i](https://e.x/i.png) <https://e.x>",
    "---",
    # Spreadsheet formulas (CSV injection)
    '=HYPERLINK("https://e.x","click")',
    "+SUM(1,2)",
    "-2+3",
    "@SUM(A1:A2)",
    # Chinese text with brackets of both widths
    "【重要】[red]李雷[/red]",
)
"""Hostile strings for names, topics and notes; one line each, no edge spaces."""


def visible(text: str) -> str:
    """What a reader must see of ``text``: all of it, minus control characters."""
    return clean(text)


def hostile_agenda_toml(text: str) -> str:
    """An agenda file with ``text`` as its title, goal, place, first topic, and a
    person (that topic's owner) whose name and department are ``text``."""
    value = json.dumps(text, ensure_ascii=False)  # a JSON string is a TOML basic string
    return f"""\
[meeting]
title = {value}
goal = {value}
place = {value}
start = 2026-03-02T10:00:00+01:00
end = 2026-03-02T11:00:00+01:00

[[people]]
name = "Ana"
department = "Ops"
role = "host"

[[people]]
name = {value}
department = {value}

[[topics]]
title = {value}
owner = {value}
minutes = 15

[[topics]]
title = "Support rota"
owner = "Ana"
minutes = 15
"""


def hostile_agenda(text: str) -> Agenda:
    """The agenda of :func:`hostile_agenda_toml`, read as an agenda file is."""
    return parse_agenda(hostile_agenda_toml(text), source="hostile.toml")
