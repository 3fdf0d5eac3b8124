"""What a notebook cell shows: tables, bar charts, the live room, the notice.

Each object shows itself as HTML in Jupyter (``_repr_html_``) and as text in
a console (``__repr__``); tables and charts turn into plain records for
pandas (``.to_records()``). Pure domain: built from values, never from the
archive (``facilitator.notebook.api`` does the reading).
"""

from __future__ import annotations

import shlex
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import partial
from typing import Any

import pendulum
from pendulum import Date, DateTime

from facilitator.core.i18n import catalogue, t
from facilitator.meeting.agenda import Agenda
from facilitator.meeting.balance import department_totals
from facilitator.meeting.state import MeetingState
from facilitator.notebook.display import (
    agenda_columns,
    bars_html,
    bars_text,
    esc,
    marked_html,
    table_html,
    table_text,
)
from facilitator.notebook.live import live_html, live_text
from facilitator.render.times import format_date, format_datetime, format_span

_DATE_KEYS = {"due", "deadline", "date"}
_INSTANT_KEYS = {"start", "closed_at", "at"}
TASK_STATUSES = "status."
"""Catalogue prefix of a task's status (open, doing, done, delayed)."""
TOPIC_STATUSES = "notebook.topic_"
"""Catalogue prefix of a topic's status (pending, running, paused, done, skipped)."""
ITEM_STATUSES_PREFIX = "item_status."
"""Catalogue prefix of an open item's status (open, overdue, resolved, dropped)."""
MEETING_STATUSES = "notebook.meeting_"
"""Catalogue prefix of a meeting's status (planned, closed)."""


def _shown_value(key: str, value: Any, statuses: str) -> Any:
    """A stored value as a person reads it: a status code in words, ISO text as a date.

    Records keep the stable codes (``done``, ``2026-09-10``); only what is
    shown is translated, each table with its own kind of status, so a topic's
    ``done`` and a task's ``done`` each read as they should.
    """
    if key == "status" and isinstance(value, str) and f"{statuses}{value}" in catalogue("en"):
        return t(f"{statuses}{value}")
    if isinstance(value, str) and key in _DATE_KEYS | _INSTANT_KEYS:
        try:
            parsed = pendulum.parse(value, exact=True)
        except (ValueError, pendulum.parsing.exceptions.ParserError):
            return value
        if isinstance(parsed, DateTime):
            return format_datetime(parsed)
        if isinstance(parsed, Date):
            return format_date(parsed)
    return value


def plain(value: Any) -> Any:
    """A value as a record keeps it: JSON-ready, dates and times as ISO 8601 text."""
    if isinstance(value, DateTime | Date):
        return value.isoformat()
    return value


# -- tables and charts -----------------------------------------------------------


@dataclass(frozen=True)
class Table:
    """Rows to look at (HTML in a notebook) or to hand to pandas (:meth:`to_records`)."""

    columns: tuple[tuple[str, str], ...]
    records: tuple[Mapping[str, Any], ...]
    caption: str = ""
    statuses: str = TASK_STATUSES
    """What the ``status`` column holds (a catalogue prefix: tasks, topics or meetings)."""

    def to_records(self) -> list[dict[str, Any]]:
        """Plain dicts, one per row: ``pandas.DataFrame(table.to_records())``.

        Values are JSON-ready (``json.dumps`` takes them): text, numbers,
        None, and dates as ISO 8601 text; statuses as their stable codes.
        """
        return [{key: plain(value) for key, value in record.items()} for record in self.records]

    def __len__(self) -> int:
        return len(self.records)

    def __iter__(self) -> Iterator[Mapping[str, Any]]:
        return iter(self.records)

    def __getitem__(self, index: int) -> Mapping[str, Any]:
        return self.records[index]

    def _shown(self) -> list[dict[str, Any]]:
        # States and dates read in the reader's language; the records keep the stored values.
        return [
            {key: _shown_value(key, value, self.statuses) for key, value in r.items()}
            for r in self.records
        ]

    def _repr_html_(self) -> str:
        return table_html(self.columns, self._shown(), self.caption)

    def __repr__(self) -> str:
        text = table_text(self.columns, self._shown())
        return f"{self.caption}\n{text}" if self.caption else text


