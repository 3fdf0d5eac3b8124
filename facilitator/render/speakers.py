"""Who speaks and who waits, in words: a request's kind, a turn's own countdown.

The room's speaker panel, its projector stage and the follow view show the
same queue with the same words (``point of order``, ``回应``) and the same
speaker clock; they are built here once.
"""

from __future__ import annotations

from dataclasses import dataclass

from pendulum import DateTime

from facilitator.core.i18n import t
from facilitator.meeting.phase import Phase
from facilitator.meeting.requests import NEW, Request
from facilitator.meeting.state import MeetingState
from facilitator.render.times import clock


def request_words(request: Request, language: str | None = None) -> str:
    """``point of order``, ``question: about the budget``; "" for a plain new point."""
    kind = "" if request.kind == NEW else t(f"request.{request.kind}", language=language)
    if kind and request.reason:
        return t("minutes.labelled", language=language, label=kind, value=request.reason)
    return kind or request.reason


@dataclass(frozen=True)
class SpeakerClock:
    """A turn's time as shown beside the speaker: elapsed, and its own countdown."""

    elapsed: str
    """``01:12``: how long the turn has run."""
    countdown: str
    """``00:48 left`` / ``over by 00:15``; "" without a limit per turn."""
    limit: str
    """``of 2 min``; "" without a limit."""
    time: Phase | None
    """Running, warning or overrun against the limit; None without one."""


def speaker_clock(state: MeetingState, now: DateTime) -> SpeakerClock | None:
    """The current speaker's clock, or None when nobody speaks."""
    if state.speaker is None:
        return None
    elapsed = clock(state.speaker.watch.elapsed(now))
    phase = state.speaker_phase(now)
    if phase is None:
        return SpeakerClock(elapsed, "", "", None)
    if phase.time is Phase.OVERRUN:
        countdown = t("room.speaker_over", time=clock(phase.over))
    else:
        countdown = t("room.speaker_left", time=clock(phase.left))
    limit = t("room.speaker_limit", minutes=f"{phase.limit / 60:g}")
    return SpeakerClock(elapsed, countdown, limit, phase.time)
