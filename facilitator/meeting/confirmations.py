"""What a host command did, told back from the events it recorded.

Every command confirms itself in the status line (✓ ...). Most rules say so
with their own notice; for those that do not (``/speak``, ``/drop``, ``/done``
with nobody waiting) the room reads the confirmation off the events, so the
host never wonders whether a key or a line was taken. An undo says what it
took back (:func:`undid`), not only that it did.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from facilitator.core.i18n import listed, t
from facilitator.core.notice import Notice
from facilitator.meeting.events import (
    AttendanceMarked,
    EntryCaptured,
    EntryEdited,
    EntryRetracted,
    Event,
    SpeakerCalled,
    SpeakerFinished,
    SpeakerLimitSet,
    SpeakerMoved,
    SpeakerQueued,
    SpeakerRemoved,
    TopicExtended,
    TopicFinished,
    TopicPaused,
    TopicResumed,
    TopicSkipped,
    TopicsReordered,
    TopicStarted,
)
from facilitator.meeting.state import MeetingState


def confirmations(events: Sequence[Event]) -> tuple[Notice, ...]:
    """Notices saying what ``events`` did to the speakers, in the order they happened."""
    called = [e.person for e in events if isinstance(e, SpeakerCalled)]
    queued = [e.person for e in events if isinstance(e, SpeakerQueued)]
    removed = [e.person for e in events if isinstance(e, SpeakerRemoved)]
    notices: list[Notice] = []
    if any(isinstance(e, SpeakerFinished) for e in events) and not called:
        notices.append(Notice("room.speaker_finished"))
    notices += [Notice("room.speaker_called", {"name": name}) for name in called]
    if queued:
        notices.append(Notice("room.queued", {"names": tuple(queued)}))
    if removed:
        notices.append(Notice("room.dropped", {"names": tuple(removed)}))
    return tuple(notices)


E = TypeVar("E", bound=Event)


def _first(events: Sequence[Event], kind: type[E]) -> E | None:
    return next((e for e in events if isinstance(e, kind)), None)


def _names(events: Sequence[Event], kind: type[Event]) -> tuple[str, ...]:
    return tuple(getattr(e, "person", "") for e in events if isinstance(e, kind))


def _undone_what(events: Sequence[Event], state: MeetingState) -> str:
    """What a command did, in a few words, from its events (the state before the undo)."""
    if (captured := _first(events, EntryCaptured)) is not None:
        entry = state.entry(captured.seq)
        return t("undo.entry", number=entry.number if entry else "", text=captured.entry.text)
    if (edited := _first(events, EntryEdited)) is not None:
        corrected = state.entry(edited.target)
        return t("undo.edit", number=corrected.number if corrected else "")
    if _first(events, EntryRetracted) is not None:
        return t("undo.retract")
    if (skipped := _first(events, TopicSkipped)) is not None:
        return t("undo.skip", title=state.topic_title(skipped.topic))
    if (started := _first(events, TopicStarted)) is not None:
        return t("undo.topic", title=state.topic_title(started.topic))
    if (finished := _first(events, TopicFinished)) is not None:
        return t("undo.finish", title=state.topic_title(finished.topic))
    if (extended := _first(events, TopicExtended)) is not None:
        return t("undo.extend", minutes=extended.minutes)
    simple: dict[type[Event], str] = {
        TopicPaused: "undo.pause",
        TopicResumed: "undo.resume",
        TopicsReordered: "undo.reorder",
        SpeakerLimitSet: "undo.limit",
    }
    for kind, key in simple.items():
        if _first(events, kind) is not None:
            return t(key)
    people: dict[type[Event], str] = {
        SpeakerCalled: "undo.called",
        SpeakerQueued: "undo.queued",
        SpeakerMoved: "undo.moved",
        SpeakerRemoved: "undo.dropped",
        AttendanceMarked: "undo.marked",
    }
    for kind, key in people.items():
        if _first(events, kind) is not None:
            return t(key, names=listed(_names(events, kind)))
    if _first(events, SpeakerFinished) is not None:
        return t("undo.speaker_done")
    return ""


def undid(events: Sequence[Event], state: MeetingState) -> tuple[Notice, ...]:
    """What ``/undo`` (F9) took back: ``undone: entry 7 (Front end 80% done)``."""
    what = _undone_what(events, state)
    if not what:
        return (Notice("room.undone"),)
    return (Notice("room.undone_what", {"what": what}),)