@dataclass(frozen=True)
class SearchResults(Table):
    """What ``nb.search()`` found: the words searched for are marked."""

    terms: tuple[str, ...] = ()

    def _repr_html_(self) -> str:
        marked = {key: partial(marked_html, terms=self.terms) for key in ("text", "people")}
        return table_html(self.columns, self._shown(), self.caption, marked)


@dataclass(frozen=True)
class SpeakingTime:
    """Seconds spoken, per person and topic; charts per person and per department."""

    lines: tuple[Mapping[str, Any], ...]
    departments: tuple[str, ...] = ()
    """Departments of the people present: shown at 0 if they never spoke."""
    people: tuple[str, ...] = ()
    """People present: shown at 0 if they never spoke, like their departments."""

    def by_person(self) -> Totals:
        """Seconds per person (a mapping), shown as bars with durations and shares."""
        totals = dict.fromkeys(self.people, 0.0)
        for line in self.lines:
            totals[line["person"]] = totals.get(line["person"], 0.0) + line["seconds"]
        return Totals(totals, "person", t("notebook.speaking_by_person"))

    def by_department(self) -> Totals:
        """Seconds per department, summed as the room and the minutes sum them (a
        mapping), shown as bars with durations and shares."""
        totals = department_totals(
            ((line["person"], line["department"], line["seconds"]) for line in self.lines),
            self.departments,
        )
        return Totals(totals, "department", t("notebook.speaking_by_department"), "#8250df")

    def to_records(self) -> list[dict[str, Any]]:
        """One record per person and topic that was spoken in (JSON-ready)."""
        return [{key: plain(value) for key, value in line.items()} for line in self.lines]

    def _repr_html_(self) -> str:
        return self.by_person()._repr_html_() + self.by_department()._repr_html_()

    def __repr__(self) -> str:
        return f"{self.by_person()!r}\n\n{self.by_department()!r}"


@dataclass(frozen=True, eq=False)
class Totals(Mapping[str, float]):
    """Seconds spoken per person or department: a mapping (``totals["R&D"]``), shown
    as bars with each one's time and share, and records for pandas."""

    seconds: Mapping[str, float]
    key: str
    """What the names are: ``person`` or ``department`` (the records' first column)."""
    title: str = ""
    colour: str = "#0969da"

    def __getitem__(self, name: str) -> float:
        return self.seconds[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self.seconds)

    def __len__(self) -> int:
        return len(self.seconds)

    def to_records(self) -> list[dict[str, Any]]:
        """One record per name, most spoken first: seconds, minutes and share (0-1)."""
        spoken = sum(self.seconds.values())
        return [
            {
                self.key: name,
                "seconds": round(seconds, 1),
                "minutes": round(seconds / 60, 1),
                "share": round(seconds / spoken, 3) if spoken else 0.0,
            }
            for name, seconds in sorted(self.seconds.items(), key=lambda item: -item[1])
        ]

    def _repr_html_(self) -> str:
        return bars_html(self.title, self.seconds, colour=self.colour)

    def __repr__(self) -> str:
        return f"{self.title}\n{bars_text(self.seconds)}"


# -- the notice hook -----------------------------------------------------------------


