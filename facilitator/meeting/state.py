"""The meeting's state: a fold over its events.

Timers are stopwatches made of event timestamps, so the state at any instant
is exact however often (or rarely) a screen asks, and a reopened meeting
resumes where it was. Undo is honoured by folding without the events that
``ActionUndone`` compensates.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime as _datetime
from typing import Literal

from pendulum import DateTime

from facilitator.meeting.agenda import Agenda, Person, Topic
from facilitator.meeting.events import (
    ActionUndone,
    AttendanceMarked,
    AttendanceStatus,
    Entry,
    EntryCaptured,
    EntryEdited,
    EntryRetracted,
    Event,
    MeetingClosed,
    MeetingCreated,
    MeetingOpened,
    SpeakerCalled,
    SpeakerFinished,
    SpeakerMoved,
    SpeakerQueued,
    SpeakerRemoved,
    TopicExtended,
    TopicFinished,
    TopicLeft,
    TopicPaused,
    TopicResumed,
    TopicSkipped,
    TopicsReordered,
    TopicStarted,
)

TopicStatus = Literal["pending", "running", "paused", "done", "skipped"]

WARNING_SECONDS = 120
"""Time left at which a running topic turns to warning colours."""

BALANCE_MIN_SECONDS = 120
"""Speaking time a topic needs before the balance warning may fire; the
owner's opening report alone must not raise it."""

NOT_UNDOABLE = (MeetingCreated, MeetingOpened, MeetingClosed, ActionUndone)


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
        return (self.topic.minutes + self.extra_minutes) * 60

    def elapsed(self, now: DateTime) -> float:
        return self.watch.elapsed(now)

    def left(self, now: DateTime) -> float:
        """Seconds left; negative once overrun."""
        return self.allotted_seconds - self.elapsed(now)

    def is_overrun(self, now: DateTime) -> bool:
        return self.left(now) < 0

    def is_warning(self, now: DateTime) -> bool:
        return 0 <= self.left(now) <= WARNING_SECONDS


@dataclass(frozen=True)
class Turn:
    """A speaker's current turn."""

    person: str
    topic: str | None
    watch: Stopwatch
    reports: bool = False
    """The topic owner's first turn on their topic: the report that opens it.
    Later turns of the owner (after others, or back on the topic) are discussion."""


@dataclass(frozen=True)
class Attendance:
    status: AttendanceStatus
    briefer: str = ""


@dataclass(frozen=True)
class Captured:
    """An entry as it stands now (edits applied), with the event that made it.

    ``number`` is the entry's place in the order of capture, counting retracted
    entries too: it never changes during the meeting, so ``/retract 11``
    always means the entry shown as 11.
    """

    seq: int
    at: DateTime
    entry: Entry
    number: int = 0


@dataclass(frozen=True)
class Imbalance:
    """One department speaking more than its allowed share of a topic."""

    department: str
    share: float
    threshold: float


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
    spoken: Mapping[tuple[str | None, str], float] = field(default_factory=dict)
    entries: tuple[Captured, ...] = ()
    retracted: frozenset[int] = frozenset()
    """Numbers of the entries taken back (their numbers are not given again)."""
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

    def projected_end(self, now: DateTime) -> DateTime:
        """When the meeting ends if every remaining topic takes its planned time."""
        if self.closed_at is not None:
            return self.closed_at
        base = now
        nothing_started = all(s.started_at is None for s in self.topics.values())
        if nothing_started and now < self.agenda.start:
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
        zone = self.agenda.end.timezone
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
        """Seconds per department; departments that have not spoken show 0."""
        totals = dict.fromkeys(self.agenda.departments, 0.0)
        for person, seconds in self.speaking_by_person(now, topic).items():
            department = self.department_of(person) or person
            totals[department] = totals.get(department, 0.0) + seconds
        return totals

    def imbalance(self, now: DateTime, topic: str | None = None) -> Imbalance | None:
        """The department over its share of the topic's speaking time, if any."""
        topic = topic if topic is not None else self.current
        totals = self.speaking_by_department(now, topic)
        spoken = sum(totals.values())
        if spoken < BALANCE_MIN_SECONDS or len(self.agenda.departments) < 2:
            return None
        department, seconds = max(totals.items(), key=lambda item: item[1])
        share = seconds / spoken
        threshold = self.agenda.balance_threshold
        return Imbalance(department, share, threshold) if share > threshold else None

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


