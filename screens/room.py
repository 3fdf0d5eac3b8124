"""The room: agenda, countdown, speakers, captured entries and the input line."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Input, Static

from facilitator.i18n import t
from facilitator.line import Command
from facilitator.session import LiveMeeting, Outcome
from facilitator.timefmt import format_span
from screens.closing import ClosingScreen
from screens.widgets.agenda import AgendaPanel
from screens.widgets.capture import CaptureLine, LinePreview, LineSuggester
from screens.widgets.countdown import TopicClock
from screens.widgets.entries import EntryLog
from screens.widgets.speakers import SpeakerPanel

REFRESH_SECONDS = 0.5
"""How often the room redraws and looks for events from another terminal."""


class RoomScreen(Screen[None]):
    """The shared screen of a running meeting."""

    BINDINGS = [
        Binding("f2", "command('next')", t("keys.next"), id="next"),
        Binding("f3", "toggle_pause", t("keys.pause"), id="pause"),
        Binding("f4", "command('extend')", t("keys.extend"), id="extend"),
        Binding("f6", "command('done')", t("keys.done"), id="done"),
        Binding("f9", "command('undo')", t("keys.undo"), id="undo"),
        Binding("f10", "close_meeting", t("keys.close"), id="close"),
    ]

    def __init__(self, meeting: LiveMeeting) -> None:
        super().__init__()
        self.meeting = meeting

    def compose(self) -> ComposeResult:
        agenda = self.meeting.state.agenda
        with Vertical(id="room"):
            yield Static(id="meeting-bar")
            with Horizontal(id="room-main"):
                yield AgendaPanel(id="agenda")
                with Vertical(id="room-centre"):
                    yield TopicClock(id="clock")
                    yield SpeakerPanel(id="speakers")
            yield EntryLog(id="entries")
            yield Static(id="message")
            yield LinePreview(id="preview")
            names = [p.name for p in agenda.people] + list(agenda.departments)
            yield CaptureLine(
                placeholder=t("room.placeholder"), id="line", suggester=LineSuggester(names)
            )
        yield Footer()

    def on_mount(self) -> None:
        self.meeting.open()
        self.refresh_view()
        self.query_one("#preview", LinePreview).show(None)
        self.query_one("#line", CaptureLine).focus()
        self.set_interval(REFRESH_SECONDS, self.tick)

    def tick(self) -> None:
        self.meeting.sync()
        self.refresh_view()

    def refresh_view(self) -> None:
        """Draw the state as of now; timers come from the clock, never from ticks."""
        state = self.meeting.state
        now = self.meeting.clock.now()
        agenda = state.agenda
        bar = Text(no_wrap=True, overflow="ellipsis")
        bar.append(agenda.title, style="bold")
        bar.append("  " + format_span(agenda.start, agenda.end), style="dim")
        self.query_one("#meeting-bar", Static).update(bar)
        self.query_one("#agenda", AgendaPanel).show(state, now)
        self.query_one("#clock", TopicClock).show(state, now)
        self.query_one("#speakers", SpeakerPanel).show(state, now)
        self.query_one("#entries", EntryLog).show(state)

    def say(self, outcome: Outcome) -> None:
        message = self.query_one("#message", Static)
        text = Text(overflow="ellipsis", no_wrap=True)
        for index, notice in enumerate(outcome.notices):
            if index:
                text.append("  ")
            style = "bold yellow" if notice.severity == "warning" else "green"
            text.append(
                ("⚠ " if notice.severity == "warning" else "✓ ") + notice.text(), style=style
            )
        message.update(text)

    @on(Input.Changed, "#line")
    def preview_line(self, event: Input.Changed) -> None:
        preview = self.query_one("#preview", LinePreview)
        preview.show(self.meeting.preview(event.value) if event.value.strip() else None)

    @on(Input.Submitted, "#line")
    def submit_line(self, event: Input.Submitted) -> None:
        outcome = self.meeting.submit(event.value)
        self.after(outcome, event.input)

    def after(self, outcome: Outcome, line: Input | None = None) -> None:
        if line is not None and not outcome.keep_text:
            line.value = ""
        self.say(outcome)
        self.refresh_view()
        if outcome.request == "close":
            self.action_close_meeting()
        elif outcome.request == "help":
            self.notify(t("room.help_short"), timeout=10)

    def action_command(self, name: str) -> None:
        self.after(self.meeting.run(Command(name)))

    def action_toggle_pause(self) -> None:
        self.action_command("resume" if self.meeting.state.paused else "pause")

    def action_close_meeting(self) -> None:
        if self.meeting.state.is_closed:
            self.app.exit(None)
            return

        def closed(confirmed: bool | None) -> None:
            if confirmed:
                minutes = self.meeting.close()
                self.app.exit(minutes)
            else:
                self.query_one("#line", CaptureLine).focus()

        self.app.push_screen(ClosingScreen(self.meeting.minutes()), closed)
