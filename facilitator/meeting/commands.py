"""What a host command does: the rules that turn a command into events.

``decide`` is pure: the state before, the command, the instant; out come the
events to record (or a :class:`Refusal` saying why not).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from pendulum import DateTime

from facilitator.line.read import Command, Notice
from facilitator.meeting.events import (
    ActionUndone,
    AttendanceMarked,
    Entry,
    EntryCaptured,
    EntryEdited,
    EntryRetracted,
    Event,
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
from facilitator.meeting.state import MeetingState, TopicState


class Refusal(Exception):
    """A command that cannot run now; ``notice`` says why."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.notice = Notice(key, dict(params), "warning")


@dataclass(frozen=True)
class Decision:
    """The events a command records, and what to tell the room."""

    events: tuple[Event, ...] = ()
    notice: Notice | None = None
    request: str | None = None  # something only the screen can do: "close", "help"
    also: tuple[Notice, ...] = ()
    """More to tell the room, after ``notice`` (a consequence of the command)."""

    @property
    def notices(self) -> tuple[Notice, ...]:
        return ((self.notice,) if self.notice else ()) + self.also


def capture(state: MeetingState, entry: Entry, now: DateTime) -> Decision:
    """Record a captured line under the current topic."""
    if state.is_closed:
        raise Refusal("room.closed")
    return Decision((EntryCaptured(at=now, entry=replace(entry, topic=state.current)),))


def edit(state: MeetingState, seq: int, entry: Entry, now: DateTime) -> Decision:
    """Replace a captured entry (kept under its topic) by a corrected one."""
    if state.is_closed:
        raise Refusal("room.closed")
    old = state.entry(seq)
    if old is None:
        raise Refusal("room.entry_gone")
    return Decision(
        (EntryEdited(at=now, target=seq, entry=replace(entry, topic=old.entry.topic)),),
        Notice("room.edited", {"number": old.number}),
    )


def retract(state: MeetingState, seq: int, now: DateTime) -> Decision:
    """Take back a captured entry; the journal keeps it and the retraction."""
    if state.is_closed:
        raise Refusal("room.closed")
    old = state.entry(seq)
    if old is None:
        raise Refusal("room.entry_gone")
    return Decision(
        (EntryRetracted(at=now, target=seq),), Notice("room.retracted", {"number": old.number})
    )


def _roll_call_done(state: MeetingState) -> None:
    """The first topic waits until every absentee has someone to brief them."""
    missing = state.unbriefed() if state.in_opening else []
    if missing:
        raise Refusal("room.absentee_without_briefer", names=", ".join(missing))


def _start(state: MeetingState, topic: TopicState, now: DateTime) -> list[Event]:
    """Start a topic; its owner reports first (unless absent)."""
    _roll_call_done(state)
    events: list[Event] = [TopicStarted(at=now, topic=topic.topic.id)]
    owner = topic.topic.owner
    absent = state.attendance.get(owner)
    if owner and not (absent and absent.status == "absent"):
        events.append(SpeakerCalled(at=now, person=owner))
    return events


def _topic_at(state: MeetingState, number: int) -> TopicState:
    if not 1 <= number <= len(state.order):
        raise Refusal("room.no_such_topic", number=number, count=len(state.order))
    return state.topics[state.order[number - 1]]


def decide(state: MeetingState, command: Command, now: DateTime) -> Decision:
    """The events that ``command`` records in ``state`` at ``now``."""
    if state.is_closed:
        raise Refusal("room.closed")
    handler = _HANDLERS.get(command.name)
    if handler is None:
        return Decision(request=command.name)
    return handler(state, command, now)


def _next(state: MeetingState, command: Command, now: DateTime) -> Decision:
    upcoming = state.next_pending()
    if upcoming is not None:
        return Decision(
            tuple(_start(state, upcoming, now)),
            Notice("room.topic_started", {"title": upcoming.topic.title}),
        )
    if state.current is not None:
        return Decision(
            (TopicFinished(at=now, topic=state.current),), Notice("room.all_topics_done")
        )
    raise Refusal("room.no_topics_left")


def _leave(state: MeetingState, now: DateTime) -> list[Event]:
    """/back and /goto leave the current topic unfinished, to come back to (not /next)."""
    return [TopicLeft(at=now, topic=state.current)] if state.current else []


def _back(state: MeetingState, command: Command, now: DateTime) -> Decision:
    if state.current is None:
        started = [s for s in state.topics_in_order() if s.status in ("done", "skipped")]
        if not started:
            raise Refusal("room.no_previous_topic")
        target = started[-1]
    else:
        index = state.order.index(state.current)
        if index == 0:
            raise Refusal("room.no_previous_topic")
        target = state.topics[state.order[index - 1]]
    return Decision(
        (*_leave(state, now), *_start(state, target, now)),
        Notice("room.topic_started", {"title": target.topic.title}),
    )


def _goto(state: MeetingState, command: Command, now: DateTime) -> Decision:
    target = _topic_at(state, command.number or 0)
    if target.topic.id == state.current:
        raise Refusal("room.already_current", title=target.topic.title)
    return Decision(
        (*_leave(state, now), *_start(state, target, now)),
        Notice("room.topic_started", {"title": target.topic.title}),
    )


