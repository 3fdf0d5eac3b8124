"""The agenda: who meets, when, about what.

The values a meeting is run on. Reading and checking an agenda file is
``facilitator.planning.agenda_file``; here are only the values and their
round trip through plain data (the journal keeps the agenda as JSON).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from pendulum import DateTime

from facilitator.core.clock import instant as parse_instant
from facilitator.core.workdays import WorkCalendar, work_calendar
from facilitator.core.zones import zone as resolve_zone
from facilitator.meeting.phase import DEFAULT_WARN_MINUTES, WarnAt

MEETING_KINDS = ("kickoff", "decision", "resources", "sync")
ROLES = ("host", "recorder", "attendee")
DEFAULT_BALANCE_THRESHOLD = 0.5
MAX_TOPIC_MINUTES = 24 * 60
"""A longer topic is a typo; its countdown would overflow the calendar."""
ALERT_MODES = ("bell", "flash", "off")
"""At a threshold the room rings the bell and flashes the clock, only flashes
(a silent room), or neither."""
MAX_SPEAKER_MINUTES = 60
"""A longer limit per turn is a typo."""
FIRST_YEAR, LAST_YEAR = 1900, 9000
"""Meetings outside these years are typos (and overflow zone arithmetic)."""


@dataclass(frozen=True)
class Person:
    """A participant, always from one department."""

    name: str
    department: str
    role: str = "attendee"
    email: str = ""
    title: str = ""
    """The person's position (经理, 组长, Head of Sales), shown beside the department."""


@dataclass(frozen=True)
class Topic:
    """One agenda item. ``id`` is stable across reorders (``t1``, ``t2`` ...)."""

    id: str
    title: str
    owner: str
    minutes: int
    carries: str = ""
    """What an earlier meeting handed on (``item 3``, ``task 7``), written by
    ``facilitator new --from``; "" for a topic of the meeting's own."""


@dataclass(frozen=True)
class Agenda:
    """A planned meeting, as written in the agenda file."""

    title: str
    start: DateTime
    end: DateTime
    people: tuple[Person, ...]
    topics: tuple[Topic, ...]
    goal: str = ""
    kind: str = "sync"
    place: str = ""
    online: str = ""
    rsvp_by: DateTime | None = None
    materials: tuple[str, ...] = ()
    language: str = "en"
    balance_threshold: float = DEFAULT_BALANCE_THRESHOLD
    rules: tuple[str, ...] = ()
    holidays: str | None = None
    """The working-day calendar: a country code (``CN``), ``none`` for weekends
    only, or None to follow the meeting's time zone (``Asia/Shanghai`` is CN)."""
    uid: str = ""
    """The invitation's calendar UID, written by ``facilitator new`` (optional): it
    outlives a new start or title, so a corrected notice updates the same entry."""
    speaker_minutes: float = 0
    """The time a speaker's turn may take (0: no limit); ``/limit N`` changes it."""
    warn_minutes: float = DEFAULT_WARN_MINUTES
    """A topic warns this many minutes before its time is up..."""
    warn_share: float = 0
    """...or, when set (0.7), once this share of its time is used."""
    alerts: str = "bell"
    """How thresholds are signalled: one of :data:`ALERT_MODES`."""

    @property
    def warning(self) -> WarnAt:
        """When a topic's countdown turns to a warning (see :mod:`facilitator.meeting.phase`)."""
        return WarnAt(self.warn_minutes, self.warn_share)

    series: str = ""
    """The recurring meeting this one belongs to (``Weekly ops sync``); "" means the
    title names it. Open items and unfinished tasks carry over within a series."""

    @property
    def series_name(self) -> str:
        """The series this meeting belongs to: ``series``, else its title."""
        return self.series or self.title

    @property
    def key(self) -> str:
        """Identifies the meeting in the archive: its start and its title."""
        slug = re.sub(r"[^\w]+", "-", self.title.lower(), flags=re.UNICODE).strip("-")
        return f"{self.start.in_timezone('UTC').format('YYYYMMDDTHHmm')}Z-{slug or 'meeting'}"

    @property
    def timezone(self) -> str:
        return self.start.timezone_name or "UTC"

    def calendar(self) -> WorkCalendar:
        """The working days this meeting counts with (see :attr:`holidays`)."""
        return work_calendar(self.holidays, self.timezone)

    def person(self, name: str) -> Person | None:
        return next((p for p in self.people if p.name == name), None)

    def topic(self, topic_id: str) -> Topic | None:
        return next((topic for topic in self.topics if topic.id == topic_id), None)

    @property
    def departments(self) -> tuple[str, ...]:
        """Departments in order of first appearance among the people."""
        return tuple(dict.fromkeys(p.department for p in self.people))

    def with_role(self, role: str) -> tuple[Person, ...]:
        return tuple(p for p in self.people if p.role == role)

    @property
    def planned_minutes(self) -> int:
        return sum(topic.minutes for topic in self.topics)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form, the one kept in the journal."""
        return {
            "title": self.title,
            "goal": self.goal,
            "kind": self.kind,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "timezone": self.timezone,
            "place": self.place,
            "online": self.online,
            "rsvp_by": self.rsvp_by.isoformat() if self.rsvp_by else None,
            "materials": list(self.materials),
            "language": self.language,
            "holidays": self.holidays,
            "balance_threshold": self.balance_threshold,
            "rules": list(self.rules),
            "uid": self.uid,
            "speaker_minutes": self.speaker_minutes,
            "warn_minutes": self.warn_minutes,
            "warn_share": self.warn_share,
            "alerts": self.alerts,
            "series": self.series,
            "people": [vars(p).copy() for p in self.people],
            "topics": [vars(topic).copy() for topic in self.topics],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Agenda:
        zone = resolve_zone(data.get("timezone") or "UTC")

        def instant(value: str | None) -> DateTime | None:
            return parse_instant(value).in_timezone(zone) if value else None

        start, end = instant(data["start"]), instant(data["end"])
        if start is None or end is None:
            raise ValueError("an agenda has a start and an end")

        return cls(
            title=data["title"],
            goal=data.get("goal", ""),
            kind=data.get("kind", "sync"),
            start=start,
            end=end,
            place=data.get("place", ""),
            online=data.get("online", ""),
            rsvp_by=instant(data.get("rsvp_by")),
            materials=tuple(data.get("materials", ())),
            language=data.get("language", "en"),
            holidays=data.get("holidays"),
            balance_threshold=data.get("balance_threshold", DEFAULT_BALANCE_THRESHOLD),
            rules=tuple(data.get("rules", ())),
            uid=data.get("uid", ""),
            speaker_minutes=data.get("speaker_minutes", 0),
            warn_minutes=data.get("warn_minutes", DEFAULT_WARN_MINUTES),
            warn_share=data.get("warn_share", 0),
            alerts=data.get("alerts", "bell"),
            series=data.get("series", ""),
            people=tuple(Person(**p) for p in data["people"]),
            topics=tuple(Topic(**topic) for topic in data["topics"]),
        )
