"""Agendas planned in a notebook: read from a file or built in code, then checked.

An agenda built from Python values is written out as agenda-file TOML and
read back through the same validator as a file, so both are checked by one
set of rules and the result can be saved for ``facilitator run``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from pendulum import DateTime

from facilitator.app.files import write_file
from facilitator.core.clock import SystemClock
from facilitator.core.i18n import t
from facilitator.meeting.agenda import Agenda
from facilitator.notebook.cells import Notice, Table, agenda_text, notice_for, planned_topics
from facilitator.notebook.display import agenda_columns, agenda_header_html, people_html
from facilitator.planning.agenda_file import AgendaError, Problem, load_agenda, parse_agenda
from facilitator.planning.warnings import plan_warnings

MEETING_FIELDS = (
    "goal",
    "kind",
    "place",
    "online",
    "rsvp_by",
    "materials",
    "timezone",
    "language",
    "balance_threshold",
    "rules",
)
"""The ``[meeting]`` fields :func:`agenda_toml` takes as keywords, besides title, start, end."""
_PERSON_FIELDS = ("name", "department", "role", "email")
_TOPIC_FIELDS = ("title", "owner", "minutes")
_DATE_ONLY = re.compile(r"^\s*\d{4}-\d{1,2}-\d{1,2}\s*$")


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


def _fields(value: Any, names: tuple[str, ...], argument: str, index: int) -> Mapping[str, Any]:
    """A person or topic given in code as a dict, a tuple, or an object with those attributes.

    A string is refused: ``people=["Ana"]`` would otherwise be read letter by
    letter (name "A", department "n") and give nonsense errors.
    """
    if isinstance(value, Mapping):
        return value
    if isinstance(value, list | tuple) and not isinstance(value, str):
        if len(value) <= len(names) and not any(isinstance(v, Mapping) for v in value):
            return dict(zip(names, value, strict=False))
    elif not isinstance(value, str | bytes) and hasattr(value, names[0]):
        # Person-like or Topic-like: facilitator.meeting.agenda.Person, a namedtuple, a dataclass...
        return {name: getattr(value, name) for name in names if hasattr(value, name)}
    example = "notebook.person_example" if argument == "people" else "notebook.topic_example"
    raise TypeError(
        t(
            "notebook.not_an_item",
            argument=argument,
            index=index,
            value=repr(value),
            example=t(example),
        )
    )


def _zone_name(value: Any) -> str | None:
    """The IANA name of a datetime's zone (``Asia/Shanghai``), if it has one.

    Written out as TOML, a datetime keeps only its offset (``+08:00``); the
    name is what lets the notice, the invitation and the room follow summer time.
    """
    if not isinstance(value, datetime) or value.tzinfo is None:
        return None
    name = getattr(value.tzinfo, "key", None) or getattr(value.tzinfo, "name", None)
    if isinstance(name, str) and ("/" in name or name == "UTC"):
        return name
    return None


def time_problems(**instants: Any) -> list[Problem]:
    """A day without a time of day is refused: read as midnight, a meeting would last 11 hours."""
    problems = []
    for key, value in instants.items():
        day_only = (isinstance(value, date) and not isinstance(value, datetime)) or (
            isinstance(value, str) and _DATE_ONLY.match(value)
        )
        if day_only:
            problems.append(Problem(f"meeting.{key}", t("notebook.needs_time", value=str(value))))
    return problems


def agenda_toml(
    title: str,
    start: datetime | str,
    end: datetime | str,
    people: Iterable[Mapping[str, Any] | Sequence[str]],
    topics: Iterable[Mapping[str, Any] | Sequence[Any]],
    **meeting: Any,
) -> str:
    """An agenda file's text from Python values (people and topics as dicts or tuples).

    Raises :class:`TypeError` for a keyword that is not a ``[meeting]`` field
    (a typo would otherwise be dropped without a word) and for a person or
    topic given as a string.
    """
    unknown = sorted(set(meeting) - set(MEETING_FIELDS))
    if unknown:
        raise TypeError(
            t(
                "notebook.unknown_arguments",
                names=", ".join(unknown),
                known=", ".join(MEETING_FIELDS),
            )
        )
    if isinstance(people, str | bytes) or isinstance(topics, str | bytes):
        argument = "people" if isinstance(people, str | bytes) else "topics"
        value = people if argument == "people" else topics
        raise TypeError(t("notebook.not_a_list", argument=argument, value=repr(value)))

    def instant(value: datetime | str) -> Any:
        # Strings are quoted so the agenda validator reports a bad one with its value.
        return value if isinstance(value, datetime) else str(value)

    head = {"title": title, "start": instant(start), "end": instant(end)}
    if meeting.get("rsvp_by") is not None:
        meeting["rsvp_by"] = instant(meeting["rsvp_by"])
    if meeting.get("timezone") is None and _zone_name(start):
        meeting["timezone"] = _zone_name(start)
    parts = [_toml_table("[meeting]", {**head, **meeting})]
    parts += [
        _toml_table("[[people]]", _fields(p, _PERSON_FIELDS, "people", i))
        for i, p in enumerate(people)
    ]
    parts += [
        _toml_table("[[topics]]", _fields(x, _TOPIC_FIELDS, "topics", i))
        for i, x in enumerate(topics)
    ]
    return "\n\n".join(parts) + "\n"


def _argument(field: str) -> str:
    """Where a problem of an agenda built in code is: the argument, not a TOML line.

    ``meeting.start`` -> ``start``; ``people[2].name`` -> ``people, item 2``.
    """
    match = re.match(r"^(people|topics)(?:\[(\d+)\])?", field)
    if match and match.group(2):
        return t("notebook.argument_item", argument=match.group(1), number=match.group(2))
    if match:
        return match.group(1)
    return field.removeprefix("meeting.") or "title"


@dataclass(frozen=True)
class AgendaPlan:
    """An agenda read from a file or built in code, with what is wrong with it."""

    source: str
    text: str
    agenda: Agenda | None
    problems: tuple[Problem, ...] = ()
    now: DateTime | None = None
    """When it is checked: a notice sent then may be too late."""
    in_code: bool = False
    """Built with :meth:`from_code`: problems name the argument, not a line of hidden TOML."""

    @classmethod
    def from_code(
        cls,
        title: str,
        start: datetime | str,
        end: datetime | str,
        people: Iterable[Mapping[str, Any] | Sequence[str]],
        topics: Iterable[Mapping[str, Any] | Sequence[Any]],
        now: DateTime | None = None,
        **meeting: Any,
    ) -> AgendaPlan:
        """An agenda from Python values, checked by the agenda file's rules.

        See :func:`agenda_toml` for the values it takes and what it refuses.
        """
        text = agenda_toml(title, start, end, people, topics, **meeting)
        days = time_problems(start=start, end=end, rsvp_by=meeting.get("rsvp_by"))
        plan = cls.from_text(text, "<notebook>", now)
        if days:
            # Not a meeting to run: the day alone reads as midnight.
            wrong = {p.field for p in days}
            rest = tuple(p for p in plan.problems if p.field not in wrong)
            plan = cls(plan.source, text, None, (*days, *rest), now)
        return replace(plan, in_code=True)

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
                "where": self._where(p),
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
                    "where": "" if self.in_code else self.source,
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

    def _where(self, problem: Problem) -> str:
        if self.in_code:
            return _argument(problem.field)
        return f"{self.source}:{problem.line}" if problem.line else self.source

    def require(self) -> Agenda:
        """The agenda, or :class:`AgendaError` listing every problem."""
        if self.agenda is None:
            raise AgendaError(self.source, list(self.problems))
        return self.agenda

    def save(self, path: str | Path) -> Path:
        """Write the agenda file (for ``facilitator run``)."""
        path = Path(path)
        write_file(path, self.text.encode("utf-8"))
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
