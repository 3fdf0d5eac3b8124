"""The agenda file: TOML read and validated, every problem reported at once.

The agenda file is a public interface (see README): ``[meeting]``,
``[[people]]`` and ``[[topics]]`` tables. Each problem names the file, the
line where we can find it, and the field.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from pathlib import Path
from typing import Any

import pendulum
from pendulum import DateTime

from facilitator.core.i18n import current_language, t
from facilitator.core.text import clean
from facilitator.core.zones import local_zone, wall_time_exists, zone_of
from facilitator.meeting.agenda import (
    DEFAULT_BALANCE_THRESHOLD,
    FIRST_YEAR,
    LAST_YEAR,
    MAX_TOPIC_MINUTES,
    MEETING_KINDS,
    ROLES,
    Agenda,
    Person,
    Topic,
)
from facilitator.planning.agenda_keys import (
    CARRIES,
    MEETING_KEYS,
    PERSON_KEYS,
    TABLES,
    TOPIC_KEYS,
    holiday_calendar,
    nearest,
    unknown,
)
from facilitator.planning.agenda_problems import (
    WHOLE_FILE,
    AgendaError,
    Problem,
    bad_date_literal,
    toml_error_line,
)
from facilitator.planning.agenda_room import room_settings

_PLACEHOLDER_TIME = pendulum.datetime(2000, 1, 1, tz="UTC")
"""Stands in for a start or end the file gets wrong, in a partial agenda only."""


def load_agenda(path: str | Path) -> Agenda:
    """Read and validate an agenda file; raises :class:`AgendaError`."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise AgendaError(str(path), [Problem(WHOLE_FILE, t("agenda.not_found"))]) from None
    except (OSError, UnicodeDecodeError) as exc:
        problem = Problem(WHOLE_FILE, t("agenda.unreadable", reason=exc))
        raise AgendaError(str(path), [problem]) from None
    return parse_agenda(text, source=str(path))


