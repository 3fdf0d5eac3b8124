"""The agenda panel: topics in order, the current one marked, minutes allotted."""

from __future__ import annotations

from pendulum import DateTime
from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from facilitator.core.i18n import t
from facilitator.meeting.state import MeetingState
from facilitator.render.times import format_time

_MARKS = {"pending": " ", "running": "▶", "paused": "‖", "done": "✓", "skipped": "–"}


class AgendaPanel(Static):
    """Numbered topics with planned (and extended) minutes; the current topic highlighted.

    A grid keeps long titles (Chinese ones have no spaces to break at) folded
    inside their own column, under the title rather than under the number.
    """

    def show(self, state: MeetingState, now: DateTime) -> None:
        heading = Text(no_wrap=True, overflow="ellipsis")
        heading.append(t("room.agenda"), style="bold")
        # The planned start: without a word it read as a clock that had stopped.
        start = format_time(state.agenda.start, state.agenda.timezone)
        heading.append("  " + t("room.agenda_from", time=start), style="dim")
        grid = Table.grid(padding=(0, 1), expand=True)
        grid.add_column(no_wrap=True)
        grid.add_column(ratio=1, overflow="fold")
        grid.add_column(no_wrap=True, justify="right")
        for number, topic_state in enumerate(state.topics_in_order(), start=1):
            topic = topic_state.topic
            current = topic.id == state.current
            style = (
                "bold reverse"
                if current
                else ("dim" if topic_state.status in ("done", "skipped") else "")
            )
            minutes = Text(f"{topic.minutes}'", style="italic")
            if topic_state.extra_minutes:
                minutes.append(f"+{topic_state.extra_minutes}'", style="bold yellow")
            grid.add_row(
                Text(f"{_MARKS[topic_state.status]}{number}.", style=style),
                Text(topic.title, style=style, overflow="fold"),
                minutes,
            )
        self.update(Group(heading, grid))