def _pause(state: MeetingState, command: Command, now: DateTime) -> Decision:
    if state.current is None:
        raise Refusal("room.no_current_topic")
    if state.paused:
        raise Refusal("room.already_paused")
    return Decision((TopicPaused(at=now),), Notice("room.paused"))


def _resume(state: MeetingState, command: Command, now: DateTime) -> Decision:
    if not state.paused:
        raise Refusal("room.not_paused")
    return Decision((TopicResumed(at=now),), Notice("room.resumed"))


def _extend(state: MeetingState, command: Command, now: DateTime) -> Decision:
    if state.current is None:
        raise Refusal("room.no_current_topic")
    minutes = command.number or 5
    return Decision(
        (TopicExtended(at=now, topic=state.current, minutes=minutes),),
        Notice("room.extended", {"minutes": minutes}),
    )


def _skip(state: MeetingState, command: Command, now: DateTime) -> Decision:
    current = state.position(state.current) if state.current else None
    if command.number is not None and command.number != current:
        target = _topic_at(state, command.number)
        if target.status != "pending":
            raise Refusal("room.not_pending", title=target.topic.title)
        return Decision(
            (TopicSkipped(at=now, topic=target.topic.id),),
            Notice("room.skipped", {"title": target.topic.title}),
        )
    if state.current is None:
        raise Refusal("room.no_current_topic")
    skipped = state.topics[state.current]
    events: list[Event] = [TopicSkipped(at=now, topic=state.current)]
    upcoming = state.next_pending()
    if upcoming is not None:
        events.extend(_start(state, upcoming, now))
    return Decision(tuple(events), Notice("room.skipped", {"title": skipped.topic.title}))


def _move(state: MeetingState, command: Command, now: DateTime) -> Decision:
    source, target = (int(a) for a in command.args[:2])
    moving = _topic_at(state, source)
    title = moving.topic.title
    if moving.topic.id == state.current:
        raise Refusal("room.move_current", title=title)
    if moving.status != "pending":
        raise Refusal("room.not_pending", title=title)
    _topic_at(state, target)  # a place the agenda has
    if target == source:
        raise Refusal("room.order_unchanged", title=title, position=source)
    order = [topic_id for topic_id in state.order if topic_id != moving.topic.id]
    # Remaining topics only move among themselves: never before one already discussed
    # or under way, whose place in the meeting is history.
    first_free = max(
        (i + 1 for i, tid in enumerate(order) if state.topics[tid].status != "pending"), default=0
    )
    if target - 1 < first_free:
        raise Refusal(
            "room.move_before_discussed", title=title, target=target, first=first_free + 1
        )
    order.insert(target - 1, moving.topic.id)
    return Decision(
        (TopicsReordered(at=now, order=tuple(order)),),
        Notice("room.moved", {"title": title, "position": target}),
    )


def _can_speak(state: MeetingState, people: tuple[str, ...]) -> None:
    """Only participants speak, and only those in the room (late ones have arrived)."""
    for person in people:
        if state.person(person) is None:
            if person in state.agenda.departments:
                raise Refusal("line.department_not_person", name=person)
            raise Refusal("room.not_a_person", name=person)
        marked = state.attendance.get(person)
        if marked is not None and marked.status == "absent":
            raise Refusal("room.speaker_absent", name=person)


def _speak(state: MeetingState, command: Command, now: DateTime) -> Decision:
    _can_speak(state, command.people)
    events: list[Event] = []
    speaker = state.speaker.person if state.speaker else None
    queued = list(state.queue)
    for person in command.people:
        if person == speaker or person in queued:
            continue
        if speaker is None:
            events.append(SpeakerCalled(at=now, person=person))
            speaker = person
        else:
            events.append(SpeakerQueued(at=now, person=person))
            queued.append(person)
    if not events:
        raise Refusal("room.already_waiting", names=", ".join(command.people))
    return Decision(tuple(events))


def _call(state: MeetingState, command: Command, now: DateTime) -> Decision:
    _can_speak(state, command.people[:1])
    person = command.people[0]
    if state.speaker and state.speaker.person == person:
        raise Refusal("room.already_speaking", name=person)
    return Decision(
        (SpeakerCalled(at=now, person=person),), Notice("room.speaker_called", {"name": person})
    )


def _done(state: MeetingState, command: Command, now: DateTime) -> Decision:
    if state.speaker is None:
        if not state.queue:
            raise Refusal("room.nobody_speaking")
        return Decision(
            (SpeakerCalled(at=now, person=state.queue[0]),),
            Notice("room.speaker_called", {"name": state.queue[0]}),
        )
    events: list[Event] = [SpeakerFinished(at=now)]
    if state.queue:
        events.append(SpeakerCalled(at=now, person=state.queue[0]))
        return Decision(tuple(events), Notice("room.speaker_called", {"name": state.queue[0]}))
    return Decision(tuple(events))


