"""The help screen: every key, and what the input line understands."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from facilitator.i18n import t
from screens.actions import HOST_ACTIONS
from screens.keys import key_label, localize_bindings
from screens.widgets.footer import KeyFooter


def keys_table() -> Table:
    """Keys, their action and the line that does the same."""
    table = Table(box=None, show_header=True, header_style="bold", expand=True, pad_edge=False)
    table.add_column(t("help.key"), no_wrap=True, style="bold")
    table.add_column(t("help.action"), ratio=2)
    table.add_column(t("help.line"), ratio=2, style="cyan")
    for action in HOST_ACTIONS:
        table.add_row(key_label(action.key), Text(t(action.label)), Text(action.line))
    for key, label in (
        ("ctrl+p", "help.palette"),
        ("tab", "help.tab"),
        ("ctrl+q", "keys.quit"),
    ):
        table.add_row(key_label(key), Text(t(label)), "")
    return table


class HelpScreen(ModalScreen[None]):
    """F1: keys and line syntax; Esc or F1 closes it."""

    BINDINGS = [
        Binding("escape,f1,q", "dismiss_help", "keys.close_help"),
    ]

    def __init__(self) -> None:
        super().__init__()
        localize_bindings(self)

    def compose(self) -> ComposeResult:
        with Vertical(id="help"):
            yield Static(Text(t("help.title"), style="bold"), id="help-title")
            with VerticalScroll(id="help-body"):
                yield Static(keys_table(), id="help-keys")
                yield Static(Text(t("help.syntax_title"), style="bold"), classes="help-heading")
                yield Static(Text(t("help.syntax")), id="help-syntax")
        yield KeyFooter()

    def action_dismiss_help(self) -> None:
        self.dismiss(None)
