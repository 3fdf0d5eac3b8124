"""The room: agenda, countdown, speakers, captured entries and the input line."""

from __future__ import annotations

import gc
import time
from functools import partial

from pendulum import DateTime
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Input, Static

from facilitator.app.live import LiveMeeting, Outcome
from facilitator.app.outbox import Outbox, Pending
from facilitator.core.i18n import t
from facilitator.core.notice import Notice
from facilitator.core.pinyin import warm
from facilitator.line.completion import offer
from facilitator.line.corrections import kind_change
from facilitator.meeting.decision import Command
from facilitator.meeting.journal import JournalUnavailable
from screens.actions import room_bindings
from screens.balance import BalanceScreen
from screens.closing import ClosingScreen
from screens.help import HelpScreen
from screens.keys import localize_bindings
from screens.palette import RoomCommands
from screens.widgets.agenda import AgendaPanel
from screens.widgets.bar import MeetingBar
from screens.widgets.capture import CaptureLine, LinePreview
from screens.widgets.completion import CompletionMenu
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


def _typed(text: str, meeting: LiveMeeting, at: DateTime, wait: bool) -> Outcome:
    return meeting.submit(text, at=at, wait=wait)


def _corrected(seq: int, text: str, meeting: LiveMeeting, at: DateTime, wait: bool) -> Outcome:
    return meeting.edit(seq, text, at=at, wait=wait)


def _commanded(command: Command, meeting: LiveMeeting, at: DateTime, wait: bool) -> Outcome:
    return meeting.run(command, at=at, wait=wait)


def _retracted(seq: int, meeting: LiveMeeting, at: DateTime, wait: bool) -> Outcome:
    return meeting.retract(seq, at=at, wait=wait)


