"""The help screen: every key, and what the input line understands."""

from __future__ import annotations

from collections.abc import Iterable

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from facilitator.core.i18n import t
from screens.actions import HOST_ACTIONS, line_of
from screens.keys import key_label, label, localize_bindings
from screens.widgets.footer import KeyFooter

SYNTAX_ROWS = (
    "point",
    "decision",
    "task",
    "open_item",
    "dispute",
    "said",
    "report",
    "topics",
    "timer",
    "speakers",
    "limit",
    "roll_call",
    "take_back",
    "dates",
    "names",
)
"""The rows of the input line's syntax, ``help.syntax.<row>`` and ``<row>_means``."""

SYNTAX_WIDTH = 28
"""Cells for the typed forms: long ones wrap, leaving room for what they mean at 80 columns."""


def two_columns(
    rows: Iterable[tuple[str, Text]], left_style: str = "bold", left_max: int | None = None
) -> Table:
    """Two columns, each wrapping inside itself (never back under the other),
    at any width and in Chinese; the left one is as wide as its longest entry,
    or ``left_max`` cells."""
    table = Table(box=None, show_header=False, expand=True, pad_edge=False, padding=(0, 2, 0, 0))
    table.add_column(
        no_wrap=left_max is None, style=left_style, max_width=left_max, overflow="fold"
    )
    table.add_column(ratio=1, overflow="fold")
    for left, right in rows:
        table.add_row(Text(left), right)
    return table


def _described(label: str, line: str = "") -> Text:
    text = Text(label)
    if line:
        text.append("  ")
        text.append(line, style="cyan")
    return text


def room_keys() -> Table:
    """Keys of the room: what each does, and the line that does the same."""
    rows = [(key_label(a.key), _described(label(a.label), line_of(a))) for a in HOST_ACTIONS]
    rows += [
        (key_label("ctrl+p"), _described(t("help.palette"))),
        (key_label("tab"), _described(t("help.tab"))),
        (key_label("ctrl+q"), _described(t("help.quit"))),
    ]
    return two_columns(rows)


def _keys(*rows: tuple[tuple[str, ...], str]) -> Table:
    return two_columns(
        (" / ".join(key_label(k) for k in keys), _described(t(f"help.{name}")))
        for keys, name in rows
    )


def list_keys() -> Table:
    """Keys of the entries list (F7)."""
    return _keys(
        (("e", "enter"), "entry_edit"),
        (("delete",), "entry_retract"),
        (("escape",), "entry_back"),
    )


def closing_keys() -> Table:
    """Keys of the closing summary (F10)."""
    return _keys(
        (("shift+tab",), "closing_list"),
        (("enter",), "closing_fix"),
        (("escape",), "closing_cancel"),
        (("f10",), "closing_confirm"),
    )


def syntax_table() -> Table:
    """What the input line understands: a typed form and what it becomes."""
    return two_columns(
        ((t(f"help.syntax.{row}"), Text(t(f"help.syntax.{row}_means"))) for row in SYNTAX_ROWS),
        left_style="cyan",
        left_max=SYNTAX_WIDTH,
    )


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
                yield Static(room_keys(), id="help-keys")
                yield self._heading("help.list_title")
                yield Static(list_keys(), id="help-list-keys")
                yield self._heading("help.closing_title")
                yield Static(closing_keys(), id="help-closing-keys")
                yield self._heading("help.syntax_title")
                yield Static(syntax_table(), id="help-syntax")
        yield KeyFooter()

    @staticmethod
    def _heading(key: str) -> Static:
        return Static(Text(t(key), style="bold"), classes="help-heading")

    def action_dismiss_help(self) -> None:
        self.dismiss(None)
