"""The closing summary: decisions, disputes, open items and tasks, to confirm."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from facilitator.i18n import t
from facilitator.minutes import Minutes
from facilitator.timefmt import format_date


def summary_text(minutes: Minutes) -> Text:
    """The summary the room confirms, as plain text (names never read as markup)."""
    text = Text(overflow="fold")

    def heading(key: str, count: int) -> None:
        if text:
            text.append("\n\n")
        text.append(f"{t(key)} ({count})", style="bold underline")

    def none() -> None:
        text.append("\n  " + t("minutes.none"), style="dim")

    heading("minutes.decisions", len(minutes.decisions))
    for _topic, decision in minutes.decisions:
        text.append("\n  • ")
        text.append(decision)
    if not minutes.decisions:
        none()
    disputes = [d for section in (minutes.general, *minutes.topics) for d in section.disputes]
    heading("minutes.disputes", len(disputes))
    for dispute in disputes:
        text.append("\n  • ")
        if dispute.sides:
            text.append(
                " | ".join(
                    f"{s.party}: {s.position}" if s.party else s.position for s in dispute.sides
                )
            )
        else:
            text.append(dispute.text)
    if not disputes:
        none()
    heading("minutes.open_items", len(minutes.open_items))
    for item in minutes.open_items:
        text.append("\n  • ")
        text.append(item.text)
        text.append(f" — {item.owner or t('summary.no_owner')}", style="bold")
        text.append(f", {format_date(item.deadline) if item.deadline else t('summary.no_date')}")
    if not minutes.open_items:
        none()
    heading("minutes.tasks", len(minutes.tasks))
    for task in minutes.tasks:
        text.append("\n  • ")
        text.append(task.title)
        text.append(f" — {task.owner or t('summary.no_owner')}", style="bold")
        text.append(f", {format_date(task.due) if task.due else t('summary.no_date')}")
    if not minutes.tasks:
        none()
    return text


class ClosingScreen(ModalScreen[bool]):
    """Answers True when the room confirms the summary, False to go back."""

    BINDINGS = [Binding("escape", "cancel", t("closing.back"))]

    def __init__(self, minutes: Minutes) -> None:
        super().__init__()
        self.minutes = minutes

    def compose(self) -> ComposeResult:
        with Vertical(id="closing"):
            yield Static(
                Text(t("closing.title", title=self.minutes.agenda.title), style="bold"),
                id="closing-title",
            )
            with VerticalScroll(id="closing-body"):
                yield Static(summary_text(self.minutes), id="closing-summary")
            with Horizontal(id="closing-buttons"):
                yield Button(t("closing.confirm"), variant="success", id="confirm")
                yield Button(t("closing.back"), id="cancel")

    def on_mount(self) -> None:
        self.query_one("#confirm", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "confirm")

    def action_cancel(self) -> None:
        self.dismiss(False)
