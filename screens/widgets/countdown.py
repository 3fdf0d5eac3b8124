"""The current topic's countdown, large enough to read across the room."""

from __future__ import annotations

from pendulum import DateTime
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Digits, Static

from facilitator.core.i18n import t
from facilitator.meeting.phase import Phase, topic_phase
from facilitator.meeting.state import MeetingState
from facilitator.render.banners import meeting_banner
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
        status.update(meeting_banner(state, now))
        if current is None:
            digits.update("--:--")
            big.update("--:--")
            return
        phase = topic_phase(current, now, state.agenda.warning)
        digits.update(clock(phase.left))
        big.update(clock(phase.left))
        # The digits keep the colour of the time; a pause mutes them on top (see room.tcss).
        self.set_class(phase.time is Phase.WARNING, "-warning")
        self.set_class(phase.time is Phase.OVERRUN, "-overrun")
        self.set_class(phase.phase is Phase.PAUSED, "-paused")
