"""The room: agenda, countdown, speakers, captured entries and the input line."""

from __future__ import annotations

import gc
from dataclasses import replace
from functools import partial

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.command import CommandPalette
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Static

from facilitator.app.live import LiveMeeting, Outcome
from facilitator.app.outbox import Outbox, Pending
from facilitator.core.i18n import t
from facilitator.core.notice import Notice
from facilitator.core.pinyin import warm
from facilitator.line.completion import offer
from facilitator.line.read import is_command
from facilitator.meeting.alerts import Alert, AlertWatch, told
from facilitator.meeting.decision import Command
from facilitator.meeting.journal import JournalUnavailable
from facilitator.render.times import format_datetime
from screens.actions import PAUSE_KEY, room_bindings
from screens.balance import BalanceScreen
from screens.closing import ClosingScreen
from screens.help import HelpScreen
from screens.keys import label, localize_bindings
from screens.palette import RoomCommands
from screens.room_line import LineScreen, retracted
from screens.themes import DEFAULT_THEME, PROJECTOR
from screens.widgets.agenda import AgendaPanel
from screens.widgets.bar import MeetingBar
from screens.widgets.capture import CaptureLine, LinePreview
from screens.widgets.completion import CompletionMenu
from screens.widgets.entries import EntryList
from screens.widgets.footer import KeyFooter
from screens.widgets.opening import OpeningPanel
from screens.widgets.running import RunningPanel
from screens.widgets.speakers import BalancePanel

REFRESH_SECONDS = 0.5
"""How often the room redraws and looks for events from another terminal."""

OPENING_KEYS = ("next", "everyone_present", "absent", "undo", "entries", "close", "quit")
RUNNING_KEYS = ("next", "pause", "extend", "done", "close", "undo", "entries", "skip", "quit")
"""Binding ids by importance for the footer (F1 help always comes first). Closing
comes before undo and the entry list: the host must find on the shared screen
how to end the meeting, while the recorder, whose keys those are, learns them
(and /undo is typed where the mistake was)."""
TOPIC_KEYS = ("pause", "extend", "extend_by", "skip", "done", "back")
"""Binding ids of keys that act on a running topic: not shown during the roll call."""


