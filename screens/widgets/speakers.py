"""Who speaks now, who waits, and how the departments share the time."""

from __future__ import annotations

from pendulum import DateTime
from rich.text import Text
from textual.widgets import Static

from facilitator.i18n import t
from facilitator.state import MeetingState
from facilitator.timefmt import clock


class SpeakerPanel(Static):
    """The current speaker with their running time, the queue, department shares."""

    def show(self, state: MeetingState, now: DateTime) -> None:
        text = Text(overflow="fold")
        text.append(t("room.speaking") + " ", style="bold")
        if state.speaker is not None:
            person = state.speaker.person
            text.append(person, style="bold")
            text.append(f" ({state.department_of(person)}) ", style="dim")
            text.append(clock(state.speaker.watch.elapsed(now)))
        else:
            text.append("—", style="dim")
        text.append("\n")
        text.append(t("room.waiting") + " ", style="bold")
        if state.queue:
            for index, person in enumerate(state.queue):
                if index:
                    text.append(", ")
                text.append(person)
        else:
            text.append("—", style="dim")
        totals = state.speaking_by_department(now, state.current)
        spoken = sum(totals.values())
        if spoken:
            text.append("\n")
            for index, (department, seconds) in enumerate(totals.items()):
                if index:
                    text.append("  ")
                text.append(department, style="dim")
                text.append(f" {seconds / spoken:.0%}")
        imbalance = state.imbalance(now)
        if imbalance is not None:
            text.append("\n")
            text.append(
                t(
                    "room.imbalance",
                    department=imbalance.department,
                    share=f"{imbalance.share:.0%}",
                    threshold=f"{imbalance.threshold:.0%}",
                ),
                style="bold red",
            )
        self.update(text)
