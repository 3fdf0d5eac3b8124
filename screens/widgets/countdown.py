"""The current topic's countdown, large enough to read across the room."""

from __future__ import annotations

from pendulum import DateTime
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Digits, Static

from facilitator.core.i18n import t
from facilitator.meeting.state import MeetingState
from facilitator.render.times import clock
from screens.widgets.bigclock import BigClock


def topic_heading(state: MeetingState) -> Text:
    """``2. Launch campaign plan  owner: Marta``, or that no topic is running."""
    current = state.current_topic
    if current is None:
        return Text(t("room.no_topic"), style="bold")
    return Text.assemble(
        (f"{state.position(current.topic.id)}. ", "bold"),
        (current.topic.title, "bold"),
        "  ",
        (t("room.owned_by", name=current.topic.owner), "dim"),
        overflow="ellipsis",
    )


class TopicClock(Vertical):
    """Digits counting down; +mm:ss once overrun; colour classes for the stylesheet."""

    def compose(self) -> ComposeResult:
        yield Static(id="topic-title")
        yield Digits("--:--", id="countdown")
        yield BigClock(id="big-countdown")
        yield Static(id="topic-status")

    def show(self, state: MeetingState, now: DateTime) -> None:
        title = self.query_one("#topic-title", Static)
        digits = self.query_one("#countdown", Digits)
        big = self.query_one("#big-countdown", BigClock)
        status = self.query_one("#topic-status", Static)
        current = state.current_topic
        self.set_class(False, "-warning", "-overrun", "-paused")
        title.update(topic_heading(state))
        if current is None:
            digits.update("--:--")
            big.update("--:--")
            status.update(t("room.closed_banner") if state.is_closed else t("room.hint_next"))
            return
        left = current.left(now)
        digits.update(clock(left))
        big.update(clock(left))
        self.set_class(current.is_warning(now), "-warning")
        self.set_class(current.is_overrun(now), "-overrun")
        self.set_class(state.paused, "-paused")
        if state.paused:
            status.update(t("room.paused_banner"))
        elif current.is_overrun(now):
            status.update(t("room.overrun_banner"))
        elif current.is_warning(now):
            status.update(t("room.warning_banner"))
        else:
            planned = current.topic.minutes + current.extra_minutes
            status.update(t("room.planned_minutes", minutes=planned))
