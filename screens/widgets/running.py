"""The running topic's column: the countdown, the speaker stage, the speakers.

On a tall terminal (a projector) the column's free rows are shared between
the countdown and the stage's block-letter names (:meth:`RunningPanel.fit`),
so nothing is left empty under a clock that is read from the back.
"""

from __future__ import annotations

from pendulum import DateTime
from textual.app import ComposeResult
from textual.containers import Vertical

from facilitator.meeting.alerts import Alert
from facilitator.meeting.state import MeetingState
from screens.widgets.bigclock import ROWS, BigClock
from screens.widgets.countdown import TopicClock
from screens.widgets.flash import flash
from screens.widgets.speakers import SpeakerPanel
from screens.widgets.stage import SpeakerStage


class RunningPanel(Vertical):
    """Topic clock, then (staged) the speaker and the next one large, then the queue."""

    def compose(self) -> ComposeResult:
        yield TopicClock(id="clock")
        yield SpeakerStage(id="stage")
        yield SpeakerPanel(id="speakers")

    def show(self, state: MeetingState, now: DateTime, shares: bool, staged: bool) -> None:
        """Draw ``state`` at ``now``; ``staged``: on a projector, the names large."""
        self.query_one("#clock", TopicClock).show(state, now)
        stage = self.query_one("#stage", SpeakerStage)
        if staged:
            stage.show(state, now)
            self.call_after_refresh(self.fit)
        first = stage.shown_next if staged else 0
        speakers = self.query_one("#speakers", SpeakerPanel)
        speakers.show(state, now, shares=shares, speaker=not staged, first=first)

    def on_resize(self) -> None:
        self.call_after_refresh(self.fit)

    def fit(self) -> None:
        """Share the free rows between the countdown and the stage: the clock up to
        half of them (its digits stand at most twice as tall as wide), the names the rest."""
        big = self.query_one("#big-countdown", BigClock)
        stage = self.query_one("#stage", SpeakerStage)
        if not stage.display or not self.content_size.height or not big.size.width:
            return
        # Rows the column uses now, margins included, less what the clock and the
        # names take: what is left is theirs to share.
        shown = [child for child in self.children if child.display]
        bottom = max(child.region.bottom + child.styles.margin.bottom for child in shown)
        used = bottom - self.content_region.y
        free = self.content_size.height - used + big.size.height + stage.size.height
        width = big.size.width
        clock_rows = max(ROWS, free // 2)
        budget = max(2, free - ROWS * big.down(width, clock_rows))
        # Names that need fewer rows (a short one, a Chinese one on its band) leave
        # the rest to the clock.
        clock_rows = max(clock_rows, free - stage.rows(stage.size.width or width, budget))
        budget = max(2, free - ROWS * big.down(width, clock_rows))
        if big.max_rows != clock_rows:
            big.max_rows = clock_rows
        if stage.budget != budget:
            stage.budget = budget

    def flash(self, alerts: tuple[Alert, ...]) -> None:
        """Flash what the alerts are about: the clock, or the speaker."""
        if any(not alert.about_speaker for alert in alerts):
            flash(self.query_one("#clock", TopicClock))
        if any(alert.about_speaker for alert in alerts):
            flash(self.query_one("#stage", SpeakerStage))
            flash(self.query_one("#speakers", SpeakerPanel))
