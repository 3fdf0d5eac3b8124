"""The agenda panel: topics in order, the current one marked, the projected end."""

from __future__ import annotations

from pendulum import DateTime
from rich.text import Text
from textual.widgets import Static

from facilitator.i18n import t
from facilitator.state import MeetingState
from facilitator.timefmt import format_time

_MARKS = {"pending": " ", "running": "▶", "paused": "‖", "done": "✓", "skipped": "–"}


class AgendaPanel(Static):
    """Numbered topics with planned minutes; the current topic highlighted."""

    def show(self, state: MeetingState, now: DateTime) -> None:
        text = Text(no_wrap=False, overflow="fold")
        text.append(t("room.agenda") + "\n", style="bold")
        for number, topic_state in enumerate(state.topics_in_order(), start=1):
            topic = topic_state.topic
            current = topic.id == state.current
            style = (
                "bold reverse"
                if current
                else ("dim" if topic_state.status in ("done", "skipped") else "")
            )
            minutes = topic.minutes + topic_state.extra_minutes
            text.append(f"{_MARKS[topic_state.status]} {number}. ", style=style)
            text.append(topic.title, style=style)
            text.append(f" {minutes}'\n", style=style + " italic" if style else "italic")
        zone = state.agenda.timezone
        projected = state.projected_end(now)
        delta = round(state.projected_overrun(now) / 60)
        text.append("\n")
        text.append(
            t(
                "room.projected_end",
                time=format_time(projected, zone),
                planned=format_time(state.agenda.end, zone),
            )
        )
        if delta > 0:
            text.append(f" +{delta}'", style="bold red")
        elif delta < 0:
            text.append(f" {delta}'", style="green")
        self.update(text)