@dataclass(frozen=True)
class Notice:
    """A meeting notice to show in a cell; ``text`` is the Markdown that is sent."""

    text: str
    html: str

    def _repr_html_(self) -> str:
        return self.html

    def _repr_markdown_(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return self.text


def planned_topics(agenda: Agenda) -> Table:
    """The agenda's topics with owner and planned minutes."""
    records = tuple(
        {
            "position": index,
            "title": topic.title,
            "owner": topic.owner,
            "planned_minutes": topic.minutes,
        }
        for index, topic in enumerate(agenda.topics, start=1)
    )
    return Table(tuple(agenda_columns()[:4]), records, t("room.agenda"))


def agenda_text(agenda: Agenda) -> str:
    """Title, time and topics as plain text."""
    return f"{agenda.title}\n{format_span(agenda.start, agenda.end)}\n{planned_topics(agenda)!r}"


def notice_for(agenda: Agenda) -> Notice:
    """The meeting notice of ``agenda``, in the meeting's language.

    The text is ``facilitator.export.notice``'s Markdown (what is sent); the
    HTML is that Markdown rendered with raw HTML switched off, so people's
    text stays text.
    """
    from markdown_it import MarkdownIt

    from facilitator.export.notice import render_notice

    text = render_notice(agenda)
    parser = MarkdownIt("commonmark", {"html": False}).enable("table")
    tokens = parser.parse(text)
    for token in tokens:
        # Jupyter's own style right-aligns table cells: the notice reads left to right.
        if token.type in ("th_open", "td_open"):
            token.attrSet("style", "text-align:left;vertical-align:top")
    html = parser.renderer.render(tokens, parser.options, {})
    return Notice(text, f'<div style="max-width:60em;text-align:left">{html}</div>')


@dataclass(frozen=True)
class LiveView:
    """A meeting as the room's screen shows it, at one instant."""

    state: MeetingState
    now: DateTime
    gone: str | None = None
    """Why nothing more will come: the archive followed was deleted or replaced."""

    def _repr_html_(self) -> str:
        if self.gone is None:
            return live_html(self.state, self.now)
        from html import escape

        warning = f"<p style='color:#b00020;font-weight:bold'>⚠ {escape(self.gone)}</p>"
        return warning + live_html(self.state, self.now)

    def __repr__(self) -> str:
        text = live_text(self.state, self.now)
        return text if self.gone is None else f"⚠ {self.gone}\n{text}"


@dataclass(frozen=True)
class RoomLaunch:
    """How the room was opened in a terminal, or the command to open it."""

    command: tuple[str, ...]
    tmux_target: str | None = None
    inside_tmux: bool = False
    """The notebook itself runs inside tmux: the room is a window of the same session."""
    without_tmux: str = "asked"
    """Why there is no tmux window: ``asked`` (tmux=False), ``missing`` or ``failed``."""
    reason: str = ""
    """What tmux said when it ``failed``."""

    @property
    def shell_command(self) -> str:
        return shlex.join(self.command)

    @property
    def next_step(self) -> str:
        """The command that takes the user to the room."""
        if self.tmux_target is None:
            return self.shell_command
        if self.inside_tmux:
            # `tmux attach` refuses to nest inside a session; switching windows works.
            return f"tmux select-window -t {shlex.quote(self.tmux_target)}"
        return f"tmux attach -t {shlex.quote(self.tmux_target.split(':')[0])}"

    def _message(self) -> str:
        if self.tmux_target:
            key = "notebook.room_in_this_tmux" if self.inside_tmux else "notebook.room_in_tmux"
            return t(key, target=self.tmux_target)
        if self.without_tmux == "missing":
            return t("notebook.room_no_tmux")
        if self.without_tmux == "failed":
            return t("notebook.room_tmux_failed", reason=self.reason)
        return t("notebook.room_command")

    def _repr_html_(self) -> str:
        return f"<div>{esc(self._message())}</div><pre>{esc(self.next_step)}</pre>"

    def __repr__(self) -> str:
        return f"{self._message()}\n{self.next_step}"


class _PrintHandle:
    """Outside IPython: print each update instead of replacing it in place."""

    def update(self, value: object) -> None:
        print(repr(value))


def show_in_notebook(value: object, display_id: bool = False) -> Any:
    """Show ``value`` in the notebook (updatable, with ``display_id``), or print it
    outside IPython."""
    try:
        from IPython.display import display
    except ImportError:
        print(repr(value))
        return _PrintHandle()
    return display(value, display_id=display_id)
