"""The minutes: what a closed meeting leaves behind, built from its state.

Everything the archive tables and the exports show comes from
:class:`Minutes`, so the SQLite rows, the Markdown and the screen agree.
"""

from __future__ import annotations

from dataclasses import dataclass

from pendulum import Date, DateTime

from facilitator.core.pinyin import name_sort_key
from facilitator.core.zones import zone_of
from facilitator.meeting.agenda import Agenda
from facilitator.meeting.balance import department_totals, departments_in_room
from facilitator.meeting.events import Side
from facilitator.meeting.state import MeetingState


@dataclass(frozen=True)
class AttendanceLine:
    name: str
    department: str
    role: str
    status: str  # present | late | absent
    briefer: str = ""


@dataclass(frozen=True)
class Dispute:
    text: str
    sides: tuple[Side, ...]


@dataclass(frozen=True)
class OpenItem:
    text: str
    owner: str
    deadline: Date | None
    topic: str | None
    department: str = ""
    """The owner's department, or the owner as typed when outside the room."""
    status: str = "open"
    """open | overdue | resolved | dropped, as followed up (``facilitator item``)."""
    id: int | None = None
    """The archive's item id (``facilitator item ID``); None until the close stores it."""


@dataclass(frozen=True)
class TaskLine:
    title: str
    owner: str
    department: str
    due: Date | None
    topic: str | None
    status: str = "open"
    id: int | None = None
    """The archive's task id (``facilitator task ID``); None until the close stores it."""


@dataclass(frozen=True)
class TopicMinutes:
    id: str
    position: int
    title: str
    owner: str
    planned_minutes: int
    extra_minutes: int
    actual_seconds: float
    status: str  # done | skipped | pending (not reached)
    started_at: DateTime | None
    ended_at: DateTime | None
    points: tuple[str, ...]
    decisions: tuple[str, ...]
    disputes: tuple[Dispute, ...]
    point_speakers: tuple[str, ...] = ()
    """Who said each of ``points`` (same order; "" for nobody), when anyone did."""
    progress: tuple[str, ...] = ()
    """The topic owner's report (当前进展, 风险点, 建议), as typed with
    ``progress:``, ``risk:`` and ``proposal:``."""
    risks: tuple[str, ...] = ()
    proposals: tuple[str, ...] = ()

    def said(self) -> tuple[tuple[str, str], ...]:
        """(speaker, point) for every point, in order; the speaker "" for nobody."""
        speakers = self.point_speakers or ("",) * len(self.points)
        return tuple(zip(speakers, self.points, strict=True))

    @property
    def is_left(self) -> bool:
        """Not reached or skipped: the topic is still to be discussed."""
        return self.status in ("pending", "skipped")


@dataclass(frozen=True)
class Confirmation:
    """A participant's word on the minutes after reading them: confirmed, or an objection."""

    name: str
    verdict: str  # confirmed | objected
    at: DateTime
    note: str = ""


@dataclass(frozen=True)
class SpeakingLine:
    person: str
    department: str
    topic: str | None
    seconds: float


@dataclass(frozen=True)
class Minutes:
    """A meeting's record, ready to store or render."""

    agenda: Agenda
    opened_at: DateTime | None
    closed_at: DateTime | None
    attendance: tuple[AttendanceLine, ...]
    topics: tuple[TopicMinutes, ...]
    general: TopicMinutes  # entries captured before any topic started
    open_items: tuple[OpenItem, ...]
    tasks: tuple[TaskLine, ...]
    speaking: tuple[SpeakingLine, ...]
    confirmations: tuple[Confirmation, ...] | None = None
    """Each participant's latest confirmation or objection, once read from the
    archive; None where nobody asked (the room at the close): not "nobody"."""

    @property
    def topics_left(self) -> tuple[TopicMinutes, ...]:
        """Topics not reached or skipped, in agenda order: what the next meeting inherits."""
        return tuple(topic for topic in self.topics if topic.is_left)

    def held(self) -> tuple[DateTime, DateTime] | None:
        """When the meeting really ran (opened to closed, in its own zone), if that
        differs from the planned start and end by a minute or more; else None."""
        if self.opened_at is None or self.closed_at is None:
            return None
        zone = zone_of(self.agenda.start)
        opened = self.opened_at.in_timezone(zone)
        closed = self.closed_at.in_timezone(zone)

        def minute(value: DateTime) -> str:
            return value.format("YYYY-MM-DD HH:mm")

        planned = (minute(self.agenda.start), minute(self.agenda.end))
        return None if (minute(opened), minute(closed)) == planned else (opened, closed)

    @property
    def present(self) -> tuple[AttendanceLine, ...]:
        return tuple(a for a in self.attendance if a.status != "absent")

    @property
    def absent(self) -> tuple[AttendanceLine, ...]:
        return tuple(a for a in self.attendance if a.status == "absent")

    @property
    def decisions(self) -> list[tuple[str, str]]:
        """(topic title, decision) for every decision, in agenda order."""
        return [(t.title, d) for t in (self.general, *self.topics) for d in t.decisions]

    def topic_title(self, topic_id: str | None) -> str:
        found = next((t for t in self.topics if t.id == topic_id), None)
        return found.title if found else ""

    def speaking_by_person(self) -> dict[str, float]:
        totals: dict[str, float] = {}
        for line in self.speaking:
            totals[line.person] = totals.get(line.person, 0.0) + line.seconds
        return totals

    def speaking_by_department(self) -> dict[str, float]:
        """Seconds per department over the whole meeting; silent departments in the
        room show 0."""
        away = {line.name for line in self.absent}
        return department_totals(
            ((line.person, line.department, line.seconds) for line in self.speaking),
            departments_in_room(((p.name, p.department) for p in self.agenda.people), away),
        )