def _queue(state: MeetingState, command: Command, now: DateTime) -> Decision:
    """Put a person at a place in the queue (1 = next), queueing them if needed."""
    _can_speak(state, command.people[:1])
    person = command.people[0]
    if state.speaker and state.speaker.person == person:
        raise Refusal("room.already_speaking", name=person)
    position = max(1, command.number or 1)
    events: list[Event] = []
    queue = list(state.queue)
    if person not in queue:
        events.append(SpeakerQueued(at=now, person=person))
        queue.append(person)
    position = min(position, len(queue))
    if queue.index(person) + 1 == position and not events:
        raise Refusal("room.queue_unchanged", name=person, position=position)
    events.append(SpeakerMoved(at=now, person=person, position=position))
    return Decision(
        tuple(events), Notice("room.queue_moved", {"name": person, "position": position})
    )


def _drop(state: MeetingState, command: Command, now: DateTime) -> Decision:
    events = tuple(SpeakerRemoved(at=now, person=p) for p in command.people if p in state.queue)
    if not events:
        raise Refusal("room.not_waiting", names=", ".join(command.people))
    return Decision(events)


def _mark(status: str):
    def handler(state: MeetingState, command: Command, now: DateTime) -> Decision:
        people = command.people
        if not people and command.args == ("all",):
            people = tuple(state.unmarked())
            if not people:
                raise Refusal("room.everyone_marked")
        return Decision(
            tuple(AttendanceMarked(at=now, person=p, status=status) for p in people),
            Notice(f"room.marked_{status}", {"names": ", ".join(people)}),
        )

    return handler


def _absent(state: MeetingState, command: Command, now: DateTime) -> Decision:
    """Mark someone absent, with the participant who will brief them.

    A briefer must be attending. One the roll call has not reached yet is
    marked present by being named (the host names someone in the room, who
    agrees to it); one marked absent is refused. Whoever this absentee was
    briefing needs a new briefer (the fold clears it; the room is told).
    """
    absentee, *briefers = command.people
    if state.person(absentee) is None:
        raise Refusal("room.not_a_person", name=absentee)
    briefer = briefers[0] if briefers else ""
    events: list[Event] = []
    if briefer:
        if briefer == absentee or state.person(briefer) is None:
            raise Refusal("room.bad_briefer", name=briefer)
        marked = state.attendance.get(briefer)
        if marked and marked.status == "absent":
            raise Refusal("room.briefer_absent", name=briefer)
        if marked is None:
            events.append(AttendanceMarked(at=now, person=briefer, status="present"))
    events.append(AttendanceMarked(at=now, person=absentee, status="absent", briefer=briefer))
    if state.speaker and state.speaker.person == absentee:
        events.insert(0, SpeakerFinished(at=now))
    if absentee in state.queue:
        events.append(SpeakerRemoved(at=now, person=absentee))
    if not briefer:
        notice = Notice("room.absent_needs_briefer", {"name": absentee}, "warning")
    elif briefer in state.attendance:
        notice = Notice("room.absent_briefed", {"name": absentee, "briefer": briefer})
    else:
        notice = Notice("room.absent_briefed_present", {"name": absentee, "briefer": briefer})
    orphans = [name for name, marked in state.absentees() if marked.briefer == absentee]
    also = (
        (Notice("room.briefer_gone", {"names": ", ".join(orphans), "name": absentee}, "warning"),)
        if orphans
        else ()
    )
    return Decision(tuple(events), notice, also=also)


def _close(state: MeetingState, command: Command, now: DateTime) -> Decision:
    """Open the closing summary: the current speaker's turn ends here.

    Reviewing and fixing the summary is the room's time, not the speaker's;
    ending the turn in the journal keeps the speaking times exact across a
    crash or a second terminal. Going back to the meeting, the host calls
    the next speaker (F6) as after any turn.
    """
    events = (SpeakerFinished(at=now),) if state.speaker else ()
    return Decision(events, request="close")


def _undo(state: MeetingState, command: Command, now: DateTime) -> Decision:
    if not state.undoable:
        raise Refusal("room.nothing_to_undo")
    return Decision((ActionUndone(at=now, targets=state.undoable[-1]),), Notice("room.undone"))


def _retract(state: MeetingState, command: Command, now: DateTime) -> Decision:
    number = command.number or 0
    target = state.numbered(number)
    if target is None:
        if number in state.retracted:
            raise Refusal("room.already_retracted", number=number)
        raise Refusal("room.no_such_entry", number=number)
    return Decision(
        (EntryRetracted(at=now, target=target.seq),), Notice("room.retracted", {"number": number})
    )


_HANDLERS = {
    "next": _next,
    "back": _back,
    "goto": _goto,
    "pause": _pause,
    "resume": _resume,
    "extend": _extend,
    "skip": _skip,
    "move": _move,
    "speak": _speak,
    "call": _call,
    "done": _done,
    "queue": _queue,
    "drop": _drop,
    "present": _mark("present"),
    "late": _mark("late"),
    "absent": _absent,
    "undo": _undo,
    "retract": _retract,
    "close": _close,
}
