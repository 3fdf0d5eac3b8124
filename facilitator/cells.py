"""What a notebook cell shows: tables, bar charts, the live room, the notice.

Each object shows itself as HTML in Jupyter (``_repr_html_``) and as text in
a console (``__repr__``); tables and charts turn into plain records for
pandas (``.to_records()``). Pure domain: built from values, never from the
archive (``facilitator.notebook`` does the reading).
"""

from __future__ import annotations

import shlex
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import pendulum
from pendulum import Date, DateTime

from facilitator.agenda import Agenda
from facilitator.display import (
    agenda_columns,
    bars_html,
    bars_text,
    esc,
    live_html,
    live_text,
    table_html,
    table_text,
)
from facilitator.i18n import t
from facilitator.state import MeetingState
from facilitator.timefmt import format_date, format_datetime, format_span

_STATUS_KEYS = ("open", "doing", "done", "delayed")
_DATE_KEYS = {"due", "deadline"}
_INSTANT_KEYS = {"start", "closed_at"}


def _shown_value(key: str, value: Any) -> Any:
    """A stored value as a person reads it (ISO text from the archive becomes a date)."""
    if key == "status" and value in _STATUS_KEYS:
        return t(f"status.{value}")
    if key == "status" and value in ("planned", "closed"):
        return t(f"notebook.meeting_{value}")
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


# -- tables and charts -----------------------------------------------------------


@dataclass(frozen=True)
class Table:
    """Rows to look at (HTML in a notebook) or to hand to pandas (:meth:`to_records`)."""

    columns: tuple[tuple[str, str], ...]
    records: tuple[Mapping[str, Any], ...]
    caption: str = ""

    def to_records(self) -> list[dict[str, Any]]:
        """Plain dicts, one per row: ``pandas.DataFrame(table.to_records())``."""
        return [dict(record) for record in self.records]

    def __len__(self) -> int:
        return len(self.records)

    def __iter__(self) -> Iterator[Mapping[str, Any]]:
        return iter(self.records)

    def __getitem__(self, index: int) -> Mapping[str, Any]:
        return self.records[index]

    def _shown(self) -> list[dict[str, Any]]:
        # States and dates read in the reader's language; the records keep the stored values.
        return [{key: _shown_value(key, value) for key, value in r.items()} for r in self.records]

    def _repr_html_(self) -> str:
        return table_html(self.columns, self._shown(), self.caption)

    def __repr__(self) -> str:
        text = table_text(self.columns, self._shown())
        return f"{self.caption}\n{text}" if self.caption else text


@dataclass(frozen=True)
class SpeakingTime:
    """Seconds spoken, per person and topic; charts per person and per department."""

    lines: tuple[Mapping[str, Any], ...]
    departments: tuple[str, ...] = ()

    def by_person(self) -> dict[str, float]:
        totals: dict[str, float] = {}
        for line in self.lines:
            totals[line["person"]] = totals.get(line["person"], 0.0) + line["seconds"]
        return totals

    def by_department(self) -> dict[str, float]:
        totals = dict.fromkeys(self.departments, 0.0)
        for line in self.lines:
            name = line["department"] or line["person"]
            totals[name] = totals.get(name, 0.0) + line["seconds"]
        return totals

    def to_records(self) -> list[dict[str, Any]]:
        return [dict(line) for line in self.lines]

    def _repr_html_(self) -> str:
        return bars_html(t("notebook.speaking_by_person"), self.by_person()) + bars_html(
            t("notebook.speaking_by_department"), self.by_department(), colour="#8250df"
        )

    def __repr__(self) -> str:
        return (
            f"{t('notebook.speaking_by_person')}\n{bars_text(self.by_person())}\n\n"
            f"{t('notebook.speaking_by_department')}\n{bars_text(self.by_department())}"
        )


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
    html = MarkdownIt("commonmark", {"html": False}).enable("table").render(text)
    return Notice(text, f'<div style="max-width:60em">{html}</div>')


@dataclass(frozen=True)
class LiveView:
    """A meeting as the room's screen shows it, at one instant."""

    state: MeetingState
    now: DateTime

    def _repr_html_(self) -> str:
        return live_html(self.state, self.now)

    def __repr__(self) -> str:
        return live_text(self.state, self.now)


@dataclass(frozen=True)
class RoomLaunch:
    """How the room was opened in a terminal, or the command to open it."""

    command: tuple[str, ...]
    tmux_target: str | None = None

    @property
    def shell_command(self) -> str:
        return shlex.join(self.command)

    def _message(self) -> str:
        if self.tmux_target:
            return t("notebook.room_in_tmux", target=self.tmux_target)
        return t("notebook.room_command")

    def _repr_html_(self) -> str:
        attach = (
            f"<pre>tmux attach -t {esc(shlex.quote(self.tmux_target.split(':')[0]))}</pre>"
            if self.tmux_target
            else f"<pre>{esc(self.shell_command)}</pre>"
        )
        return f"<div>{esc(self._message())}</div>{attach}"

    def __repr__(self) -> str:
        if self.tmux_target:
            return f"{self._message()}\ntmux attach -t {self.tmux_target.split(':')[0]}"
        return f"{self._message()}\n{self.shell_command}"