class _Fold:
    """Mutable accumulator behind :func:`fold`; one method per event type."""

    def __init__(self, created: MeetingCreated) -> None:
        agenda = created.agenda
        self.agenda = agenda
        self.created_at = created.at
        self.order = tuple(topic.id for topic in agenda.topics)
        self.topics = {topic.id: TopicState(topic) for topic in agenda.topics}
        self.current: str | None = None
        self.paused = False
        self.opened_at: DateTime | None = None
        self.closed_at: DateTime | None = None
        self.attendance: dict[str, Attendance] = {}
        self.speaker: Turn | None = None
        self.queue: list[str] = []
        self.spoken: dict[tuple[str | None, str], float] = {}
        self.entries: dict[int, Captured] = {}
        self.captured = 0
        self.retracted: set[int] = set()
        self.undoable: list[list[int]] = []
        self.last_seq = created.seq

    def snapshot(self) -> MeetingState:
        return MeetingState(
            agenda=self.agenda,
            created_at=self.created_at,
            order=self.order,
            topics=dict(self.topics),
            current=self.current,
            paused=self.paused,
            opened_at=self.opened_at,
            closed_at=self.closed_at,
            attendance=dict(self.attendance),
            speaker=self.speaker,
            queue=tuple(self.queue),
            spoken=dict(self.spoken),
            entries=tuple(self.entries.values()),
            retracted=frozenset(self.retracted),
            undoable=tuple(tuple(group) for group in self.undoable),
            last_seq=self.last_seq,
        )

    def apply(self, event: Event) -> None:
        self.last_seq = max(self.last_seq, event.seq)
        if not isinstance(event, NOT_UNDOABLE):
            group = event.group or event.seq
            if self.undoable and self.undoable[-1][0] == group:
                self.undoable[-1].append(event.seq)
            else:
                self.undoable.append([event.seq])
        handler = getattr(self, f"on_{event.kind}", None)
        if handler is not None:
            handler(event)

    # -- helpers -------------------------------------------------------------

    def end_turn(self, at: DateTime) -> None:
        if self.speaker is None:
            return
        key = (self.speaker.topic, self.speaker.person)
        self.spoken[key] = self.spoken.get(key, 0.0) + self.speaker.watch.elapsed(at)
        self.speaker = None

    def stop_current(self, at: DateTime, status: TopicStatus) -> None:
        if self.current is None:
            return
        state = self.topics[self.current]
        self.topics[self.current] = replace(
            state, status=status, watch=state.watch.stopped(at), ended_at=at
        )
        self.end_turn(at)
        self.current = None

    # -- handlers --------------------------------------------------------------

    def on_meeting_opened(self, event: MeetingOpened) -> None:
        self.opened_at = self.opened_at or event.at

    def on_attendance_marked(self, event: AttendanceMarked) -> None:
        # A briefer is someone attending: one marked absent briefs nobody, so
        # whoever they were to brief needs a new briefer (and blocks the first topic).
        briefer = event.briefer
        if briefer and self.attendance.get(briefer, Attendance("present")).status == "absent":
            briefer = ""
        self.attendance[event.person] = Attendance(event.status, briefer)
        if event.status == "absent":
            for name, marked in self.attendance.items():
                if marked.briefer == event.person:
                    self.attendance[name] = replace(marked, briefer="")

    def on_topic_started(self, event: TopicStarted) -> None:
        self.opened_at = self.opened_at or event.at
        # Journals before topic_left existed mean "done" by starting another topic.
        self.stop_current(event.at, "done")
        state = self.topics[event.topic]
        self.topics[event.topic] = replace(
            state,
            status="running",
            watch=state.watch.started(event.at),
            started_at=state.started_at or event.at,
            ended_at=None,
            left_as=state.status if state.status in ("done", "skipped") else "pending",
        )
        self.current = event.topic
        self.paused = False

    def on_topic_left(self, event: TopicLeft) -> None:
        if event.topic == self.current:
            self.stop_current(event.at, self.topics[event.topic].left_as)
            self.paused = False

    def on_topic_paused(self, event: TopicPaused) -> None:
        self.paused = True
        if self.current:
            state = self.topics[self.current]
            self.topics[self.current] = replace(
                state, status="paused", watch=state.watch.stopped(event.at)
            )
        if self.speaker:
            self.speaker = replace(self.speaker, watch=self.speaker.watch.stopped(event.at))

    def on_topic_resumed(self, event: TopicResumed) -> None:
        self.paused = False
        if self.current:
            state = self.topics[self.current]
            self.topics[self.current] = replace(
                state, status="running", watch=state.watch.started(event.at)
            )
        if self.speaker:
            self.speaker = replace(self.speaker, watch=self.speaker.watch.started(event.at))

    def on_topic_extended(self, event: TopicExtended) -> None:
        state = self.topics[event.topic]
        self.topics[event.topic] = replace(state, extra_minutes=state.extra_minutes + event.minutes)

    def on_topic_skipped(self, event: TopicSkipped) -> None:
        if event.topic == self.current:
            self.stop_current(event.at, "skipped")
            self.paused = False
        else:
            self.topics[event.topic] = replace(self.topics[event.topic], status="skipped")

    def on_topic_finished(self, event: TopicFinished) -> None:
        if event.topic == self.current:
            self.stop_current(event.at, "done")
            self.paused = False

    def on_topics_reordered(self, event: TopicsReordered) -> None:
        self.order = tuple(event.order)

    def on_speaker_queued(self, event: SpeakerQueued) -> None:
        if event.person not in self.queue:
            self.queue.append(event.person)

    def on_speaker_called(self, event: SpeakerCalled) -> None:
        self.end_turn(event.at)
        if event.person in self.queue:
            self.queue.remove(event.person)
        watch = Stopwatch() if self.paused else Stopwatch().started(event.at)
        topic = self.topics[self.current].topic if self.current else None
        reports = (
            topic is not None
            and topic.owner == event.person
            and (topic.id, event.person) not in self.spoken
        )
        self.speaker = Turn(event.person, self.current, watch, reports)

    def on_speaker_finished(self, event: SpeakerFinished) -> None:
        self.end_turn(event.at)

    def on_speaker_moved(self, event: SpeakerMoved) -> None:
        if event.person in self.queue:
            self.queue.remove(event.person)
            self.queue.insert(max(0, event.position - 1), event.person)

    def on_speaker_removed(self, event: SpeakerRemoved) -> None:
        if event.person in self.queue:
            self.queue.remove(event.person)

    def on_entry_captured(self, event: EntryCaptured) -> None:
        self.captured += 1
        self.entries[event.seq] = Captured(event.seq, event.at, event.entry, self.captured)

    def on_entry_edited(self, event: EntryEdited) -> None:
        if event.target in self.entries:
            old = self.entries[event.target]
            self.entries[event.target] = replace(old, entry=event.entry)

    def on_entry_retracted(self, event: EntryRetracted) -> None:
        gone = self.entries.pop(event.target, None)
        if gone is not None:
            self.retracted.add(gone.number)

    def on_meeting_closed(self, event: MeetingClosed) -> None:
        self.stop_current(event.at, "done")
        self.paused = False
        self.closed_at = event.at


