"""The top bar: the meeting's title, and its projected end against the planned end."""

from __future__ import annotations

from pendulum import DateTime
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

from facilitator.core.i18n import t
from facilitator.meeting.state import MeetingState
from facilitator.render.times import format_datetime, format_time

_DELTA = "\x00"
"""Where the drift goes in the catalogue's sentence: it is coloured on its own."""


def projection(state: MeetingState, now: DateTime) -> Text:
    """``Ends ~10:53 (planned 10:50) +3'`` / ``预计10:53结束（计划10:50，推迟3分钟）``:
    always in view, so the room sees drift early."""
    zone = state.agenda.timezone
    projected = state.projection(now)
    text = Text(no_wrap=True, overflow="ellipsis", justify="right")
    if not projected.same_day:
        planned = format_datetime(projected.planned, zone=zone)
        text.append(
            t(
                "room.projected_end",
                time=format_time(projected.end, zone),
                planned=planned,
                delta="",
            )
        )
        return text
    sentence = t(
        "room.projected_end",
        time=format_time(projected.end, zone),
        planned=format_time(projected.planned, zone),
        delta=_DELTA,
    )
    before, _, after = sentence.partition(_DELTA)
    text.append(before)
    delta = projected.delta_minutes
    if delta > 0:
        text.append(t("room.projected_late", minutes=delta), style="bold red")
    elif delta < 0:
        text.append(t("room.projected_early", minutes=-delta), style="bold green")
    text.append(after)
    return text


class MeetingBar(Horizontal):
    """Title on the left, projected end on the right."""

    def compose(self) -> ComposeResult:
        yield Static(id="bar-title")
        yield Static(id="bar-projection")

    def show(self, state: MeetingState, now: DateTime) -> None:
        title = Text(no_wrap=True, overflow="ellipsis")
        title.append(state.agenda.title, style="bold")
        if state.paused:
            title.append("  " + t("room.paused_short"), style="bold reverse")
        self.query_one("#bar-title", Static).update(title)
        self.query_one("#bar-projection", Static).update(projection(state, now))