def build_minutes(state: MeetingState, now: DateTime) -> Minutes:
    """The minutes of ``state`` as of ``now`` (the close, usually)."""
    agenda = state.agenda
    attendance = []
    # Departments in the agenda's order (the host's usually first, as the notice
    # lists them), people within one by pinyin: code points put 韩 before 王.
    rank = {department: n for n, department in enumerate(agenda.departments)}
    by_department = sorted(
        agenda.people, key=lambda p: (rank.get(p.department, len(rank)), name_sort_key(p.name))
    )
    for person in by_department:
        marked = state.attendance.get(person.name)
        attendance.append(
            AttendanceLine(
                person.name,
                person.department,
                person.role,
                marked.status if marked else "present",
                marked.briefer if marked else "",
            )
        )

    def section(topic_id: str | None, **fields: object) -> TopicMinutes:
        entries = [c.entry for c in state.entries if c.entry.topic == topic_id]
        points = [e for e in entries if e.kind == "point"]
        return TopicMinutes(
            points=tuple(e.text for e in points),
            point_speakers=tuple(e.speaker for e in points)
            if any(e.speaker for e in points)
            else (),
            decisions=tuple(e.text for e in entries if e.kind == "decision"),
            disputes=tuple(Dispute(e.text, e.sides) for e in entries if e.kind == "dispute"),
            progress=tuple(e.text for e in entries if e.kind == "progress"),
            risks=tuple(e.text for e in entries if e.kind == "risk"),
            proposals=tuple(e.text for e in entries if e.kind == "proposal"),
            **fields,  # type: ignore[arg-type]
        )

    topics = []
    for position, topic_state in enumerate(state.topics_in_order(), start=1):
        topic = topic_state.topic
        status = topic_state.status
        if status == "pending" and topic_state.started_at is not None:
            # Left half-way by /back or /goto and never finished: it was discussed,
            # so "not reached" would contradict its points and its actual time.
            status = "done"
        topics.append(
            section(
                topic.id,
                id=topic.id,
                position=position,
                title=topic.title,
                owner=topic.owner,
                planned_minutes=topic.minutes,
                extra_minutes=topic_state.extra_minutes,
                actual_seconds=round(topic_state.elapsed(now), 1),
                status="done" if status in ("running", "paused") else status,
                started_at=topic_state.started_at,
                ended_at=topic_state.ended_at,
            )
        )
    general = section(
        None,
        id="",
        position=0,
        title="",
        owner="",
        planned_minutes=0,
        extra_minutes=0,
        actual_seconds=0.0,
        status="done",
        started_at=None,
        ended_at=None,
    )
    open_items = tuple(
        OpenItem(
            c.entry.text,
            c.entry.owner,
            c.entry.due,
            c.entry.topic,
            state.department_of(c.entry.owner) or c.entry.owner if c.entry.owner else "",
        )
        for c in state.entries
        if c.entry.kind == "unresolved"
    )
    tasks = tuple(
        TaskLine(
            c.entry.text,
            c.entry.owner,
            state.department_of(c.entry.owner) or c.entry.owner if c.entry.owner else "",
            c.entry.due,
            c.entry.topic,
        )
        for c in state.entries
        if c.entry.kind == "action"
    )
    speaking = tuple(
        SpeakingLine(person, state.department_of(person), topic, round(seconds, 1))
        for (topic, person), seconds in state.speaking_by_topic_person(now).items()
        if seconds > 0
    )
    return Minutes(
        agenda,
        state.opened_at,
        state.closed_at or now,
        tuple(attendance),
        tuple(topics),
        general,
        open_items,
        tasks,
        speaking,
    )
