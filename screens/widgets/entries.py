"""The entries captured so far, newest last, each with its kind."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from facilitator.events import Entry
from facilitator.i18n import t
from facilitator.state import MeetingState
from facilitator.timefmt import format_date

KIND_STYLES = {
    "point": "",
    "decision": "bold green",
    "action": "bold cyan",
    "unresolved": "bold yellow",
    "dispute": "bold magenta",
}


def describe(entry: Entry) -> Text:
    """One entry as a line of plain (never markup) text."""
    line = Text(overflow="fold")
    line.append(t(f"kind.{entry.kind}"), style=KIND_STYLES[entry.kind])
    line.append(" ")
    if entry.kind == "dispute" and entry.sides:
        for index, side in enumerate(entry.sides):
            if index:
                line.append(" | ", style="dim")
            if side.party:
                line.append(side.party + ": ", style="bold")
            line.append(side.position)
    else:
        line.append(entry.text)
    if entry.owner:
        line.append(f"  @{entry.owner}", style="bold")
    if entry.due:
        line.append(f"  {format_date(entry.due)}", style="italic")
    return line


class EntryLog(Static):
    """The last entries, numbered as ``/retract N`` expects."""

    def show(self, state: MeetingState, limit: int = 50) -> None:
        text = Text(overflow="fold")
        entries = list(enumerate(state.entries, start=1))[-limit:]
        if not entries:
            text.append(t("room.no_entries"), style="dim")
        for index, (number, captured) in enumerate(entries):
            if index:
                text.append("\n")
            text.append(f"{number:>2} ", style="dim")
            text.append_text(describe(captured.entry))
        self.update(text)
