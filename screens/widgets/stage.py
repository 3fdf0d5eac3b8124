"""The projector's stage: who speaks and who is next, in letters read from the back.

On a tall terminal the room and the follow view draw the speaker's name and
the next one's in block letters (:mod:`screens.widgets.blockfont`) in the
rows the countdown leaves, the speaker's own time beside the name. The
screen gives the stage its rows (:attr:`SpeakerStage.budget`); the names take
the largest size that fits, the speaker's larger than the next one's.
"""

from __future__ import annotations

from pendulum import DateTime
from rich.text import Text
from textual.geometry import Size as Area
from textual.reactive import reactive
from textual.widget import Widget

from facilitator.core.i18n import t
from facilitator.meeting.phase import Phase
from facilitator.meeting.requests import Request
from facilitator.meeting.state import MeetingState
from facilitator.render.speakers import request_words, speaker_clock
from screens.widgets.blockfont import Size, fit, render

DEFAULT_BUDGET = 12
"""Rows before the screen has measured the space (the first frame)."""
SPEAKER_SHARE = 2 / 3
"""Of the rows for names, the most the speaker's takes while someone waits."""
NAME_STYLES = {Phase.WARNING: "yellow", Phase.OVERRUN: "red"}


class SpeakerStage(Widget):
    """``Speaking`` and the name large; ``Next`` and the next name, smaller."""

    DEFAULT_CSS = """
    SpeakerStage {
        height: auto;
        display: none;
    }
    """

    budget: reactive[int] = reactive(0, layout=True)

    def __init__(self, id: str | None = None) -> None:
        super().__init__(id=id)
        self.speaker = ""
        self.next = ""
        self.speaker_label = Text()
        self.next_label = Text()
        self.name_style = ""
        self.shown_next = 0
        """How many of the queue the stage shows (the speaker panel lists the rest)."""

    def show(self, state: MeetingState, now: DateTime) -> None:
        """Take the speaker and the next in the queue from ``state`` at ``now``."""
        turn = state.speaker
        self.speaker = turn.person if turn is not None else ""
        self.next = state.queue[0] if state.queue else ""
        self.shown_next = 1 if self.next else 0
        label = Text(no_wrap=True, overflow="ellipsis")
        label.append(t("stage.speaking"), style="bold underline")
        clock = speaker_clock(state, now)
        self.name_style = ""
        if turn is not None and clock is not None:
            label.append("  " + turn.person, style="bold")
            label.append(f"  {state.department_of(turn.person)}  ", style="dim")
            label.append(clock.elapsed, style="bold")
            if clock.time is not None:
                style = NAME_STYLES.get(clock.time, "green")
                label.append("  ")
                label.append(clock.countdown, style=f"bold {style}")
                label.append(" " + clock.limit, style="dim")
                self.name_style = NAME_STYLES.get(clock.time, "")
            asked = request_words(Request(turn.request, turn.reason))
            if asked:
                label.append("  " + t("room.request_tag", request=asked), style="italic")
            if turn.briefs_for:
                label.append("  " + t("balance.reports_for", owner=turn.briefs_for), style="italic")
        else:
            label.append("  —", style="dim")
        self.speaker_label = label
        following = Text(no_wrap=True, overflow="ellipsis")
        following.append(t("stage.next"), style="bold underline")
        if self.next:
            following.append("  " + self.next, style="bold")
            following.append(f"  {state.department_of(self.next)}", style="dim")
            asked = request_words(state.request_of(self.next))
            if asked:
                following.append("  " + t("room.request_tag", request=asked), style="bold yellow")
        else:
            following.append("  —", style="dim")
        self.next_label = following
        self.refresh(layout=True)

    def rows(self, width: int, budget: int) -> int:
        """The rows the stage takes in ``width`` cells when given ``budget`` rows."""
        speaker, following = self.sizes(width, budget)
        return 2 + sum(size.rows for size in (speaker, following) if size is not None)

    def sizes(self, width: int, budget: int | None = None) -> tuple[Size | None, Size | None]:
        """How large the speaker's and the next one's names are drawn in ``width`` cells."""
        budget = budget if budget is not None else self.budget or DEFAULT_BUDGET
        rows = max(0, budget - 2)  # two label lines
        speaker = None
        if self.speaker:
            most = int(rows * SPEAKER_SHARE) if self.next else rows
            speaker = fit(self.speaker, width, max(1, most))
            rows -= speaker.rows
        following = fit(self.next, width, max(1, rows)) if self.next else None
        if following is not None and speaker is not None and following.rows > speaker.rows:
            following = fit(self.next, width, speaker.rows)
        return speaker, following

    def get_content_height(self, container: Area, viewport: Area, width: int) -> int:
        return self.rows(width, self.budget or DEFAULT_BUDGET)

    def render(self) -> Text:
        width = self.content_size.width
        speaker, following = self.sizes(width)
        # One row each, whatever the width: the rows were counted for the names.
        for label in (self.speaker_label, self.next_label):
            label.truncate(width, overflow="ellipsis")
        text = Text(no_wrap=True, overflow="crop")
        text.append_text(self.speaker_label)
        if speaker is not None:
            text.append("\n")
            text.append_text(render(self.speaker, speaker, self.name_style or "bold"))
        text.append("\n")
        text.append_text(self.next_label)
        if following is not None:
            text.append("\n")
            text.append_text(render(self.next, following, "dim"))
        return text
