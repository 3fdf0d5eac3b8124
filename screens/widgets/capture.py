"""The input line and its preview: the recorder's and the host's one control.

Every key is carried out by the line itself, in the order it was typed.
Textual runs an input's key bindings (Enter, Backspace, arrows...) only once
the key has travelled up to the app, while letters are inserted at once: a
fast typist's next letters would reach the line before the Enter that should
have ended it. So the line takes its own keys: Enter takes the text and
empties the line in the same step, and nothing typed after it can join it.

A refused line comes back selected, as a browser's address bar does after an
error: an arrow or End puts the cursor in it to fix it, while a recorder who
did not look and types the next line starts a fresh one (the refused line
waits under ↑). Without that, every line typed after a refusal piled onto it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Offset
from textual.message import Message
from textual.suggester import Suggester
from textual.widgets import Input, Static
from textual.widgets.input import Selection

from facilitator.core.i18n import current_language, t
from facilitator.core.notice import Notice
from facilitator.line.completion import Offer, apply
from facilitator.line.grammar import typed_as
from facilitator.line.parsed import Capture, Invalid, Parsed
from facilitator.meeting.decision import Command
from facilitator.render.columns import display_width, fits_after
from facilitator.render.entries import dispute_text
from facilitator.render.times import format_date
from screens.keys import localize_bindings
from screens.widgets.completion import CompletionMenu
from screens.widgets.entries import KIND_STYLES
from screens.widgets.line_history import LineHistory

Completer = Callable[[str, int], Offer | None]
"""What may complete the word before the cursor (``facilitator.line.completion.offer``)."""

_NEWLINES = re.compile(r"\r\n|\r|\n")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
QUIET_SECONDS = 0.3
"""A refused line comes back into the input once no key has come for this long."""


def visible_controls(text: str) -> str:
    """Control characters as their visible pictures (ESC → ␛), tabs as spaces.

    A pasted escape sequence is text the user pasted: it stays, in order, as
    something one can read, never as a key or a colour.
    """
    text = text.replace("\t", " ")
    return _CONTROL.sub(
        lambda m: "␡" if m.group() == "\x7f" else chr(0x2400 + ord(m.group())), text
    )


def pasted_lines(text: str) -> tuple[list[str], str]:
    """A paste split into the lines it completes and the rest that stays in the line.

    A paste that ends without a newline leaves its last line in the input, to
    finish or send with Enter, as a terminal shell does.
    """
    pieces = [visible_controls(piece) for piece in _NEWLINES.split(text)]
    return pieces[:-1], pieces[-1]


class OfferSuggester(Suggester):
    """The ghost text after the cursor: the first choice of the same offer as the list."""

    def __init__(self, completer: Completer) -> None:
        # case_sensitive: the completion must keep the name's own capitals
        super().__init__(use_cache=False, case_sensitive=True)
        self.completer = completer

    async def get_suggestion(self, value: str) -> str | None:
        found = self.completer(value, len(value))
        return (found.ghost(value) or None) if found else None


class CaptureLine(Input):
    """One line: plain text is a point; ``d: a: u: x:`` pick a kind; ``/`` commands."""

    BINDINGS: ClassVar = [Binding("tab", "complete", "keys.complete", show=False)]

    class Entered(Message):
        """Lines to record, exactly as typed, in order (several from one paste)."""

        def __init__(
            self, line: CaptureLine, texts: tuple[str, ...], pasted: bool, keys: int
        ) -> None:
            super().__init__()
            self.line = line
            self.texts = texts
            self.pasted = pasted
            self.keys = keys
            """How many keys the line had taken when these were sent (for give_back)."""

        @property
        def control(self) -> CaptureLine:
            return self.line

    class Kept(Message):
        """A refused line could not go back into the line (more was typed since):
        it waits under ↑ instead."""

        def __init__(self, line: CaptureLine, text: str) -> None:
            super().__init__()
            self.line = line
            self.text = text

        @property
        def control(self) -> CaptureLine:
            return self.line

    def __init__(
        self,
        completer: Completer,
        menu: CompletionMenu,
        placeholder: str = "",
        id: str | None = None,
    ) -> None:
        super().__init__(
            placeholder=placeholder,
            id=id,
            suggester=OfferSuggester(completer),
            # An entry put back for correction must not be wiped by the first key.
            select_on_focus=False,
        )
        self.completer = completer
        self.menu = menu
        self.history = LineHistory()
        self.keys = 0
        """Keys (and pastes) taken so far: a refused line comes back only if none came since."""
        self._returned: str | None = None
        """A refused line just put back, still whole and selected."""
        # Input's own keys (Backspace, arrows, Home...), run here in typing order.
        self._actions = {
            key.strip(): binding.action
            for binding in Input.BINDINGS
            if isinstance(binding, Binding)
            for key in binding.key.split(",")
        }
        localize_bindings(self)

    # -- keys, in the order they were typed ------------------------------------------

    async def _on_key(self, event: events.Key) -> None:
        key = event.key
        self.keys += 1
        if self._returned is not None:
            if key == "backspace" and self.selection == Selection(0, len(self.value)):
                # Fixing the end of the line, not deleting it whole: the refused line
                # shows selected, and Backspace on a selection takes all of it.
                self.selection = Selection.cursor(len(self.value))
            # Esc puts the refused line away under ↑, as typing over it does: left
            # selected in the line, a paste or a quick Ctrl+Q would take it unnoticed.
            put_away = key == "escape"
            self._settle_returned(typed_on=event.is_printable or put_away)
            if put_away:
                event.stop()
                event.prevent_default()
                return
        handled = True
        if key == "enter":
            if not self._pick():
                self._enter()
        elif key == "tab":
            self.action_complete()
        elif key in ("down", "up") and self.menu.display:
            self.menu.move(1 if key == "down" else -1)
        elif key in ("down", "up"):
            self._recall(-1 if key == "up" else 1)
        elif key == "escape" and self.menu.display:
            self.menu.hide()
        elif key == "escape" and not self.value and self.history.kept:
            # The recorder read the reminder and lets the refused lines go (they
            # stay under ↑ among the lines sent, as any line does).
            self.history.forget_kept()
            self.post_message(self.Changed(self, self.value))
        elif key == "right" and self.cursor_at_end and self._offer_ghost():
            self.action_complete()
        elif key in self._actions and key != "enter":
            await self.run_action(self._actions[key])
        else:
            handled = False
        if handled:
            event.stop()
            event.prevent_default()

    def _enter(self) -> None:
        """Take the line and empty it in one step; an empty line does nothing."""
        text = self.value
        self.value = ""
        self.history.restart()
        if text.strip():
            self.history.remember(text)
            self._send((text,), pasted=False)

    def _send(self, texts: tuple[str, ...], pasted: bool) -> None:
        # Straight to the screen, not bubbling through the containers: a key
        # typed after Enter (F2, say) must reach the room after this line does.
        self.screen.post_message(self.Entered(self, texts, pasted, self.keys))

    def _on_paste(self, event: events.Paste) -> None:
        """A pasted block: each complete line recorded as if typed, in order."""
        event.stop()
        event.prevent_default()
        self.keys += 1
        if self._returned is not None:
            self._settle_returned(typed_on=True)
        if not event.text:
            return
        start, end = sorted(self.selection)
        if start != end:
            # A paste replaces the selected text, as typing does: pasted after it, the
            # first line was joined to what was selected, and refused with it.
            self.value = self.value[:start] + self.value[end:]
            self.cursor_position = start
        lines, rest = pasted_lines(event.text)
        if not lines:
            self.insert_text_at_cursor(rest)
            return
        before = self.value[: self.cursor_position]
        after = self.value[self.cursor_position :]
        lines[0] = before + lines[0]
        self.value = rest + after
        self.cursor_position = len(rest)
        self.history.restart()
        texts = tuple(line for line in lines if line.strip())
        for text in texts:
            self.history.remember(text)
        if texts:
            self._send(texts, pasted=True)

    # -- refused lines come back -------------------------------------------------------

    def give_back(self, text: str, keys: int | None = None) -> bool:
        """Put a refused line back to be fixed, once the typing has stopped.

        Only if not a key was typed since it was sent (``keys``: the count it was
        sent at) and none comes for :data:`QUIET_SECONDS`: a fast typist's next
        letters are the start of the next line and must never be joined to a
        refused one. Otherwise it waits under ↑ and the room is told (:class:`Kept`).
        Returns whether it is on its way back (else kept at once).
        """
        self.history.remember(text)
        if keys is None or keys != self.keys:
            self.call_later(self._keep, text)
            return False
        self.set_timer(QUIET_SECONDS, lambda: self._give_back(text, keys))
        return True

    @property
    def kept(self) -> list[str]:
        """Refused lines waiting under ↑, not yet brought back (the room keeps saying so)."""
        return self.history.kept

    def _keep(self, text: str) -> None:
        self.history.keep(text)
        self.screen.post_message(self.Kept(self, text))

    def _give_back(self, text: str, keys: int) -> None:
        if self.value or keys != self.keys:
            self._keep(text)
            return
        self._returned = text  # before the value: the preview reads it on the change
        self.value = text
        self.selection = Selection(0, len(text))

    @property
    def returned(self) -> bool:
        """A refused line is back, whole and selected: the next text typed starts anew."""
        return self._returned is not None

    def _settle_returned(self, typed_on: bool) -> None:
        """The first key after a refused line came back: text typed over the whole
        selected line (or Esc) starts a new line and the refused one waits under
        ↑; any other key (an arrow, End, Backspace) is the recorder fixing it."""
        returned, self._returned = self._returned, None
        whole = self.value == returned and self.selection == Selection(0, len(returned))
        if typed_on and whole and returned is not None:
            self.value = ""
            self._keep(returned)
        else:
            # Being fixed: the preview reads the line again instead of the hint.
            self.post_message(self.Changed(self, self.value))

    def _recall(self, step: int) -> None:
        text = self.history.recall(step, self.value)
        if text is not None:
            self.value = text
            self.cursor_position = len(text)

    # -- completion --------------------------------------------------------------------

    def _offer(self) -> Offer | None:
        return self.completer(self.value, self.cursor_position)

    def _offer_ghost(self) -> bool:
        found = self._offer()
        return bool(found and found.ghost(self.value))

    def _pick(self) -> bool:
        """Enter on a choice the user moved to with ↓/↑: complete with it."""
        choice = self.menu.picked()
        found = self._offer()
        if choice is None or found is None:
            return False
        self._write(found, choice)
        return True

    def action_complete(self) -> None:
        """Tab: the choice moved to, else the first one (the ghost text's)."""
        found = self._offer()
        if found is None:
            return
        self._write(found, self.menu.picked() or found.choices[0])

    def _write(self, found: Offer, choice: str) -> None:
        self.value, self.cursor_position = apply(self.value, found, choice)
        self.menu.hide()

    def watch_value(self) -> None:
        self._refresh_menu()

    def watch_selection(self) -> None:
        self._refresh_menu()

    def watch_has_focus(self, focused: bool) -> None:
        if not focused:
            self.menu.hide()

    def _refresh_menu(self) -> None:
        if not self.is_mounted or not self.has_focus:
            return
        found = self._offer()
        typed = self.value[found.start : found.end] if found else ""
        x = 0
        if found is not None:
            x = self.content_region.x + cell_len(self.value[: found.start])
            x -= self.scroll_offset.x
        self.menu.show_offer(found, typed, Offset(x, self.region.y))


class LinePreview(Static):
    """How the line will be read before Enter: its kind, owner and due date.

    It wraps rather than cuts: a warning at the end of the line is often the
    part the recorder most needs to read (the stylesheet allows three rows).
    """

    def show(
        self,
        parsed: Parsed | None,
        editing: int | None = None,
        change: Notice | None = None,
        target: Text | None = None,
        returned: bool = False,
    ) -> None:
        """``change``: the correction would turn the entry into another kind;
        ``target``: the entry a command acts on (``/retract 7`` shows entry 7);
        ``returned``: the line is a refused one put back (why is in the status line
        above), so the preview says how to fix it or move on."""
        text = Text(overflow="fold")
        if returned:
            text.append("↩ " + t("room.line_back"), style="bold yellow")
            self.update(text)
            return
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
            shown = typed_as(parsed, current_language())
            text.append(t("room.preview_command", command=shown), style="bold")
            if target is not None:
                text.append(" — ", style="dim")
                text.append_text(target)
        elif isinstance(parsed, Capture):
            entry = parsed.entry
            text.append(t(f"kind.{entry.kind}"), style=KIND_STYLES[entry.kind] or "bold")
            width = self.content_region.width
            if entry.owner:
                _then(text, t("room.preview_owner", name=entry.owner), width)
            if entry.due:
                _then(text, t("room.preview_due", date=format_date(entry.due)), width)
            if entry.sides:
                # The sides as they will be recorded, before Enter: a split that
                # went wrong is fixed while the line is still being typed.
                _then(text, dispute_text(entry.text, entry.sides), width)
            for notice in parsed.notices:
                _then(text, "⚠ " + notice.text(), width, style="yellow")
        self.update(text)


def _then(text: Text, part: str, width: int, style: str = "") -> None:
    """``part`` after two spaces, or at the start of the next row when it would not
    fit there: a warning begins on the row its sign is on, never split after it."""
    row = text.plain.rsplit("\n", 1)[-1]
    text.append("  " if fits_after(display_width(row), part, width, "  ") else "\n")
    text.append(part, style=style)