class Folder:
    """Keeps a running fold, applying new events cheaply.

    An undo changes the past, so it triggers a fold from the start; every
    other event is applied on top of the previous state.
    """

    def __init__(self, events: Iterable[Event] = ()) -> None:
        self.events: list[Event] = []
        self._fold: _Fold | None = None
        self._undone: set[int] = set()
        self.extend(events)

    def extend(self, events: Iterable[Event]) -> None:
        new = list(events)
        self.events.extend(new)
        if any(isinstance(e, ActionUndone) for e in new) or self._fold is None:
            self._refold()
            return
        for event in new:
            self._fold.apply(event)

    def _refold(self) -> None:
        self._undone = {
            target for e in self.events if isinstance(e, ActionUndone) for target in e.targets
        }
        self._fold = None
        for event in self.events:
            if isinstance(event, MeetingCreated) and self._fold is None:
                self._fold = _Fold(event)
            elif self._fold is not None and event.seq not in self._undone:
                self._fold.apply(event)
        if self._fold is not None:
            self._fold.last_seq = max((e.seq for e in self.events), default=0)

    @property
    def state(self) -> MeetingState:
        if self._fold is None:
            raise ValueError("a meeting's journal must begin with meeting_created")
        return self._fold.snapshot()


def fold(events: Iterable[Event]) -> MeetingState:
    """The state after ``events`` (which begin with ``MeetingCreated``)."""
    return Folder(events).state
