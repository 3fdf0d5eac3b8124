"""The Facilitator app: one meeting, on the shared screen."""

from __future__ import annotations

import os
from collections.abc import Iterable

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.driver import Driver
from textual.screen import Screen

from facilitator.app.live import LiveMeeting
from facilitator.core.i18n import t
from facilitator.meeting.minutes import Minutes
from screens.keys import localize_bindings, short_key_label
from screens.paste import install_paste_parser
from screens.room import RoomScreen
from screens.themes import DEFAULT_THEME, PROJECTOR


class FacilitatorApp(App[Minutes | None]):
    """Runs the room; exits with the minutes when the meeting is closed there."""

    CSS_PATH = "room.tcss"
    TITLE = "Facilitator"
    BINDINGS = [
        # Not priority: lines typed before Ctrl+Q are recorded before the room leaves.
        Binding("ctrl+q", "quit", "keys.quit", id="quit"),
        # Our own palette binding, so its footer label is translated too.
        Binding("ctrl+p", "command_palette", "keys.palette", show=False, priority=True),
    ]

    def __init__(self, meeting: LiveMeeting, theme: str | None = None) -> None:
        super().__init__()
        self.meeting = meeting
        self.unwritten: tuple[str, ...] = ()
        """Lines typed but never written (the archive stayed busy and the host
        left anyway): the CLI prints them, so they are not lost."""
        self.unwritten_reason = ""
        """Why the archive did not take them (busy, the disk full), for the message."""
        self.unfinished: tuple[str, ...] = ()
        """Lines the room never recorded when the host left: refused ones still kept
        under ↑, then what was in the input line, never entered. The CLI prints
        them, so a line is not silently gone with Ctrl+Q."""
        self._leaving = False
        localize_bindings(self)
        self.register_theme(PROJECTOR)
        # The theme chosen in this meeting before (Ctrl+T, kept in its journal), else
        # FACILITATOR_THEME=projector starts on the projector theme (Ctrl+T toggles).
        wanted = (
            theme or meeting.state.theme or os.environ.get("FACILITATOR_THEME") or DEFAULT_THEME
        )
        self.theme = wanted if wanted in self.available_themes else DEFAULT_THEME

    def _fatal_error(self) -> None:
        """An unforeseen fault in the room: one line on the terminal, the details in
        a private crash file, and the lines not yet written printed by the CLI.

        Textual prints the traceback with local values (typed text among them)
        and offers no public hook for it: this overrides its private method.
        """
        import traceback

        from rich.text import Text

        from facilitator.app.crash import crash_report

        report = crash_report(traceback.format_exc())
        room = next((s for s in self.screen_stack if isinstance(s, RoomScreen)), None)
        if room is not None:
            typed = room.line.value
            self.unwritten = (*(p.label for p in room.outbox.stop()), *([typed] if typed else []))
            self.unwritten_reason = room.outbox.reason
        self.panic(Text(t("cli.crashed", error="room", path=report or "-")))

    def get_driver_class(self) -> type[Driver]:
        """Textual's driver for this terminal (or the browser), reading pastes whole."""
        driver_class = super().get_driver_class()
        install_paste_parser(driver_class)
        return driver_class

    def on_mount(self) -> None:
        self.title = self.meeting.state.agenda.title
        self.push_screen(RoomScreen(self.meeting))

    async def action_quit(self) -> None:
        """Leave the room; with lines still waiting for a busy archive, ask first."""
        room = next((s for s in self.screen_stack if isinstance(s, RoomScreen)), None)
        if room is not None and room.outbox.waiting and not self._leaving:
            self._leaving = True
            room.warn_leaving()
            return
        if room is not None:
            unwritten = tuple(p.label for p in room.outbox.stop())
            # The line being typed goes with them: the host is leaving a room that
            # could not write, and may want all of it.
            typed = room.line.value
            self.unwritten = (*unwritten, *([typed] if unwritten and typed else []))
            self.unwritten_reason = room.outbox.reason
            # Refused lines kept under ↑ are never in the outbox: listed either way.
            self.unfinished = tuple(room.line.kept) if unwritten else room.unrecorded()
        self.exit(None)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """None of Textual's own (Keys, Maximize, Quit, Screenshot, Theme).

        They are in English whatever the room's language, and the room has its
        own: F1 lists the keys, Ctrl+Q leaves, Ctrl+T switches to the projector
        theme. Textual's theme picker offers a score of themes and would leave
        Ctrl+T toggling from whichever was picked, so it goes too.
        """
        return ()

    def action_command_palette(self) -> None:
        """The palette, with its prompt in the meeting's interface language."""
        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            self.push_screen(
                CommandPalette(placeholder=t("keys.palette_search"), id="--command-palette")
            )

    def get_key_display(self, binding: Binding) -> str:
        """Keys as printed on the keyboard, short enough to leave room for labels:
        F2, ⇧F2 (Shift+F2), ^P (Ctrl+P)."""
        if binding.key_display:
            return binding.key_display
        return short_key_label(binding.key)
