"""The input line and its preview: the recorder's and the host's one control."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding
from textual.suggester import Suggester
from textual.widgets import Input, Static

from facilitator.i18n import t
from facilitator.line import (
    COMMANDS,
    Capture,
    Command,
    Invalid,
    Notice,
    Parsed,
    names_to_offer,
)
from facilitator.names import complete
from facilitator.timefmt import format_date
from screens.keys import localize_bindings
from screens.widgets.entries import KIND_STYLES


class LineSuggester(Suggester):
    """Completes ``@name`` (letters or pinyin) and ``/command`` at the end of the line."""

    def __init__(self, people: Sequence[str], departments: Sequence[str] = ()) -> None:
        # case_sensitive: the completion must keep the name's own capitals
        super().__init__(use_cache=False, case_sensitive=True)
        self.people = list(people)
        self.departments = list(departments)

    async def get_suggestion(self, value: str) -> str | None:
        if value.startswith("/") and " " not in value:
            typed = value[1:].lower()
            for command in COMMANDS:
                if command.startswith(typed) and command != typed and command.isascii():
                    return "/" + command
            return None
        at = value.rfind("@")
        if at == -1 or " " in value[at:]:
            return None
        typed = value[at + 1 :]
        if not typed:
            return None
        matches = complete(typed, names_to_offer(value, self.people, self.departments))
        if not matches:
            return None
        return value[:at] + "@" + matches[0] + " "


class CaptureLine(Input):
    """One line: plain text is a point; ``d: a: u: x:`` pick a kind; ``/`` commands."""

    # Tab completes instead of leaving the line: the room has one input.
    BINDINGS: ClassVar = [Binding("tab", "complete", "keys.complete", show=False)]

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        localize_bindings(self)

    def action_complete(self) -> None:
        """Accept the suggestion (a name or a command) shown after the cursor."""
        if self.cursor_position == len(self.value):
            self.action_cursor_right()


class LinePreview(Static):
    """How the line will be read before Enter: its kind, owner and due date.

    It wraps rather than cuts: a warning at the end of the line is often the
    part the recorder most needs to read (the stylesheet allows two rows).
    """

    def show(
        self, parsed: Parsed | None, editing: int | None = None, change: Notice | None = None
    ) -> None:
        """``change``: the correction would turn the entry into another kind."""
        text = Text(overflow="fold")
        if editing is not None:
            text.append(t("room.editing", number=editing) + "  ", style="bold reverse")
        if change is not None:
            text.append("⚠ " + change.text() + "  ", style="bold yellow")
        if parsed is None:
            text.append(t("room.line_hint"), style="dim")
        elif isinstance(parsed, Invalid) and parsed.notice.severity == "hint":
            # Half-typed, not wrong ("/speak @"): say what comes next, without alarm.
            text.append(parsed.notice.text(), style="italic")
        elif isinstance(parsed, Invalid):
            text.append("⚠ " + parsed.notice.text(), style="bold yellow")
        elif isinstance(parsed, Command):
            text.append(t("room.preview_command", command=parsed.summary()), style="bold")
        elif isinstance(parsed, Capture):
            entry = parsed.entry
            text.append(t(f"kind.{entry.kind}"), style=KIND_STYLES[entry.kind] or "bold")
            if entry.owner:
                text.append("  " + t("room.preview_owner", name=entry.owner))
            if entry.due:
                text.append("  " + t("room.preview_due", date=format_date(entry.due)))
            for notice in parsed.notices:
                text.append("  ⚠ " + notice.text(), style="yellow")
        self.update(text)
