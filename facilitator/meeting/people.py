"""Who speaks and who is here: the rules of speaker turns and the roll call.

Each rule takes the state before, the command and the instant, and decides
the events to record (or refuses, saying why).
"""

from __future__ import annotations

from collections.abc import Callable

from pendulum import DateTime

from facilitator.core.notice import Notice
from facilitator.meeting.decision import Command, Decision, Refusal
from facilitator.meeting.events import (
    AttendanceMarked,
    AttendanceStatus,
    Event,
    SpeakerCalled,
    SpeakerFinished,
    SpeakerLimitSet,
    SpeakerMoved,
    SpeakerQueued,
    SpeakerRemoved,
)
from facilitator.meeting.requests import NEW, Request, request_kind
from facilitator.meeting.state import MeetingState

MAX_LIMIT_SECONDS = 60 * 60
"""The longest limit per turn ``/limit`` takes (the agenda's ``speaker_minutes`` too)."""


def can_speak(state: MeetingState, people: tuple[str, ...]) -> None:
    """Only participants speak, and only those in the room (late ones have arrived)."""
    for person in people:
        if state.person(person) is None:
            if person in state.agenda.departments:
                raise Refusal("line.department_not_person", name=person)
            raise Refusal("room.not_a_person", name=person)
        marked = state.attendance.get(person)
        if marked is not None and marked.status == "absent":
            raise Refusal("room.speaker_absent", name=person)


def speak(state: MeetingState, command: Command, now: DateTime) -> Decision:
    """Call each person named, or queue them if someone speaks, for their kind of request.

    A point of order, a question or a reply takes its place in the queue by
    :func:`facilitator.meeting.requests.queue_place`; someone already waiting
    who asks again for another kind (or with a reason) moves to its place.
    """
    can_speak(state, command.people)
    request = Request(request_kind(command.request), command.text)
    events: list[Event] = []
    speaker = state.speaker.person if state.speaker else None
    queued = {person: state.request_of(person) for person in state.queue}
    for person in command.people:
        if person == speaker:
            continue
        if person in queued and (queued[person] == request or request == Request()):
            continue
        if speaker is None:
            events.append(
                SpeakerCalled(at=now, person=person, request=command.request, reason=request.reason)
            )
            speaker = person
        else:
            events.append(
                SpeakerQueued(at=now, person=person, request=request.kind, reason=request.reason)
            )
            queued[person] = request
    if not events:
        raise Refusal("room.already_waiting", names=tuple(command.people))
    queued_now = [e.person for e in events if isinstance(e, SpeakerQueued)]
    if request.kind == NEW or not queued_now:
        return Decision(tuple(events))  # the room reads what happened off the events
    called = [
        Notice("room.speaker_called", {"name": e.person})
        for e in events
        if isinstance(e, SpeakerCalled)
    ]
    # "Marta waits", "Marta, Wang wait": the catalogue has both.
    many = "_many" if len(queued_now) > 1 else ""
    notice = Notice(
        f"room.queued_{request.kind}{many}", {"names": tuple(queued_now), "speaker": speaker or ""}
    )
    return Decision(tuple(events), notice, also=tuple(called))


def limit(state: MeetingState, command: Command, now: DateTime) -> Decision:
    """``/limit N``: each turn may take N minutes from now on (the current one too);
    ``/limit off`` (or 0) lifts the limit."""
    seconds = command.number or 0
    if seconds > MAX_LIMIT_SECONDS:
        raise Refusal("room.limit_too_long", max=MAX_LIMIT_SECONDS // 60)
    if seconds == state.speaker_limit:
        raise Refusal("room.limit_unchanged")
    if not seconds:
        return Decision((SpeakerLimitSet(at=now, seconds=0),), Notice("room.limit_off"))
    return Decision(
        (SpeakerLimitSet(at=now, seconds=seconds),),
        Notice("room.limit_set", {"minutes": f"{seconds / 60:g}"}),
    )


def call(state: MeetingState, command: Command, now: DateTime) -> Decision:
    can_speak(state, command.people[:1])
    person = command.people[0]
    if state.speaker and state.speaker.person == person:
        raise Refusal("room.already_speaking", name=person)
    return Decision(
        (SpeakerCalled(at=now, person=person),), Notice("room.speaker_called", {"name": person})
    )


def done(state: MeetingState, command: Command, now: DateTime) -> Decision:
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


def queue(state: MeetingState, command: Command, now: DateTime) -> Decision:
    """Put a person at a place in the queue (1 = next), queueing them if needed."""
    can_speak(state, command.people[:1])
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


def drop(state: MeetingState, command: Command, now: DateTime) -> Decision:
    events = tuple(SpeakerRemoved(at=now, person=p) for p in command.people if p in state.queue)
    if not events:
        raise Refusal("room.not_waiting", names=tuple(command.people))
    return Decision(events)


def mark(status: AttendanceStatus) -> Callable[[MeetingState, Command, DateTime], Decision]:
    def handler(state: MeetingState, command: Command, now: DateTime) -> Decision:
        people = command.people
        if not people and command.args == ("all",):
            people = tuple(state.unmarked())
            if not people:
                raise Refusal("room.everyone_marked")
        return Decision(
            tuple(AttendanceMarked(at=now, person=p, status=status) for p in people),
            Notice(f"room.marked_{status}", {"names": tuple(people)}),
        )

    return handler


def absent(state: MeetingState, command: Command, now: DateTime) -> Decision:
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
        (Notice("room.briefer_gone", {"names": tuple(orphans), "name": absentee}, "warning"),)
        if orphans
        else ()
    )
    return Decision(tuple(events), notice, also=also)
