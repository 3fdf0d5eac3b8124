"""What a host command did, told back from the events it recorded.

Every command confirms itself in the status line (✓ ...). Most rules say so
with their own notice; for those that do not (``/speak``, ``/drop``, ``/done``
with nobody waiting) the room reads the confirmation off the events, so the
host never wonders whether a key or a line was taken.
"""

from __future__ import annotations

from collections.abc import Sequence

from facilitator.core.notice import Notice
from facilitator.meeting.events import (
    Event,
    SpeakerCalled,
    SpeakerFinished,
    SpeakerQueued,
    SpeakerRemoved,
)


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
        notices.append(Notice("room.queued", {"names": ", ".join(queued)}))
    if removed:
        notices.append(Notice("room.dropped", {"names": ", ".join(removed)}))
    return tuple(notices)
