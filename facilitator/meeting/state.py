"""The meeting's state: a fold over its events.

Timers are stopwatches made of event timestamps, so the state at any instant
is exact however often (or rarely) a screen asks, and a reopened meeting
resumes where it was. Undo is honoured by folding without the events that
``ActionUndone`` compensates.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime as _datetime
from typing import Literal

from pendulum import DateTime

from facilitator.core.zones import zone_of
from facilitator.meeting.agenda import Agenda, Person, Topic
from facilitator.meeting.balance import (
    Balance,
    Imbalance,
    balance_of,
    department_totals,
    departments_in_room,
)
from facilitator.meeting.events import (
    ActionUndone,
    AlertsSet,
    AttendanceStatus,
    Entry,
    MeetingClosed,
    MeetingCreated,
    MeetingOpened,
    ThemeChosen,
)
from facilitator.meeting.phase import (
    Phase,
    SpeakerPhase,
    allotted_seconds,
    speaker_phase,
    time_phase,
)
from facilitator.meeting.requests import NEW, Request, RequestKind

TopicStatus = Literal["pending", "running", "paused", "done", "skipped"]

NOT_UNDOABLE = (
    MeetingCreated,
    MeetingOpened,
    MeetingClosed,
    ActionUndone,
    # How the screen looks and sounds, not what the meeting did: Ctrl+T and
    # /alerts switch back themselves, and /undo never takes back a line for them.
    ThemeChosen,
    AlertsSet,
)


def _seconds(later: DateTime, earlier: DateTime) -> float:
    """Seconds between two instants, exact to the microsecond.

    The plain ``datetime`` difference: pendulum's builds an Interval (calendar
    arithmetic), which made reopening a long meeting a third slower.
    """
    return _datetime.__sub__(later, earlier).total_seconds()


@dataclass(frozen=True)
class Stopwatch:
    """Seconds accumulated over closed intervals, plus an open one if running."""

    accumulated: float = 0.0
    since: DateTime | None = None

    @property
    def running(self) -> bool:
        return self.since is not None

    def started(self, at: DateTime) -> Stopwatch:
        return self if self.running else Stopwatch(self.accumulated, at)

    def stopped(self, at: DateTime) -> Stopwatch:
        if self.since is None:
            return self
        return Stopwatch(self.accumulated + max(0.0, _seconds(at, self.since)), None)

    def elapsed(self, now: DateTime) -> float:
        if self.since is None:
            return self.accumulated
        return self.accumulated + max(0.0, _seconds(now, self.since))


@dataclass(frozen=True)
class TopicState:
    topic: Topic
    status: TopicStatus = "pending"
    watch: Stopwatch = Stopwatch()
    extra_minutes: int = 0
    started_at: DateTime | None = None
    ended_at: DateTime | None = None
    left_as: TopicStatus = "pending"
    """What the topic goes back to if the room leaves it by /back or /goto:
    pending if it was not finished, done (or skipped) if it is being revisited."""

    @property
    def allotted_seconds(self) -> int:
        """Planned plus extended time (see :func:`facilitator.meeting.phase.allotted_seconds`)."""
        return allotted_seconds(self.topic.minutes, self.extra_minutes)

    def elapsed(self, now: DateTime) -> float:
        return self.watch.elapsed(now)

    def left(self, now: DateTime) -> float:
        """Seconds left; negative once overrun."""
        return self.allotted_seconds - self.elapsed(now)

    def is_overrun(self, now: DateTime) -> bool:
        """Past its planned plus extended time, as :mod:`facilitator.meeting.phase` says."""
        return time_phase(self.left(now)) is Phase.OVERRUN

    def is_warning(self, now: DateTime) -> bool:
        """Within the last minutes, as :mod:`facilitator.meeting.phase` says."""
        return time_phase(self.left(now)) is Phase.WARNING


@dataclass(frozen=True)
class Turn:
    """A speaker's current turn."""

    person: str
    topic: str | None
    watch: Stopwatch
    reports: bool = False
    """The topic owner's first turn on their topic: the report that opens it.
    Later turns of the owner (after others, or back on the topic) are discussion."""
    request: RequestKind = NEW
    """What the turn was asked for: a point of order, a question, a reply, a new point."""
    reason: str = ""
    started: DateTime | None = None
    """When the turn began (it tells one turn of a person from the next)."""
    briefs_for: str = ""
    """The absent topic owner this person reports for (their briefer), if any."""


@dataclass(frozen=True)
class Attendance:
    status: AttendanceStatus
    briefer: str = ""


@dataclass(frozen=True)
class Captured:
    """An entry as it stands now (edits applied), with the event that made it.

    ``number`` is the entry's place in the order of capture, counting retracted
    and undone entries too: it never changes during the meeting, so ``/retract 11``
    always means the entry shown as 11.
    """

    seq: int
    at: DateTime
    entry: Entry
    number: int = 0


