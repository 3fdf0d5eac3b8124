"""Everything that happens in the room is an event; the journal keeps them all.

Events are frozen dataclasses. ``at`` is when it happened (UTC); ``seq`` is
the journal's number for it, given when it is written (0 before). Undo and
retraction are events of their own, so the history stays complete.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar, Literal

from pendulum import Date, DateTime

from facilitator.meeting.agenda import Agenda

EntryKind = Literal[
    "point", "decision", "action", "unresolved", "dispute", "progress", "risk", "proposal"
]
ENTRY_KINDS: tuple[EntryKind, ...] = (
    "point",
    "decision",
    "action",
    "unresolved",
    "dispute",
    # The topic owner's report, under the template's three headings
    # (当前进展, 风险点, 建议): the minutes list them in that order.
    "progress",
    "risk",
    "proposal",
)
AttendanceStatus = Literal["present", "absent", "late"]


@dataclass(frozen=True)
class Side:
    """One party's position in a dispute."""

    party: str
    position: str


@dataclass(frozen=True)
class Entry:
    """A captured line: a point, decision, task, open item or dispute,
    or a part of the topic owner's report (progress, risk, proposal).

    ``text`` is the cleaned text (for an action: the task itself); ``raw`` is
    exactly what was typed, kept so nothing typed is ever lost.
    """

    kind: EntryKind
    text: str
    topic: str | None = None
    owner: str = ""
    due: Date | None = None
    sides: tuple[Side, ...] = ()
    raw: str = ""
    speaker: str = ""
    """Who said it: the person speaking when a point was typed, or the one named
    with ``@Name:`` at the start of the line; empty for nobody (``-:``)."""


@dataclass(frozen=True, kw_only=True)
class Event:
    """Base of all events."""

    kind: ClassVar[str] = "event"
    at: DateTime
    seq: int = 0
    group: int = 0
    """The seq of the first event of the command that made this one: undo
    takes back a whole command (``/done`` both ends a turn and calls the next)."""


def _event(kind: str) -> Callable[[type[Event]], type[Event]]:
    def register(cls: type[Event]) -> type[Event]:
        cls.kind = kind
        EVENT_TYPES[kind] = cls
        return cls

    return register


EVENT_TYPES: dict[str, type[Event]] = {}


@_event("meeting_created")
@dataclass(frozen=True, kw_only=True)
class MeetingCreated(Event):
    agenda: Agenda


@_event("meeting_opened")
@dataclass(frozen=True, kw_only=True)
class MeetingOpened(Event):
    """The host opened the meeting in the room (goal, agenda, rules on screen)."""


@_event("attendance_marked")
@dataclass(frozen=True, kw_only=True)
class AttendanceMarked(Event):
    person: str
    status: AttendanceStatus
    briefer: str = ""


@_event("topic_started")
@dataclass(frozen=True, kw_only=True)
class TopicStarted(Event):
    topic: str


@_event("topic_left")
@dataclass(frozen=True, kw_only=True)
class TopicLeft(Event):
    """The room went to another topic before finishing this one (``/back``, ``/goto``).

    Unlike ``/next`` it does not conclude the topic: it stays as it was
    (pending, if it had not been finished), keeps the time it used, and its
    countdown goes on from there when the room comes back to it.
    """

    topic: str


@_event("topic_paused")
@dataclass(frozen=True, kw_only=True)
class TopicPaused(Event):
    pass


@_event("topic_resumed")
@dataclass(frozen=True, kw_only=True)
class TopicResumed(Event):
    pass


@_event("topic_extended")
@dataclass(frozen=True, kw_only=True)
class TopicExtended(Event):
    topic: str
    minutes: int


@_event("topic_skipped")
@dataclass(frozen=True, kw_only=True)
class TopicSkipped(Event):
    topic: str


@_event("topic_finished")
@dataclass(frozen=True, kw_only=True)
class TopicFinished(Event):
    topic: str


@_event("topics_reordered")
@dataclass(frozen=True, kw_only=True)
class TopicsReordered(Event):
    order: tuple[str, ...]


@_event("speaker_queued")
@dataclass(frozen=True, kw_only=True)
class SpeakerQueued(Event):
    """A request to speak: ``request`` is its kind (see :mod:`facilitator.meeting.requests`)
    and places it in the queue; queued again, a waiting person's request changes."""

    person: str
    request: str = "new"
    reason: str = ""


@_event("speaker_called")
@dataclass(frozen=True, kw_only=True)
class SpeakerCalled(Event):
    """``request``/``reason``: what the turn is for when called at once; empty
    when called from the queue (the request made there counts)."""

    person: str
    request: str = ""
    reason: str = ""


@_event("speaker_finished")
@dataclass(frozen=True, kw_only=True)
class SpeakerFinished(Event):
    pass


@_event("speaker_moved")
@dataclass(frozen=True, kw_only=True)
class SpeakerMoved(Event):
    """A waiting speaker moved to ``position`` (1 = next) in the queue."""

    person: str
    position: int


@_event("speaker_removed")
@dataclass(frozen=True, kw_only=True)
class SpeakerRemoved(Event):
    person: str


@_event("speaker_limit_set")
@dataclass(frozen=True, kw_only=True)
class SpeakerLimitSet(Event):
    """The time each turn may take from now on (``/limit N``); 0 for no limit."""

    seconds: int


@_event("alerts_set")
@dataclass(frozen=True, kw_only=True)
class AlertsSet(Event):
    """How the room is alerted at a threshold: ``bell`` (and flash), ``flash`` or ``off``."""

    mode: str


@_event("theme_chosen")
@dataclass(frozen=True, kw_only=True)
class ThemeChosen(Event):
    """The screen's theme (Ctrl+T), kept with the meeting so a resumed room looks the same."""

    theme: str


@_event("entry_captured")
@dataclass(frozen=True, kw_only=True)
class EntryCaptured(Event):
    entry: Entry


@_event("entry_edited")
@dataclass(frozen=True, kw_only=True)
class EntryEdited(Event):
    target: int
    entry: Entry


@_event("entry_retracted")
@dataclass(frozen=True, kw_only=True)
class EntryRetracted(Event):
    target: int


@_event("action_undone")
@dataclass(frozen=True, kw_only=True)
class ActionUndone(Event):
    """Compensates the events ``targets`` (one command): the fold skips them."""

    targets: tuple[int, ...]


@_event("meeting_closed")
@dataclass(frozen=True, kw_only=True)
class MeetingClosed(Event):
    pass
