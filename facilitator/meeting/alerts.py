"""When the room is alerted: a topic near its end and at its end, the meeting's
last minutes, a speaker past their limit.

Conference clocks flash and sound at time-up; so does the room (and the
follow view on the projector). A threshold alerts once, at the moment it is
crossed: :func:`alerts_due` lists every threshold already crossed at an
instant, and :class:`AlertWatch` remembers which it has seen, so a screen
asks it on every tick and hears each one once, never again on a redraw,
and never for thresholds crossed before it started looking (a resumed room
does not ring for the past).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pendulum import DateTime

from facilitator.core.notice import Notice
from facilitator.core.zones import zone
from facilitator.meeting.phase import Phase, topic_phase
from facilitator.meeting.state import MeetingState

MEETING_END_MINUTES = 5
"""The meeting's last minutes before its planned end: the room is told once."""


@dataclass(frozen=True)
class Alert:
    """A threshold crossed: what it is about (``kind``), its identity and what to say."""

    kind: str
    """``topic_warning``, ``topic_over``, ``meeting_end`` or ``speaker_over``."""
    key: tuple[object, ...]
    """Tells one crossing from another: the topic and its allotted time (an
    ``/extend`` makes a new threshold), the turn and its limit."""
    notice: Notice

    @property
    def about_speaker(self) -> bool:
        return self.kind == "speaker_over"


def alerts_due(state: MeetingState, now: DateTime) -> tuple[Alert, ...]:
    """Every threshold crossed at ``now``, whether or not anyone was alerted yet."""
    if state.is_closed or state.in_opening:
        return ()
    due: list[Alert] = []
    current = state.current_topic
    if current is not None:
        phase = topic_phase(current, now, state.agenda.warning)
        title = current.topic.title
        allotted = current.allotted_seconds
        if phase.time in (Phase.WARNING, Phase.OVERRUN):
            minutes = f"{state.agenda.warning.seconds(allotted) / 60:g}"
            params = {"title": title, "minutes": minutes}
            notice = Notice("room.alert_topic_warning", params, "warning")
            due.append(Alert("topic_warning", ("warning", current.topic.id, allotted), notice))
        if phase.time is Phase.OVERRUN:
            notice = Notice("room.alert_topic_over", {"title": title}, "warning")
            due.append(Alert("topic_over", ("over", current.topic.id, allotted), notice))
    end = state.agenda.end
    if now >= end.subtract(minutes=MEETING_END_MINUTES):
        notice = Notice(
            "room.alert_meeting_end",
            # zone(): an agenda's zone may be a fixed offset ("+01:00"), which
            # pendulum takes for an unknown zone name.
            {"time": end.in_timezone(zone(state.agenda.timezone)).format("HH:mm")},
            "warning",
        )
        due.append(Alert("meeting_end", ("meeting_end",), notice))
    turn = state.speaker
    speaking = state.speaker_phase(now)
    if turn is not None and speaking is not None and speaking.time is Phase.OVERRUN:
        minutes = f"{speaking.limit / 60:g}"
        notice = Notice(
            "room.alert_speaker_over", {"name": turn.person, "minutes": minutes}, "warning"
        )
        key = ("speaker", turn.person, turn.started, speaking.limit)
        due.append(Alert("speaker_over", key, notice))
    return tuple(due)


def told(alerts: tuple[Alert, ...]) -> tuple[Notice, ...]:
    """What to say about alerts heard together: a topic that is over needs no word
    that it is nearly over."""
    over = any(alert.kind == "topic_over" for alert in alerts)
    return tuple(a.notice for a in alerts if not (over and a.kind == "topic_warning"))


@dataclass
class AlertWatch:
    """Which thresholds a screen has already been alerted to; :meth:`new` gives the rest."""

    seen: set[tuple[object, ...]] = field(default_factory=set)
    started: bool = False

    def new(self, state: MeetingState, now: DateTime) -> tuple[Alert, ...]:
        """The thresholds crossed since the last call (none on the first: the past is heard)."""
        due = alerts_due(state, now)
        fresh = tuple(alert for alert in due if alert.key not in self.seen)
        self.seen.update(alert.key for alert in due)
        if not self.started:
            self.started = True
            return ()
        return fresh