class Written(Message):
    """A write that had to wait for the archive is now done (or refused)."""

    def __init__(self, pending: Pending, outcome: Outcome) -> None:
        super().__init__()
        self.pending = pending
        self.outcome = outcome


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
        localize_bindings(self)

    def _written_late(self, pending: Pending, outcome: Outcome) -> None:
        # Called on the outbox's thread: post_message hands it to the screen's own.
        self.post_message(Written(pending, outcome))

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
        self.line.focus()
        self.set_interval(REFRESH_SECONDS, self.tick)
        # The room's widgets live as long as it does: out of the collector's way.
        self.call_after_refresh(gc.freeze)
        # Chinese names are matched by pinyin ("@ll" finds 李雷): load its tables
        # while the room is looked at, not on the first "@" typed.
        names = [p.name for p in self.meeting.state.agenda.people]
        self.call_after_refresh(lambda: self.run_worker(partial(warm, names), thread=True))

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
        self.query_one("#entries", EntryList).show(state, [p.label for p in self.outbox.waiting])

    def say(self, outcome: Outcome) -> None:
        message = self.query_one("#message", Static)
        text = Text(overflow="ellipsis", no_wrap=True)
        notices = outcome.notices
        kept = self.line.kept
        if kept and not any(n.key == "room.kept_under_up" for n in notices):
            # Until brought back, a refused line is not forgotten by the next message.
            notices = (*notices, Notice("room.kept_count", {"count": len(kept)}, "warning"))
        for index, notice in enumerate(notices):
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

    @on(CaptureLine.Entered, "#line")
    def lines_entered(self, event: CaptureLine.Entered) -> None:
        """Record each line, in order; a paste says how many it recorded."""
        if not event.pasted:
            self._perform_line(event.texts[0], keys=event.keys)
            return
        outcomes = [self._perform_line(text, quiet=True) for text in event.texts]
        recorded = sum(1 for outcome in outcomes if outcome is not None and outcome.accepted)
        refused = [n for n, o in enumerate(outcomes, start=1) if o is not None and not o.accepted]
        waiting = sum(1 for outcome in outcomes if outcome is None)
        notices = [Notice("room.pasted", {"count": recorded})]
        if waiting:
            notices.append(Notice("room.pasted_waiting", {"count": waiting}, "warning"))
        for number in refused:
            outcome = outcomes[number - 1]
            assert outcome is not None
            reason = outcome.notices[0].text() if outcome.notices else ""
            notices.append(
                Notice("room.pasted_refused", {"number": number, "reason": reason}, "warning")
            )
        self.say(Outcome(True, tuple(notices)))

    def _perform_line(
        self, text: str, quiet: bool = False, keys: int | None = None
    ) -> Outcome | None:
        """One line typed (or pasted): a correction while editing, else a new line.

        ``keys``: the line's key count when it was sent, so a refused line comes
        back into the input only if nothing was typed since (else under ↑).
        """
        if self.editing is not None:
            seq, self.editing = self.editing, None
            work = partial(_corrected, seq, text)
            outcome = self.perform(Pending(text, self.meeting.clock.now(), work, line=text))
            if outcome is not None and not outcome.accepted:
                self.editing = seq  # still correcting it: the line comes back to fix
            self._done(outcome, text, quiet, keys)
            return outcome
        outcome = self.perform(
            Pending(text, self.meeting.clock.now(), partial(_typed, text), line=text)
        )
        self._done(outcome, text, quiet, keys)
        return outcome

    def _done(self, outcome: Outcome | None, text: str, quiet: bool, keys: int | None) -> None:
        if outcome is None:
            self._say_waiting()
            return
        if not outcome.accepted and outcome.notices:
            self.line.give_back(text, keys)
        if quiet:
            self.refresh_view()
            return
        self.after(outcome)

    def perform(self, pending: Pending) -> Outcome | None:
        """Write now if the archive is free; else it waits its turn (None), shown as waiting."""
        outcome = self.outbox.put(pending)
        if outcome is None:
            self.refresh_view()
        return outcome

    @on(Written)
    def written(self, message: Written) -> None:
        """A write that waited is done: show it like any other."""
        pending, outcome = message.pending, message.outcome
        if pending.line is not None and not outcome.accepted and outcome.notices:
            self.line.give_back(pending.line)
        self.after(outcome)
        if self.outbox.waiting:
            self._say_waiting()

    def _say_waiting(self) -> None:
        waiting = self.outbox.waiting
        since = self.outbox.waiting_since
        seconds = int(time.monotonic() - since) if since is not None else 0
        self.say(
            Outcome(
                False,
                (
                    Notice(
                        "room.archive_waiting",
                        {"count": len(waiting), "seconds": seconds, "reason": self.outbox.reason},
                        "warning",
                    ),
                ),
            )
        )

    def warn_leaving(self) -> None:
        """Said on the first Ctrl+Q while lines still wait for the archive."""
        count = len(self.outbox.waiting)
        self.say(Outcome(False, (Notice("room.leave_waiting", {"count": count}, "warning"),)))

    @on(CaptureLine.Kept, "#line")
    def line_kept(self, event: CaptureLine.Kept) -> None:
        self.say(Outcome(False, (Notice("room.kept_under_up", {"line": event.text}, "warning"),)))

    def submit_text(self, text: str) -> None:
        """Carry out a line as if typed (the palette uses this)."""
        self._perform_line(text, keys=self.line.keys)

    def after(self, outcome: Outcome) -> None:
        self.say(outcome)
        self.refresh_view()
        if outcome.request == "close":
            self._open_summary()
        elif outcome.request == "help":
            self.action_help()

    # -- actions (keys, palette) ----------------------------------------------------

    def run_command(self, command: Command) -> None:
        """A command from a key or the palette, in turn with the lines typed before it."""
        label = "/" + command.summary()
        outcome = self.perform(
            Pending(label, self.meeting.clock.now(), partial(_commanded, command))
        )
        if outcome is None:
            self._say_waiting()
        else:
            self.after(outcome)

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
        if event.action == "ask_retract":
            captured = self.meeting.state.entry(event.seq)
            if captured is not None:
                params = {"number": captured.number, "text": captured.entry.text}
                self.say(Outcome(False, (Notice("room.retract_confirm", params, "warning"),)))
            return
        if event.action == "retract":
            captured = self.meeting.state.entry(event.seq)
            label = f"/retract {captured.number}" if captured else "/retract"
            pending = Pending(label, self.meeting.clock.now(), partial(_retracted, event.seq))
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
                self.app.exit(minutes)
            else:
                self.refresh_view()
                self.line.focus()

        self.app.push_screen(ClosingScreen(self.meeting), closed)
