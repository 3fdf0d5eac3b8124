"""The room: agenda, countdown, speakers, captured entries and the input line."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Input, Static

from facilitator.corrections import kind_change
from facilitator.i18n import t
from facilitator.journal import JournalUnavailable
from facilitator.line import Command, Notice
from facilitator.session import LiveMeeting, Outcome
from screens.actions import room_bindings
from screens.balance import BalanceScreen
from screens.closing import ClosingScreen
from screens.help import HelpScreen
from screens.keys import localize_bindings
from screens.palette import RoomCommands
from screens.widgets.agenda import AgendaPanel
from screens.widgets.bar import MeetingBar
from screens.widgets.capture import CaptureLine, LinePreview, LineSuggester
from screens.widgets.completion import LineCompletion
from screens.widgets.countdown import TopicClock
from screens.widgets.entries import EntryList
from screens.widgets.footer import KeyFooter
from screens.widgets.opening import OpeningPanel
from screens.widgets.speakers import BalancePanel, SpeakerPanel

REFRESH_SECONDS = 0.5
"""How often the room redraws and looks for events from another terminal."""

OPENING_KEYS = ("next", "everyone_present", "absent", "undo", "entries", "close", "quit")
RUNNING_KEYS = ("next", "pause", "extend", "done", "entries", "undo", "close", "skip", "quit")
"""Binding ids by importance for the footer (F1 help always comes first)."""


class RoomScreen(Screen[None]):
    """The shared screen of a running meeting.

    Before the first topic it shows the opening (goal, rules, roll call); the
    input line keeps the focus throughout, so typing never stops.
    """

    BINDINGS = [
        *room_bindings(),
        Binding("escape", "cancel_edit", "keys.cancel_edit", show=False),
    ]
    COMMANDS = Screen.COMMANDS | {RoomCommands}
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (36, "-tall")]

    def __init__(self, meeting: LiveMeeting) -> None:
        super().__init__()
        self.meeting = meeting
        self.editing: int | None = None
        """The seq of the entry being corrected in the input line, if any."""
        localize_bindings(self)

    def compose(self) -> ComposeResult:
        agenda = self.meeting.state.agenda
        with Vertical(id="room"):
            yield MeetingBar(id="meeting-bar")
            with Horizontal(id="room-main"):
                yield AgendaPanel(id="agenda")
                yield OpeningPanel(id="opening")
                with Vertical(id="running"):
                    yield TopicClock(id="clock")
                    yield SpeakerPanel(id="speakers")
                yield BalancePanel(id="balance")
            yield EntryList(id="entries")
            yield Static(id="message")
            yield LinePreview(id="preview")
            people = [p.name for p in agenda.people]
            departments = list(agenda.departments)
            line = CaptureLine(
                placeholder=t("room.placeholder"),
                id="line",
                suggester=LineSuggester(people, departments),
                # An entry put back for correction must not be wiped by the first key.
                select_on_focus=False,
            )
            yield line
        yield LineCompletion(line, people, departments, above="#message")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.meeting.open()
        self.refresh_view()
        self.query_one("#preview", LinePreview).show(None)
        self.line.focus()
        self.set_interval(REFRESH_SECONDS, self.tick)

    @property
    def line(self) -> CaptureLine:
        return self.query_one("#line", CaptureLine)

    def tick(self) -> None:
        self.meeting.sync()
        self.refresh_view()

    def footer_priority(self) -> tuple[str, ...]:
        """The keys the footer keeps first when it cannot show them all (binding ids).

        During the roll call the host marks people and starts the first topic;
        once a topic runs, the clock and the speakers matter most.
        """
        if self.meeting.state.in_opening:
            return OPENING_KEYS
        return RUNNING_KEYS

    def refresh_view(self) -> None:
        """Draw the state as of now; timers come from the clock, never from ticks."""
        state = self.meeting.state
        now = self.meeting.clock.now()
        if state.in_opening != self.has_class("-opening"):
            self.query_one(KeyFooter).refresh_keys()
        self.set_class(state.in_opening, "-opening")
        self.query_one("#meeting-bar", MeetingBar).show(state, now)
        self.query_one("#agenda", AgendaPanel).show(state, now)
        if state.in_opening:
            self.query_one("#opening", OpeningPanel).show(state)
        else:
            self.query_one("#clock", TopicClock).show(state, now)
            wide = self.has_class("-wide")
            self.query_one("#speakers", SpeakerPanel).show(state, now, shares=not wide)
            self.query_one("#balance", BalancePanel).show(state, now)
        self.query_one("#entries", EntryList).show(state)

    def say(self, outcome: Outcome) -> None:
        message = self.query_one("#message", Static)
        text = Text(overflow="ellipsis", no_wrap=True)
        for index, notice in enumerate(outcome.notices):
            if index:
                text.append("  ")
            # A hint ("type a name after @") on a refused line is a warning too.
            ok = notice.severity == "info"
            text.append(
                ("✓ " if ok else "⚠ ") + notice.text(), style="green" if ok else "bold yellow"
            )
        message.update(text)

    # -- the input line ---------------------------------------------------------

    @on(Input.Changed, "#line")
    def preview_line(self) -> None:
        self.update_preview()

    def update_preview(self) -> None:
        """Read the line as it stands now; while correcting, say if its kind would change."""
        value = self.line.value
        parsed = self.meeting.preview(value) if value.strip() else None
        captured = self.meeting.state.entry(self.editing) if self.editing is not None else None
        change = kind_change(captured.entry, parsed) if captured and parsed else None
        self.query_one("#preview", LinePreview).show(
            parsed, editing=self._editing_number(), change=change
        )

    def _editing_number(self) -> int | None:
        if self.editing is None:
            return None
        captured = self.meeting.state.entry(self.editing)
        return captured.number if captured else None

    @on(Input.Submitted, "#line")
    def submit_line(self, event: Input.Submitted) -> None:
        if self.editing is not None:
            outcome = self.meeting.edit(self.editing, event.value)
            if outcome.accepted:
                self.editing = None
        else:
            outcome = self.meeting.submit(event.value)
        self.after(outcome, event.input)

    def submit_text(self, text: str) -> None:
        """Carry out a line as if typed (the palette uses this)."""
        self.after(self.meeting.submit(text))

    def after(self, outcome: Outcome, line: Input | None = None) -> None:
        if line is not None and not outcome.keep_text:
            line.value = ""
        self.say(outcome)
        self.refresh_view()
        if outcome.request == "close":
            self._open_summary()
        elif outcome.request == "help":
            self.action_help()

    # -- actions (keys, palette) ----------------------------------------------------

    def action_command(self, name: str) -> None:
        self.after(self.meeting.run(Command(name)))

    def action_toggle_pause(self) -> None:
        self.action_command("resume" if self.meeting.state.paused else "pause")

    def action_everyone_present(self) -> None:
        self.after(self.meeting.run(Command("present", ("all",))))

    def action_prefill(self, text: str) -> None:
        """Start a command that needs an argument in the line; the preview says what it wants."""
        self.editing = None
        self.line.value = text
        self.line.cursor_position = len(text)
        self.line.focus()
        self.update_preview()

    def action_entries(self) -> None:
        entries = self.query_one("#entries", EntryList)
        if self.meeting.state.entries:
            entries.highlight_last()
            entries.focus()
        else:
            self.say(Outcome(False, (Notice("room.nothing_to_edit", severity="warning"),)))

    def action_balance(self) -> None:
        self.app.push_screen(BalanceScreen(self.meeting))

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen())

    def action_cancel_edit(self) -> None:
        if self.editing is not None:
            self.editing = None
            self.line.value = ""
            self.update_preview()
        self.line.focus()

    @on(EntryList.Chosen)
    def entry_chosen(self, event: EntryList.Chosen) -> None:
        if event.action == "retract":
            self.after(self.meeting.retract(event.seq))
            return
        captured = self.meeting.state.entry(event.seq)
        if captured is None:
            return
        self.editing = event.seq
        self.line.value = captured.entry.raw.strip() or captured.entry.text
        self.line.cursor_position = len(self.line.value)
        self.line.focus()
        self.update_preview()

    @on(EntryList.Left)
    def entries_left(self) -> None:
        self.line.focus()

    def action_close_meeting(self) -> None:
        if self.meeting.state.is_closed:
            self.app.exit(None)
            return
        # As typed: the command ends the current turn before the summary opens.
        self.after(self.meeting.run(Command("close")))

    def _open_summary(self) -> None:
        def closed(confirmed: bool | None) -> None:
            if confirmed:
                try:
                    minutes = self.meeting.close()
                except JournalUnavailable as busy:
                    # Nothing was written: the meeting stays open, the room says why.
                    self.say(
                        Outcome(
                            False, (Notice("room.close_busy", {"reason": str(busy)}, "warning"),)
                        )
                    )
                    self.line.focus()
                    return
                self.app.exit(minutes)
            else:
                self.refresh_view()
                self.line.focus()

        self.app.push_screen(ClosingScreen(self.meeting), closed)