class RoomScreen(LineScreen):
    """The shared screen of a running meeting.

    Before the first topic it shows the opening (goal, rules, roll call); the
    input line keeps the focus throughout, so typing never stops.
    """

    BINDINGS = [
        *room_bindings(),
        Binding("escape", "cancel_edit", "keys.cancel_edit", show=False),
    ]
    COMMANDS = Screen.COMMANDS | {RoomCommands}
    # Typing starts in the line: focused from the first frame, not moved there
    # after the footer was laid out for the entries list.
    AUTO_FOCUS = "#line"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (36, "-tall")]

    def __init__(self, meeting: LiveMeeting) -> None:
        super().__init__()
        self.meeting = meeting
        self.editing: int | None = None
        """The seq of the entry being corrected in the input line, if any."""
        self.outbox = Outbox(meeting, self._written_late)
        self.alert_watch = AlertWatch()
        localize_bindings(self)
        self._pause_key_resumes = False
        """Whether F3's label reads "Resume" (the meeting was paused when last drawn)."""

    def compose(self) -> ComposeResult:
        agenda = self.meeting.state.agenda
        with Vertical(id="room"):
            yield MeetingBar(id="meeting-bar")
            with Horizontal(id="room-main"):
                yield AgendaPanel(id="agenda")
                yield OpeningPanel(id="opening")
                yield RunningPanel(id="running")
                yield BalancePanel(id="balance")
            yield EntryList(id="entries")
            yield Static(id="message")
            yield LinePreview(id="preview")
            people = [p.name for p in agenda.people]
            departments = list(agenda.departments)
            menu = CompletionMenu(above="#message", id="completion")
            yield CaptureLine(
                partial(offer, people=people, departments=departments),
                menu,
                placeholder=t("room.placeholder"),
                id="line",
            )
        yield menu
        yield KeyFooter()

    def on_mount(self) -> None:
        self.meeting.open()
        self.refresh_view()
        self.query_one("#preview", LinePreview).show(None)
        self._say_if_early()
        self.line.focus()
        self.set_interval(REFRESH_SECONDS, self.tick)
        # The room's widgets live as long as it does: out of the collector's way.
        self.call_after_refresh(gc.freeze)
        # Chinese names are matched by pinyin ("@ll" finds 李雷): load its tables
        # while the room is looked at, not on the first "@" typed.
        names = [p.name for p in self.meeting.state.agenda.people]
        self.call_after_refresh(lambda: self.run_worker(partial(warm, names), thread=True))

    def on_screen_suspend(self) -> None:
        # Help, the closing summary or the speaking times on top: their own footer
        # says what the keys do there, and the room's (taller on a projector)
        # showed through above it, offering F2 Next topic where F2 does nothing.
        # The palette has no footer and drops down from the top: the room stays put.
        if not isinstance(self.app.screen, CommandPalette):
            self.query_one(KeyFooter).display = False

    def on_screen_resume(self) -> None:
        self.query_one(KeyFooter).display = True

    def on_resize(self) -> None:
        # The breakpoints (-tall, -wide) follow the size: redraw once they have, so a
        # projector shows its stage from the first frame, not from the next tick.
        self.call_after_refresh(self.refresh_view)

    def _say_if_early(self) -> None:
        """Opened before the meeting's day: say so (the end is projected from now)."""
        state = self.meeting.state
        if state.in_opening and state.opened_early(self.meeting.clock.now()):
            date = format_datetime(state.agenda.start, zone=state.agenda.timezone)
            self.say(Outcome(False, (Notice("room.early", {"date": date}, "warning"),)))

    @property
    def line(self) -> CaptureLine:
        return self.query_one("#line", CaptureLine)

    def tick(self) -> None:
        # Never wait here: while the writer thread waits on a busy archive the
        # screen goes on drawing from the state it has.
        self.meeting.sync(wait=False)
        self.refresh_view()
        if self.outbox.waiting:
            self._say_waiting()

    def footer_priority(self) -> tuple[str, ...]:
        """The keys the footer keeps first when it cannot show them all (binding ids).

        During the roll call the host marks people and starts the first topic;
        once a topic runs, the clock and the speakers matter most.
        """
        if self.meeting.state.in_opening:
            return OPENING_KEYS
        return RUNNING_KEYS

    def footer_hidden(self) -> tuple[str, ...]:
        """Keys the footer leaves out for now: before the first topic there is no
        clock to pause or extend, no topic to skip and no speaker to end."""
        return TOPIC_KEYS if self.meeting.state.in_opening else ()

    def refresh_view(self) -> None:
        """Draw the state as of now; timers come from the clock, never from ticks."""
        state = self.meeting.state
        now = self.meeting.clock.now()
        if state.in_opening != self.has_class("-opening"):
            self.query_one(KeyFooter).refresh_keys()
        if state.paused != self._pause_key_resumes:
            self._label_pause_key(state.paused)
        self.set_class(state.in_opening, "-opening")
        self.query_one("#meeting-bar", MeetingBar).show(state, now)
        self.query_one("#agenda", AgendaPanel).show(state, now)
        if state.in_opening:
            self.query_one("#opening", OpeningPanel).show(state, now)
        else:
            wide, tall = self.has_class("-wide"), self.has_class("-tall")
            self.query_one("#running", RunningPanel).show(state, now, shares=not wide, staged=tall)
            self.query_one("#balance", BalancePanel).show(state, now)
        self.query_one("#entries", EntryList).show(state, [p.label for p in self.outbox.waiting])
        self.alert(self.alert_watch.new(state, now))

    def _label_pause_key(self, paused: bool) -> None:
        """F3 says what it will do: "Resume" while the clock is stopped, else "Pause"."""
        self._pause_key_resumes = paused
        table = self._bindings.key_to_bindings
        words = label("keys.resume" if paused else "keys.pause")
        table[PAUSE_KEY] = [replace(b, description=words) for b in table[PAUSE_KEY]]
        self.refresh_bindings()

    def alert(self, alerts: tuple[Alert, ...]) -> None:
        """Thresholds just crossed: the bell once and a flash (as the meeting's
        ``alerts`` says), and what it is about in the status line."""
        if not alerts:
            return
        mode = self.meeting.state.alerts
        if mode == "bell":
            self.app.bell()
        if mode != "off":
            self.query_one("#running", RunningPanel).flash(alerts)
        self.say(Outcome(True, told(alerts)))

    def after(self, outcome: Outcome) -> None:
        self.say(outcome)
        self.refresh_view()
        if outcome.request == "close":
            self._open_summary()
        elif outcome.request == "help":
            self.action_help()

    # -- actions (keys, palette) ----------------------------------------------------

    def action_command(self, name: str) -> None:
        self.run_command(Command(name))

    def action_toggle_pause(self) -> None:
        self.action_command("resume" if self.meeting.state.paused else "pause")

    def action_everyone_present(self) -> None:
        self.run_command(Command("present", ("all",)))

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
            self.say(Outcome(True, (Notice("room.entries_focused"),)))
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
            self.say(Outcome(True, (Notice("room.edit_cancelled"),)))
        self.line.focus()

    def action_toggle_projector(self) -> None:
        """Ctrl+T: the projector theme or back, kept with the meeting (a resumed room
        looks the same), and said in the status line."""
        theme = DEFAULT_THEME if self.app.theme == PROJECTOR.name else PROJECTOR.name
        self.app.theme = theme
        self.run_command(Command("theme", (theme,)))

    @on(EntryList.Chosen)
    def entry_chosen(self, event: EntryList.Chosen) -> None:
        if event.action == "ask_retract":
            captured = self.meeting.state.entry(event.seq)
            if captured is not None:
                params = {"number": captured.number, "text": captured.entry.text}
                self.say(Outcome(False, (Notice("room.retract_confirm", params, "warning"),)))
            return
        if event.action == "retract":
            captured = self.meeting.state.entry(event.seq)
            label = f"/retract {captured.number}" if captured else "/retract"
            pending = Pending(label, self.meeting.clock.now(), partial(retracted, event.seq))
            outcome = self.perform(pending)
            if outcome is None:
                self._say_waiting()
            else:
                self.after(outcome)
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

    @on(EntryList.TypedAway)
    def typed_in_entries(self, event: EntryList.TypedAway) -> None:
        self.line.focus()
        self.line.insert_text_at_cursor(event.text)

    def unrecorded(self) -> tuple[str, ...]:
        """What the room has not recorded: refused lines kept under ↑, then words
        typed in the input line and never entered. Commands are not among them
        (a refused ``/goto 3``, a key's prefill such as ``/goto ``): they drive
        the room and hold nothing for the minutes."""
        lines = (*self.line.kept, self.line.value)
        return tuple(line for line in lines if line.strip() and not is_command(line))

    def action_close_meeting(self) -> None:
        if self.meeting.state.is_closed:
            self.app.exit(None)
            return
        # As typed: the command ends the current turn before the summary opens.
        self.run_command(Command("close"))

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
                # Printed on leaving, as Ctrl+Q does: closing must not drop them silently.
                self.app.unfinished = self.unrecorded()  # type: ignore[attr-defined]
                self.app.exit(minutes)
            else:
                self.refresh_view()
                self.line.focus()

        self.app.push_screen(ClosingScreen(self.meeting, self.unrecorded()), closed)
