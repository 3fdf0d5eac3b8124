"""Agendas planned in a notebook: read from a file or built in code, then checked.

An agenda built from Python values is written out as agenda-file TOML and
read back through the same validator as a file, so both are checked by one
set of rules and the result can be saved for ``facilitator run``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from pendulum import DateTime

from facilitator.agenda import Agenda, AgendaError, Problem, load_agenda, parse_agenda
from facilitator.cells import Notice, Table, agenda_text, notice_for, planned_topics
from facilitator.clock import SystemClock
from facilitator.display import agenda_columns, agenda_header_html, people_html
from facilitator.i18n import t
from facilitator.planning import plan_warnings


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    # A JSON string is a valid TOML basic string (same escapes), CJK kept as is.
    return json.dumps(str(value), ensure_ascii=False)


def _toml_table(header: str, fields: Mapping[str, Any]) -> str:
    lines = [header]
    lines += [f"{key} = {_toml_value(value)}" for key, value in fields.items() if value is not None]
    return "\n".join(lines)


def agenda_toml(
    title: str,
    start: datetime | str,
    end: datetime | str,
    people: Iterable[Mapping[str, Any] | Sequence[str]],
    topics: Iterable[Mapping[str, Any] | Sequence[Any]],
    **meeting: Any,
) -> str:
    """An agenda file's text from Python values (people and topics as dicts or tuples)."""

    def person(value: Mapping[str, Any] | Sequence[str]) -> Mapping[str, Any]:
        if isinstance(value, Mapping):
            return value
        return dict(zip(("name", "department", "role", "email"), value, strict=False))

    def topic(value: Mapping[str, Any] | Sequence[Any]) -> Mapping[str, Any]:
        if isinstance(value, Mapping):
            return value
        return dict(zip(("title", "owner", "minutes"), value, strict=False))

    def instant(value: datetime | str) -> Any:
        # Strings are quoted so the agenda validator reports a bad one with its value.
        return value if isinstance(value, datetime) else str(value)

    head = {"title": title, "start": instant(start), "end": instant(end)}
    if meeting.get("rsvp_by") is not None:
        meeting["rsvp_by"] = instant(meeting["rsvp_by"])
    parts = [_toml_table("[meeting]", {**head, **meeting})]
    parts += [_toml_table("[[people]]", person(p)) for p in people]
    parts += [_toml_table("[[topics]]", topic(x)) for x in topics]
    return "\n\n".join(parts) + "\n"


@dataclass(frozen=True)
class AgendaPlan:
    """An agenda read from a file or built in code, with what is wrong with it."""

    source: str
    text: str
    agenda: Agenda | None
    problems: tuple[Problem, ...] = ()
    now: DateTime | None = None
    """When it is checked: a notice sent then may be too late."""

    @classmethod
    def from_text(
        cls, text: str, source: str = "<notebook>", now: DateTime | None = None
    ) -> AgendaPlan:
        try:
            return cls(source, text, parse_agenda(text, source=source), now=now)
        except AgendaError as error:
            return cls(source, text, None, tuple(error.problems), now)

    @classmethod
    def from_file(cls, path: str | Path, now: DateTime | None = None) -> AgendaPlan:
        try:
            agenda = load_agenda(path)
        except AgendaError as error:
            # Kept for the reader to look at; undecodable bytes are shown, not fatal.
            text = (
                Path(path).read_text(encoding="utf-8", errors="replace")
                if Path(path).is_file()
                else ""
            )
            return cls(str(path), text, None, tuple(error.problems), now)
        return cls(str(path), Path(path).read_text(encoding="utf-8"), agenda, now=now)

    @property
    def ok(self) -> bool:
        return self.agenda is not None

    def check(self) -> Table:
        """Every problem (the meeting can't run) and warning (it can, but look again)."""
        rows: list[dict[str, Any]] = [
            {
                "level": t("notebook.problem"),
                "where": f"{self.source}:{p.line}" if p.line else self.source,
                "field": p.field,
                "message": p.message,
            }
            for p in self.problems
        ]
        if self.agenda is not None:
            # The same verdicts as `facilitator check`: one set of rules.
            now = self.now or SystemClock().now()
            rows += [
                {
                    "level": t("notebook.warning"),
                    "where": self.source,
                    "field": "",
                    "message": finding.text(),
                }
                for finding in plan_warnings(self.agenda, now)
            ]
        columns = (
            ("level", ""),
            ("where", t("notebook.where")),
            ("field", t("notebook.field")),
            ("message", t("notebook.message")),
        )
        caption = t("notebook.check_ok") if not rows else t("notebook.check_found", count=len(rows))
        return Table(columns, tuple(rows), caption)

    def require(self) -> Agenda:
        """The agenda, or :class:`AgendaError` listing every problem."""
        if self.agenda is None:
            raise AgendaError(self.source, list(self.problems))
        return self.agenda

    def save(self, path: str | Path) -> Path:
        """Write the agenda file (for ``facilitator run``)."""
        path = Path(path)
        path.write_text(self.text, encoding="utf-8")
        return path

    def topics(self) -> Table:
        """The topics with owner and planned minutes (none while the agenda is broken)."""
        if self.agenda is None:
            return Table(tuple(agenda_columns()[:4]), (), t("room.agenda"))
        return planned_topics(self.agenda)

    def notice(self) -> Notice:
        """The meeting notice (see :func:`notice_for`)."""
        return notice_for(self.require())

    def _repr_html_(self) -> str:
        if self.agenda is None:
            return self.check()._repr_html_()
        return (
            agenda_header_html(self.agenda)
            + people_html(self.agenda)
            + self.topics()._repr_html_()
            + (self.check()._repr_html_())
        )

    def __repr__(self) -> str:
        return repr(self.check()) if self.agenda is None else agenda_text(self.agenda)
