"""The agenda panel: topics in order, the current one marked, minutes allotted."""

from __future__ import annotations

from pendulum import DateTime
from rich.text import Text
from textual.widgets import Static

from facilitator.i18n import t
from facilitator.state import MeetingState
from facilitator.timefmt import format_time

_MARKS = {"pending": " ", "running": "▶", "paused": "‖", "done": "✓", "skipped": "–"}


class AgendaPanel(Static):
    """Numbered topics with planned (and extended) minutes; the current topic highlighted."""

    def show(self, state: MeetingState, now: DateTime) -> None:
        text = Text(no_wrap=False, overflow="fold")
        text.append(t("room.agenda"), style="bold")
        text.append("  " + format_time(state.agenda.start, state.agenda.timezone), style="dim")
        text.append("\n")
        for number, topic_state in enumerate(state.topics_in_order(), start=1):
            topic = topic_state.topic
            current = topic.id == state.current
            style = (
                "bold reverse"
                if current
                else ("dim" if topic_state.status in ("done", "skipped") else "")
            )
            text.append(f"{_MARKS[topic_state.status]}{number}. ", style=style)
            text.append(topic.title, style=style)
            text.append(f" {topic.minutes}'", style=(style + " italic").strip())
            if topic_state.extra_minutes:
                text.append(f"+{topic_state.extra_minutes}'", style="bold yellow")
            text.append("\n")
        self.update(text)
