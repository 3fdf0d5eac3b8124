"""The follow view's countdown: block digits filling the space the projector gives them.

The room draws its block clock only on a tall terminal and scales it by
width alone. A second screen has nothing more important to show than the
time, so here the digits also grow in height into the rows the rest leaves
free: at 100x30 they stand ten rows tall instead of five.
"""

from __future__ import annotations

from pendulum import DateTime
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.geometry import Size
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Static

from facilitator.meeting.phase import Phase, topic_phase
from facilitator.meeting.state import MeetingState
from facilitator.render.banners import meeting_banner
from facilitator.render.times import clock
from screens.widgets.bigclock import MAX_SCALE, ROWS, WIDEST, pixel_width, render_blocks
from screens.widgets.countdown import topic_heading


def block_scales(value: str, width: int, height: int) -> tuple[int, int]:
    """(across, down) scale of the digits that fits ``width`` x ``height`` cells.

    Across is sized for the widest value ("+00:00") so the clock keeps its
    size when the topic overruns; down may reach twice across (tall digits
    read well) but no more, so they never turn into thin bars.
    """
    pixels = max(pixel_width(WIDEST), pixel_width(value))
    across = max(1, min(MAX_SCALE, width // (2 * pixels)))
    down = max(1, min(2 * across, height // ROWS))
    return across, down


class StretchClock(Widget):
    """Block digits as wide as the widget and ``down`` times as tall as the font.

    The follow screen sets ``down`` to what its free rows allow (see
    :meth:`screens.follow.FollowScreen.fit_clock`); across follows the width.
    """

    value: reactive[str] = reactive("--:--")
    down: reactive[int] = reactive(1, layout=True)

    def scales(self, width: int) -> tuple[int, int]:
        return block_scales(self.value, width, ROWS * self.down)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return ROWS * self.scales(width)[1]

    def render(self) -> Text:
        return render_blocks(self.value, *self.scales(self.content_size.width))

    def update(self, value: str) -> None:
        self.value = value


class FollowClock(Vertical):
    """The topic, its countdown (+mm:ss once overrun) and what the room is doing."""

    def compose(self) -> ComposeResult:
        yield Static(id="topic-title")
        yield StretchClock(id="big-countdown")
        yield Static(id="topic-status")

    @property
    def value(self) -> str:
        """The time shown, as text (``12:34``, ``+01:00``, ``--:--``)."""
        return self.query_one("#big-countdown", StretchClock).value

    def show(self, state: MeetingState, now: DateTime) -> None:
        title = self.query_one("#topic-title", Static)
        big = self.query_one("#big-countdown", StretchClock)
        current = state.current_topic
        title.update(topic_heading(state))
        phase = None if current is None else topic_phase(current, now, state.agenda.warning)
        big.update("--:--" if phase is None else clock(phase.left))
        self.set_class(phase is not None and phase.time is Phase.WARNING, "-warning")
        self.set_class(phase is not None and phase.time is Phase.OVERRUN, "-overrun")
        self.set_class(phase is not None and phase.phase is Phase.PAUSED, "-paused")
        self.query_one("#topic-status", Static).update(meeting_banner(state, now, audience=True))