@dataclass(frozen=True)
class Projection:
    """When the meeting will end, to the minute, against the planned end."""

    end: DateTime
    planned: DateTime
    delta_minutes: int
    """``end - planned`` in minutes: positive late, negative early."""
    same_day: bool = True
    """Both ends fall on one day of the meeting's zone. A meeting run on
    another day than planned (moved at short notice) has no drift worth
    counting in minutes; the room shows the planned date instead."""


def _to_minute(instant: DateTime) -> DateTime:
    """The nearest whole minute (half a minute rounds up)."""
    floor = instant.replace(second=0, microsecond=0)
    return floor.add(minutes=1) if _seconds(instant, floor) >= 30 else floor


@dataclass(frozen=True)
class MeetingState:
    """Everything the room knows, at one point of the journal."""

    agenda: Agenda
    created_at: DateTime
    order: tuple[str, ...]
    topics: Mapping[str, TopicState]
    current: str | None = None
    paused: bool = False
    opened_at: DateTime | None = None
    closed_at: DateTime | None = None
    attendance: Mapping[str, Attendance] = field(default_factory=dict)
    speaker: Turn | None = None
    queue: tuple[str, ...] = ()
    requests: Mapping[str, Request] = field(default_factory=dict)
    """What each waiting person asked to speak for (a new point if not here)."""
    speaker_limit: int = 0
    """Seconds a turn may take (the agenda's ``speaker_minutes``, then ``/limit``); 0: none."""
    alerts: str = "bell"
    """How thresholds are signalled now (the agenda's ``alerts``, then ``/alerts``)."""
    theme: str = ""
    """The theme last chosen in the room (Ctrl+T), or "" if never."""
    spoken: Mapping[tuple[str | None, str], float] = field(default_factory=dict)
    entries: tuple[Captured, ...] = ()
    retracted: frozenset[int] = frozenset()
    """Numbers of the entries taken back (their numbers are not given again)."""
    undone: frozenset[int] = frozenset()
    """Numbers of the entries /undo took back just after they were typed (not given
    again either: a note of "entry 28" never comes to mean another)."""
    undoable: tuple[tuple[int, ...], ...] = ()
    """Commands that /undo can take back, oldest first, each as its event seqs."""
    last_seq: int = 0

    # -- agenda and timers --------------------------------------------------

    @property
    def is_open(self) -> bool:
        return self.opened_at is not None and self.closed_at is None

    @property
    def is_closed(self) -> bool:
        return self.closed_at is not None

    @property
    def current_topic(self) -> TopicState | None:
        return self.topics[self.current] if self.current else None

    def topic_title(self, topic_id: str | None) -> str:
        """The title of the topic ``topic_id`` ("" for none, or one not on the agenda)."""
        topic = self.agenda.topic(topic_id) if topic_id else None
        return topic.title if topic is not None else ""

    def topics_in_order(self) -> list[TopicState]:
        return [self.topics[topic_id] for topic_id in self.order]

    def next_pending(self) -> TopicState | None:
        """The first topic after the current one (in order) still to be discussed.

        Topics left half-way by /back or /goto are pending too; past the end of
        the agenda the search goes on from the top.
        """
        ids = list(self.order)
        start = ids.index(self.current) + 1 if self.current in ids else 0
        for topic_id in ids[start:] + ids[:start]:
            if self.topics[topic_id].status == "pending":
                return self.topics[topic_id]
        return None

    def position(self, topic_id: str) -> int:
        """1-based place of a topic in the current order."""
        return self.order.index(topic_id) + 1

    def remaining_seconds(self, now: DateTime) -> float:
        """Planned time still ahead: what is left of every topic not done or skipped.

        A pending topic may have used some of its time already (left by
        /back or /goto): only the rest of it is ahead.
        """
        return sum(
            max(0.0, state.left(now))
            for state in self.topics.values()
            if state.status in ("pending", "running", "paused")
        )

    def opened_early(self, now: DateTime) -> bool:
        """Before the meeting's day (in its zone): a room opened to prepare or
        rehearse, not the meeting about to start."""
        zone = zone_of(self.agenda.start)
        return now.in_timezone(zone).date() < self.agenda.start.in_timezone(zone).date()

    def projected_end(self, now: DateTime) -> DateTime:
        """When the meeting ends if every remaining topic takes its planned time.

        Before the first topic on the meeting's day, from its planned start (the
        room waits for it); on an earlier day, from now: a rehearsal runs now.
        """
        if self.closed_at is not None:
            return self.closed_at
        base = now
        nothing_started = all(s.started_at is None for s in self.topics.values())
        if nothing_started and now < self.agenda.start and not self.opened_early(now):
            base = self.agenda.start
        return base.add(seconds=round(self.remaining_seconds(now)))

    def projected_overrun(self, now: DateTime) -> float:
        """Seconds the projected end lies after the planned end (negative: early)."""
        return (self.projected_end(now) - self.agenda.end).total_seconds()

    def projection(self, now: DateTime) -> Projection:
        """The projected end as the room reads it: both times and the drift in whole minutes.

        The drift is the difference of the two minutes shown, so ``Ends ~10:41
        (planned 11:00)`` always comes with ``-19'``, never with a delta
        rounded on its own from the seconds.
        """
        end = _to_minute(self.projected_end(now))
        planned = _to_minute(self.agenda.end)
        zone = zone_of(self.agenda.end)
        same_day = end.in_timezone(zone).date() == planned.in_timezone(zone).date()
        return Projection(end, planned, round((end - planned).total_seconds() / 60), same_day)

    # -- people and speaking -------------------------------------------------

    def person(self, name: str) -> Person | None:
        return self.agenda.person(name)

    def department_of(self, name: str) -> str:
        person = self.agenda.person(name)
        return person.department if person else ""

    def speaking_by_topic_person(self, now: DateTime) -> dict[tuple[str | None, str], float]:
        """Seconds spoken per (topic, person), the running turn included."""
        totals = dict(self.spoken)
        if self.speaker is not None:
            key = (self.speaker.topic, self.speaker.person)
            totals[key] = totals.get(key, 0.0) + self.speaker.watch.elapsed(now)
        return totals

    def speaking_by_person(self, now: DateTime, topic: str | None = None) -> dict[str, float]:
        """Seconds per person, for one topic or (``topic=None``) the whole meeting."""
        totals: dict[str, float] = {}
        for (topic_id, person), seconds in self.speaking_by_topic_person(now).items():
            if topic is None or topic_id == topic:
                totals[person] = totals.get(person, 0.0) + seconds
        return totals

    def speaking_by_department(self, now: DateTime, topic: str | None = None) -> dict[str, float]:
        """Seconds per department; departments in the room that have not spoken show 0."""
        spoken = self.speaking_by_person(now, topic).items()
        away = {name for name, _ in self.absentees()}
        return department_totals(
            ((person, self.department_of(person), seconds) for person, seconds in spoken),
            departments_in_room(((p.name, p.department) for p in self.agenda.people), away),
        )

    def request_of(self, person: str) -> Request:
        """What ``person`` asked to speak for (a new point if they are not waiting)."""
        return self.requests.get(person, Request())

    def speaker_phase(self, now: DateTime) -> SpeakerPhase | None:
        """The current speaker's own countdown, if there is a speaker and a limit."""
        if self.speaker is None:
            return None
        elapsed = self.speaker.watch.elapsed(now)
        return speaker_phase(elapsed, self.speaker_limit, self.agenda.warning)

    def balance(self, now: DateTime, topic: str | None = None) -> Balance:
        """Each department's share of a topic (the current one by default) and the verdict."""
        topic = topic if topic is not None else self.current
        return balance_of(self.speaking_by_department(now, topic), self.agenda.balance_threshold)

    def imbalance(self, now: DateTime, topic: str | None = None) -> Imbalance | None:
        """The department over its share of the topic's speaking time, if any."""
        return self.balance(now, topic).imbalance

    # -- capture ---------------------------------------------------------------

    def entries_of(self, kind: str, topic: str | Literal["any"] | None = "any") -> list[Captured]:
        return [
            c
            for c in self.entries
            if c.entry.kind == kind and (topic == "any" or c.entry.topic == topic)
        ]

    def entry(self, seq: int) -> Captured | None:
        return next((c for c in self.entries if c.seq == seq), None)

    def numbered(self, number: int) -> Captured | None:
        """The entry shown as ``number`` (as ``/retract N`` names it), if still there."""
        return next((c for c in self.entries if c.number == number), None)

    def absentees(self) -> list[tuple[str, Attendance]]:
        return [(n, a) for n, a in self.attendance.items() if a.status == "absent"]

    # -- opening and roll call -------------------------------------------------

    @property
    def in_opening(self) -> bool:
        """Before the first topic: goal, agenda, rules and the roll call are on screen."""
        return not self.is_closed and all(s.started_at is None for s in self.topics.values())

    def unbriefed(self) -> list[str]:
        """Absentees nobody has been asked to brief yet."""
        return [name for name, marked in self.absentees() if not marked.briefer]

    def unmarked(self) -> list[str]:
        """Participants the roll call has not reached, in agenda order."""
        return [p.name for p in self.agenda.people if p.name not in self.attendance]
