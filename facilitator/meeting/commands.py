"""What a host command does: the rules that turn a command into events.

``decide`` is pure: the state before, the command, the instant; out come the
events to record (or a :class:`Refusal` saying why not).
"""

from __future__ import annotations

from dataclasses import replace

from pendulum import DateTime

from facilitator.core.notice import Notice
from facilitator.meeting import people
from facilitator.meeting.agenda import ALERT_MODES
from facilitator.meeting.decision import Command, Decision, Refusal
from facilitator.meeting.events import (
    ActionUndone,
    AlertsSet,
    AttendanceMarked,
    Entry,
    EntryCaptured,
    EntryEdited,
    EntryRetracted,
    Event,
    SpeakerCalled,
    SpeakerFinished,
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
from facilitator.meeting.state import MeetingState, TopicState

DEFAULT_EXTEND_MINUTES = 5
"""What ``/extend`` (and F4) adds to the current topic when no number is given."""
MAX_EXTEND_MINUTES = 240
"""The most one ``/extend`` may add: more is a typo, not a plan."""


def said_by(state: MeetingState, entry: Entry, speaker: str | None) -> str:
    """Who said a point: the person named on the line (``@Li:``; "" for ``-:``),
    else whoever is speaking. Other entries belong to the room, not to a speaker."""
    if speaker is not None:
        return speaker
    if entry.kind != "point" or state.speaker is None:
        return ""
    return state.speaker.person


def capture(
    state: MeetingState, entry: Entry, now: DateTime, speaker: str | None = None
) -> Decision:
    """Record a captured line under the current topic, said by ``speaker``
    (None: whoever is speaking, see :func:`said_by`)."""
    if state.is_closed:
        raise Refusal("room.closed")
    said = replace(entry, topic=state.current, speaker=said_by(state, entry, speaker))
    return Decision((EntryCaptured(at=now, entry=said),))


def edit(
    state: MeetingState, seq: int, entry: Entry, now: DateTime, speaker: str | None = None
) -> Decision:
    """Replace a captured entry (kept under its topic, and said by whoever said it
    unless the corrected line names someone else) by a corrected one."""
    if state.is_closed:
        raise Refusal("room.closed")
    old = state.entry(seq)
    if old is None:
        raise Refusal("room.entry_gone")
    said = old.entry.speaker if speaker is None else speaker
    if entry.kind != "point" and speaker is None:
        said = ""
    corrected = replace(entry, topic=old.entry.topic, speaker=said)
    return Decision(
        (EntryEdited(at=now, target=seq, entry=corrected),),
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
        raise Refusal("room.absentee_without_briefer", names=tuple(missing))


def _start(state: MeetingState, topic: TopicState, now: DateTime) -> list[Event]:
    """Start a topic; its owner reports first, or, if absent, the one who briefs them.

    The first topic closes the roll call: whoever it has not reached is marked
    present, as the minutes would otherwise assume without a word (the room
    says who, see :func:`_start_notices`).
    """
    _roll_call_done(state)
    events: list[Event] = []
    if state.in_opening:
        events += [AttendanceMarked(at=now, person=p, status="present") for p in state.unmarked()]
    events.append(TopicStarted(at=now, topic=topic.topic.id))
    owner = topic.topic.owner
    absent = state.attendance.get(owner)
    if owner and not (absent and absent.status == "absent"):
        events.append(SpeakerCalled(at=now, person=owner))
    elif absent and absent.briefer:
        events.append(SpeakerCalled(at=now, person=absent.briefer))
    return events


def _started(state: MeetingState, topic: TopicState, events: list[Event]) -> Decision:
    """The decision that starts ``topic`` with ``events``: the room is told the topic,
    who reports for an absent owner, and who the roll call marked present."""
    also: list[Notice] = []
    owner = topic.topic.owner
    absent = state.attendance.get(owner)
    if owner and absent is not None and absent.status == "absent":
        if absent.briefer:
            also.append(Notice("room.briefer_reports", {"name": absent.briefer, "owner": owner}))
        else:
            also.append(Notice("room.owner_absent", {"owner": owner}, "warning"))
    marked = [e.person for e in events if isinstance(e, AttendanceMarked)]
    if marked:
        also.append(Notice("room.unmarked_present", {"names": tuple(marked)}, "warning"))
    return Decision(
        tuple(events), Notice("room.topic_started", {"title": topic.topic.title}), also=tuple(also)
    )


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
        return _started(state, upcoming, _start(state, upcoming, now))
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
    return _started(state, target, [*_leave(state, now), *_start(state, target, now)])


def _goto(state: MeetingState, command: Command, now: DateTime) -> Decision:
    target = _topic_at(state, command.number or 0)
    if target.topic.id == state.current:
        raise Refusal("room.already_current", title=target.topic.title)
    return _started(state, target, [*_leave(state, now), *_start(state, target, now)])


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
    minutes = command.number or DEFAULT_EXTEND_MINUTES
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
    skipped_notice = Notice("room.skipped", {"title": skipped.topic.title})
    if upcoming is None:
        return Decision(tuple(events), skipped_notice)
    started = _started(state, upcoming, [*events, *_start(state, upcoming, now)])
    return Decision(started.events, skipped_notice, also=started.notices)


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
        if number in state.undone:
            raise Refusal("room.already_undone", number=number)
        raise Refusal("room.no_such_entry", number=number)
    return Decision(
        (EntryRetracted(at=now, target=target.seq),),
        Notice("room.retracted_entry", {"number": number, "text": target.entry.text}),
    )


def _alerts(state: MeetingState, command: Command, now: DateTime) -> Decision:
    """``/alerts bell|flash|off``; alone, the next of the three (a toggle for the room)."""
    if command.args:
        mode = command.args[0]
    else:
        mode = ALERT_MODES[(ALERT_MODES.index(state.alerts) + 1) % len(ALERT_MODES)]
    if mode not in ALERT_MODES:
        raise Refusal("room.bad_alerts", mode=mode)
    return Decision((AlertsSet(at=now, mode=mode),), Notice(f"room.alerts_{mode}"))


def _theme(state: MeetingState, command: Command, now: DateTime) -> Decision:
    """The screen's theme, kept with the meeting (Ctrl+T)."""
    theme = command.args[0] if command.args else ""
    if not theme:
        raise Refusal("room.no_theme")
    said = "room.theme_projector" if theme == "projector" else "room.theme_default"
    return Decision((ThemeChosen(at=now, theme=theme),), Notice(said))


_HANDLERS = {
    "next": _next,
    "back": _back,
    "goto": _goto,
    "pause": _pause,
    "resume": _resume,
    "extend": _extend,
    "skip": _skip,
    "move": _move,
    "speak": people.speak,
    "limit": people.limit,
    "alerts": _alerts,
    "theme": _theme,
    "call": people.call,
    "done": people.done,
    "queue": people.queue,
    "drop": people.drop,
    "present": people.mark("present"),
    "late": people.mark("late"),
    "absent": people.absent,
    "undo": _undo,
    "retract": _retract,
    "close": _close,
}