def parse_agenda(text: str, source: str = "agenda.toml") -> Agenda:
    """Validate agenda TOML text; raises :class:`AgendaError` listing every problem."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = toml_error_line(str(exc))
        problem = bad_date_literal(text, line) or Problem("toml", str(exc), line)
        raise AgendaError(source, [problem]) from None
    return _Validator(text, source).agenda(data)


def field_line(text: str, label: str) -> int | None:
    """The line of a field like ``topics[3].minutes`` or ``meeting.goal`` in an
    agenda's text (its table's header when the key is missing), for messages."""
    match = re.fullmatch(r"(?P<section>\w+)(?:\[(?P<index>\d+)\])?(?:\.(?P<key>\w+))?", label)
    if match is None:
        return None
    index = int(match.group("index")) - 1 if match.group("index") else None
    return _Validator(text, "").locate(match.group("section"), index, match.group("key") or "")


def _naive(value: object) -> dt.datetime | None:
    """A date and time written without an offset (read in the meeting's zone), or None."""
    if isinstance(value, dt.datetime):
        return value if value.tzinfo is None else None
    if isinstance(value, str):
        try:
            parsed = dt.datetime.fromisoformat(value.strip())
        except ValueError:
            return None
        return parsed if parsed.tzinfo is None else None
    return None


class _Validator:
    def __init__(self, text: str, source: str) -> None:
        self.lines = text.splitlines()
        self.source = source
        self.problems: list[Problem] = []

    def unknown_keys(
        self, table: dict, section: str, index: int | None, known: tuple[str, ...]
    ) -> None:
        """Every key the file has that the agenda does not know, with the likely one."""
        for key, meant in unknown(table, known):
            if meant is not None:
                message = t("agenda.unknown_key_meant", key=key, meant=meant)
            else:
                message = t("agenda.unknown_key", key=key, known=", ".join(known))
            self.fail(section, index, key, message)

    def fail(self, section: str, index: int | None, key: str, message: str) -> None:
        label = section if index is None else f"{section}[{index + 1}]"
        label = f"{label}.{key}" if key else label
        self.problems.append(Problem(label, message, self.locate(section, index, key)))

    def locate(self, section: str, index: int | None, key: str) -> int | None:
        """Best-effort line of ``key`` in the ``index``-th ``[section]`` table."""
        header = re.compile(rf"^\s*\[\[?\s*{re.escape(section)}\s*\]\]?\s*(#.*)?$")
        any_header = re.compile(r"^\s*\[")
        key_line = re.compile(rf"^\s*{re.escape(key)}\s*=") if key else None
        seen = -1
        inside = False
        header_line = None
        for number, line in enumerate(self.lines, start=1):
            if header.match(line):
                seen += 1
                inside = seen == (index or 0)
                if inside:
                    header_line = number
                continue
            if any_header.match(line):
                inside = False
                continue
            if inside and key_line and key_line.match(line):
                return number
        return header_line

    # -- values -------------------------------------------------------------

    def text(self, table: dict, section: str, index: int | None, key: str, required: bool) -> str:
        value = table.get(key)
        if value is None:
            if required:
                self.fail(section, index, key, t("agenda.missing"))
            return ""
        if not isinstance(value, str):
            self.fail(section, index, key, t("agenda.not_text", value=repr(value)))
            return ""
        # Escape sequences in a name would reach the terminal: keep the text, not them.
        value = clean(value).strip()
        if required and not value:
            self.fail(section, index, key, t("agenda.missing"))
        return value

    def instant(self, table: dict, key: str, zone: str | None, required: bool) -> DateTime | None:
        value = table.get(key)
        if value is None:
            if required:
                self.fail("meeting", None, key, t("agenda.missing_instant"))
            return None
        if isinstance(value, str):
            # A quoted "2026-11-30" must not become midnight: read it exactly, so a
            # date or a time alone is reported like the unquoted TOML literal.
            try:
                exact = pendulum.parse(value, exact=True, strict=True)
            except (ValueError, OverflowError, pendulum.parsing.exceptions.ParserError):
                exact = None
            if isinstance(exact, pendulum.Date | pendulum.Time) and not isinstance(exact, DateTime):
                value = (
                    dt.date(exact.year, exact.month, exact.day)
                    if isinstance(exact, pendulum.Date)
                    else dt.time(exact.hour, exact.minute, exact.second)
                )
        if isinstance(value, dt.date | dt.time) and not isinstance(value, dt.datetime):
            # TOML reads `2026-11-30` as a date and `10:00:00` as a time: say which half is missing.
            offset = "" if zone else "+01:00"
            if isinstance(value, dt.date):
                message = t("agenda.date_without_time", example=f"{value}T10:00:00{offset}")
            else:
                message = t("agenda.time_without_date", example=f"2026-03-02T{value}{offset}")
            self.fail("meeting", None, key, message)
            return None
        local = _naive(value)
        if local is not None and zone and not wall_time_exists(local, zone):
            # The spring-forward hour: the clock never shows it, and libraries
            # would quietly move the meeting an hour.
            self.fail("meeting", None, key, t("agenda.time_in_gap", time=local, zone=zone))
            return None
        result: DateTime | None = None
        try:
            if isinstance(value, dt.datetime):
                if value.tzinfo is None:
                    result = pendulum.instance(value, tz=zone or local_zone())
                else:
                    result = pendulum.instance(value)
                    result = result.in_timezone(zone) if zone else result
            elif isinstance(value, str):
                parsed = pendulum.parse(value, tz=zone or local_zone(), strict=True)
                if isinstance(parsed, DateTime):
                    result = parsed.in_timezone(zone) if zone else parsed
        except (ValueError, OverflowError, pendulum.parsing.exceptions.ParserError):
            result = None
        if result is not None and not FIRST_YEAR <= result.year <= LAST_YEAR:
            # Year 1 or 9999 is a typo, and converting it between zones overflows.
            self.fail("meeting", None, key, t("trust.year_out_of_range", value=repr(value)))
            return None
        if result is None:
            self.fail("meeting", None, key, t("agenda.bad_instant", value=repr(value)))
        return result

    # -- tables -------------------------------------------------------------

    def agenda(self, data: dict[str, Any]) -> Agenda:
        for table, meant in unknown(data, TABLES):
            hint = t("agenda.unknown_key_meant", key=table, meant=meant) if meant else ""
            message = hint or t("agenda.unknown_key", key=table, known=", ".join(TABLES))
            self.fail(table, None, "", message)
        meeting = data.get("meeting")
        if not isinstance(meeting, dict):
            self.fail("meeting", None, "", t("agenda.no_meeting"))
            meeting = {}
        self.unknown_keys(meeting, "meeting", None, MEETING_KEYS)
        zone = meeting.get("timezone")
        if zone is not None:
            try:
                # A name only: pendulum reads a number as seconds east of UTC
                # (timezone = 24 became a zone 24 s ahead, then failed to print).
                if not isinstance(zone, str):
                    raise TypeError(zone)
                pendulum.timezone(zone)
            except Exception:
                self.fail("meeting", None, "timezone", t("agenda.bad_timezone", value=repr(zone)))
                zone = None
        title = self.text(meeting, "meeting", None, "title", required=True)
        goal = self.text(meeting, "meeting", None, "goal", required=False)
        kind = meeting.get("kind", "sync")
        if kind not in MEETING_KINDS:
            self.fail(
                "meeting",
                None,
                "kind",
                t("agenda.bad_choice", value=repr(kind), choices=" | ".join(MEETING_KINDS)),
            )
        start = self.instant(meeting, "start", zone, required=True)
        end = self.instant(meeting, "end", zone, required=True)
        if start and end and end == start:
            self.fail("meeting", None, "end", t("agenda.end_at_start"))
        elif start and end and end < start:
            self.fail("meeting", None, "end", t("agenda.end_before_start"))
        rsvp_by = self.instant(meeting, "rsvp_by", zone, required=False)
        # An agenda without a language is in the language of whoever plans it,
        # and the meeting keeps it (the journal stores it with the agenda).
        language = meeting.get("language", current_language())
        if language not in ("en", "zh"):
            self.fail(
                "meeting",
                None,
                "language",
                t("agenda.bad_choice", value=repr(language), choices="en | zh"),
            )
        threshold = meeting.get("balance_threshold", DEFAULT_BALANCE_THRESHOLD)
        if not isinstance(threshold, int | float) or not 0 < threshold <= 1:
            self.fail("meeting", None, "balance_threshold", t("agenda.bad_threshold"))
            threshold = DEFAULT_BALANCE_THRESHOLD
        holidays = self.holidays(meeting)
        room = room_settings(meeting, lambda key, message: self.fail("meeting", None, key, message))
        materials = self.strings(meeting, "materials")
        rules = self.strings(meeting, "rules")
        people = self.people(data.get("people"))
        topics = self.topics(data.get("topics"), {p.name for p in people})
        place = self.text(meeting, "meeting", None, "place", required=False)
        online = self.text(meeting, "meeting", None, "online", required=False)
        uid = self.text(meeting, "meeting", None, "uid", required=False)
        series = self.text(meeting, "meeting", None, "series", required=False)
        timed = start is not None and end is not None and end > start
        # Placeholders only where the file's own value is unusable (see partial_times).
        begin = start or end or _PLACEHOLDER_TIME
        finish = end if timed and end is not None else begin
        agenda = Agenda(
            title=title,
            goal=goal,
            kind=kind if kind in MEETING_KINDS else "sync",
            start=begin,
            end=finish.in_timezone(zone_of(begin)),
            place=place,
            online=online,
            rsvp_by=rsvp_by,
            materials=materials,
            language=language if language in ("en", "zh") else "en",
            holidays=holidays,
            balance_threshold=float(threshold),
            rules=rules,
            uid=uid,
            speaker_minutes=room.speaker_minutes,
            warn_minutes=room.warn_minutes,
            warn_share=room.warn_share,
            alerts=room.alerts,
            series=series,
            people=people,
            topics=topics,
        )
        if self.problems:
            raise AgendaError(self.source, self.problems, partial=agenda, partial_times=timed)
        return agenda

    def holidays(self, meeting: dict) -> str | None:
        """The working-day calendar the file names (``CN``, ``none``), or None: from the zone."""
        code, problem = holiday_calendar(meeting.get("holidays"))
        if problem:
            self.fail("meeting", None, "holidays", problem)
        return code

    def strings(self, meeting: dict, key: str) -> tuple[str, ...]:
        value = meeting.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.fail("meeting", None, key, t("agenda.not_list"))
            return ()
        return tuple(clean(v).strip() for v in value)

    def is_table(self, entry: Any, section: str, index: int) -> bool:
        """``people = ["Ana"]`` is TOML but not a person: say so instead of failing."""
        if isinstance(entry, dict):
            return True
        self.fail(section, index, "", t("trust.not_a_table", section=section, value=repr(entry)))
        return False

    def people(self, raw: Any) -> tuple[Person, ...]:
        if not isinstance(raw, list) or not raw:
            self.fail("people", None, "", t("agenda.no_people"))
            return ()
        people: list[Person] = []
        seen: set[str] = set()
        for index, entry in enumerate(raw):
            if not self.is_table(entry, "people", index):
                continue
            self.unknown_keys(entry, "people", index, PERSON_KEYS)
            name = self.text(entry, "people", index, "name", required=True)
            department = self.text(entry, "people", index, "department", required=True)
            role = entry.get("role", "attendee")
            if role not in ROLES:
                self.fail(
                    "people",
                    index,
                    "role",
                    t("agenda.bad_choice", value=repr(role), choices=" | ".join(ROLES)),
                )
            if name and name in seen:
                self.fail("people", index, "name", t("agenda.duplicate_person", name=name))
            seen.add(name)
            email = self.text(entry, "people", index, "email", required=False)
            title = self.text(entry, "people", index, "title", required=False)
            if name:
                people.append(Person(name, department, role, email, title))
        return tuple(people)

    def topics(self, raw: Any, names: set[str]) -> tuple[Topic, ...]:
        if not isinstance(raw, list) or not raw:
            self.fail("topics", None, "", t("agenda.no_topics"))
            return ()
        topics: list[Topic] = []
        for index, entry in enumerate(raw):
            if not self.is_table(entry, "topics", index):
                continue
            self.unknown_keys(entry, "topics", index, TOPIC_KEYS)
            title = self.text(entry, "topics", index, "title", required=True)
            owner = self.text(entry, "topics", index, "owner", required=True)
            if owner and owner not in names:
                meant = nearest(owner, names)
                message = t("agenda.unknown_owner", name=owner)
                if meant is not None:
                    message += t("agenda.did_you_mean", name=meant)
                self.fail("topics", index, "owner", message)
            minutes = entry.get("minutes")
            if isinstance(minutes, bool) or not isinstance(minutes, int) or minutes <= 0:
                self.fail("topics", index, "minutes", t("agenda.bad_minutes", value=repr(minutes)))
                minutes = 0
            elif minutes > MAX_TOPIC_MINUTES:
                self.fail(
                    "topics",
                    index,
                    "minutes",
                    t("trust.too_many_minutes", value=minutes, max=MAX_TOPIC_MINUTES),
                )
                minutes = 0
            carries = self.text(entry, "topics", index, "carries", required=False)
            if carries and not CARRIES.fullmatch(carries):
                self.fail("topics", index, "carries", t("agenda.bad_carries", value=repr(carries)))
                carries = ""
            topics.append(Topic(f"t{index + 1}", title, owner, minutes, carries))
        return tuple(topics)
