"""The meeting's state as a fold over its events.

Timers are stopwatches made of event timestamps, so the state at any instant
is exact however often (or rarely) a screen asks, and a reopened meeting
resumes where it was. Undo is honoured by folding without the events that
``ActionUndone`` compensates.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from pendulum import DateTime

from facilitator.meeting.events import (
    ActionUndone,
    AlertsSet,
    AttendanceMarked,
    EntryCaptured,
    EntryEdited,
    EntryRetracted,
    Event,
    MeetingClosed,
    MeetingCreated,
    MeetingOpened,
    SpeakerCalled,
    SpeakerFinished,
    SpeakerLimitSet,
    SpeakerMoved,
    SpeakerQueued,
    SpeakerRemoved,
    ThemeChosen,
    TopicExtended,
    TopicFinished,
    TopicLeft,
    TopicPaused,
    TopicResumed,
    TopicSkipped,
    TopicsReordered,
    TopicStarted,
)
from facilitator.meeting.requests import NEW, Request, queue_place, request_kind
from facilitator.meeting.state import (
    NOT_UNDOABLE,
    Attendance,
    Captured,
    MeetingState,
    Stopwatch,
    TopicState,
    TopicStatus,
    Turn,
)


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
        self.requests: dict[str, Request] = {}
        self.speaker_limit = round(agenda.speaker_minutes * 60)
        self.alerts = agenda.alerts
        self.theme = ""
        self.spoken: dict[tuple[str | None, str], float] = {}
        self.entries: dict[int, Captured] = {}
        self.captured = 0
        self.retracted: set[int] = set()
        self.undone: set[int] = set()
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
            requests=dict(self.requests),
            speaker_limit=self.speaker_limit,
            alerts=self.alerts,
            theme=self.theme,
            spoken=dict(self.spoken),
            entries=tuple(self.entries.values()),
            retracted=frozenset(self.retracted),
            undone=frozenset(self.undone),
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
            # A finished topic revisited stays finished; a skipped one revisited
            # is being discussed after all, so it counts as done if left again.
            left_as="done" if state.status in ("done", "skipped") else "pending",
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
        # Queued again, a waiting person's request changes: it takes its new place.
        if event.person in self.queue:
            self.queue.remove(event.person)
        kind = request_kind(event.request)
        waiting = [self.requests.get(p, Request()).kind for p in self.queue]
        self.queue.insert(queue_place(waiting, kind), event.person)
        self.requests[event.person] = Request(kind, event.reason)

    def on_speaker_called(self, event: SpeakerCalled) -> None:
        self.end_turn(event.at)
        request = self.requests.pop(event.person, Request())
        if event.request:
            request = Request(request_kind(event.request), event.reason)
        if event.person in self.queue:
            self.queue.remove(event.person)
        watch = Stopwatch() if self.paused else Stopwatch().started(event.at)
        topic = self.topics[self.current].topic if self.current else None
        briefs_for = ""
        if topic is not None and topic.owner != event.person:
            owner = self.attendance.get(topic.owner)
            if owner is not None and owner.status == "absent" and owner.briefer == event.person:
                briefs_for = topic.owner
        reports = (
            topic is not None
            and (topic.owner == event.person or bool(briefs_for))
            and (topic.id, event.person) not in self.spoken
        )
        if reports and not event.request:
            # The owner opens their topic with the report: a reply they queued
            # for in the topic before is not what this turn is.
            request = Request()
        self.speaker = Turn(
            event.person,
            self.current,
            watch,
            reports,
            request=request.kind if request.kind else NEW,
            reason=request.reason,
            started=event.at,
            briefs_for=briefs_for,
        )

    def on_speaker_finished(self, event: SpeakerFinished) -> None:
        self.end_turn(event.at)

    def on_speaker_moved(self, event: SpeakerMoved) -> None:
        if event.person in self.queue:
            self.queue.remove(event.person)
            self.queue.insert(max(0, event.position - 1), event.person)

    def on_speaker_removed(self, event: SpeakerRemoved) -> None:
        if event.person in self.queue:
            self.queue.remove(event.person)
        self.requests.pop(event.person, None)

    def on_speaker_limit_set(self, event: SpeakerLimitSet) -> None:
        self.speaker_limit = max(0, event.seconds)

    def on_alerts_set(self, event: AlertsSet) -> None:
        self.alerts = event.mode

    def on_theme_chosen(self, event: ThemeChosen) -> None:
        self.theme = event.theme

    def on_entry_captured(self, event: EntryCaptured) -> None:
        self.captured += 1
        self.entries[event.seq] = Captured(event.seq, event.at, event.entry, self.captured)

    def on_entry_edited(self, event: EntryEdited) -> None:
        if event.target in self.entries:
            old = self.entries[event.target]
            self.entries[event.target] = replace(old, entry=event.entry)

    def skip_undone(self, event: Event) -> None:
        """An event taken back by /undo: a captured entry's number stays used, as a
        retracted one's does, so no later entry is shown under it."""
        if isinstance(event, EntryCaptured):
            self.captured += 1
            self.undone.add(self.captured)

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
            elif self._fold is not None:
                self._fold.skip_undone(event)
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
