"""The line under a countdown: a topic's phase in words, in the current language.

Two readers see it. The host at the room gets the keys that act on it
("F3 or /resume"); the people watching a projector or a notebook have no keys
to press, so they read what is happening instead (``audience=True``). The
phase itself is decided once, by :mod:`facilitator.meeting.phase`.
"""

from __future__ import annotations

from pendulum import DateTime

from facilitator.core.i18n import t
from facilitator.meeting.phase import Phase, TopicPhase, topic_phase
from facilitator.meeting.state import MeetingState

_HOST = {
    Phase.PAUSED: "room.paused_banner",
    Phase.OVERRUN: "room.overrun_banner",
    Phase.WARNING: "room.warning_banner",
}
_AUDIENCE = {
    Phase.PAUSED: "follow.paused",
    Phase.OVERRUN: "follow.overrun",
    Phase.WARNING: "room.warning_banner",
}


def topic_banner(phase: TopicPhase, audience: bool = False) -> str:
    """The banner of a topic in ``phase``: paused, overrun, warning, else its planned time.

    The planned time counts every ``/extend``: it is the time the countdown
    runs down from.
    """
    key = (_AUDIENCE if audience else _HOST).get(phase.phase)
    if key is None:
        return t("room.planned_minutes", minutes=phase.allotted_minutes)
    return t(key, minutes=f"{phase.warning / 60:g}")


def meeting_banner(state: MeetingState, now: DateTime, audience: bool = False) -> str:
    """The banner under the countdown for the meeting as it stands at ``now``.

    Between topics the host is told how to start the next one; the audience,
    whether the meeting has yet to begin or is between topics.
    """
    if state.is_closed:
        return t("room.closed_banner")
    current = state.current_topic
    if current is None:
        if not audience:
            return t("room.hint_next")
        return t("follow.waiting") if state.in_opening else t("follow.between_topics")
    return topic_banner(topic_phase(current, now, state.agenda.warning), audience)
