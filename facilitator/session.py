"""A meeting being run: the journal, the clock and the state, together.

The screens talk to a :class:`LiveMeeting`; it parses lines, applies the
rules, writes the events to the journal *before* anyone sees their effect,
and keeps the folded state current. It knows nothing of SQLite or Textual.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, replace

from pendulum import Date

from facilitator.clock import Clock, SystemClock
from facilitator.commands import Decision, Refusal, capture, decide, edit, retract
from facilitator.events import Event, MeetingClosed, MeetingOpened
from facilitator.journal import Journal
from facilitator.line import Capture, Command, Invalid, LineContext, Notice, Parsed, parse_line
from facilitator.minutes import Minutes, build_minutes
from facilitator.sorting import sorted_names
from facilitator.state import Folder, MeetingState


@dataclass(frozen=True)
class Outcome:
    """What became of a submitted line."""

    accepted: bool
    notices: tuple[Notice, ...] = ()
    events: tuple[Event, ...] = ()
    request: str | None = None  # for the screen: "close", "help"

    @property
    def keep_text(self) -> bool:
        """A refused line stays in the input so it can be fixed, never lost."""
        return not self.accepted


class LiveMeeting:
    """One meeting, driven by lines and commands, recorded as it goes."""

    def __init__(
        self,
        journal: Journal,
        clock: Clock | None = None,
        holidays: Collection[Date] = (),
    ) -> None:
        self.journal = journal
        self.clock = clock or SystemClock()
        self.holidays = holidays
        self._folder = Folder(journal.read())
        self._state = self._folder.state

    @property
    def state(self) -> MeetingState:
        return self._state

    @property
    def meeting_id(self) -> int:
        return self.journal.meeting_id

    def sync(self) -> bool:
        """Take in events written by another process; True if there were any."""
        new = self.journal.read(after=self._folder.events[-1].seq if self._folder.events else 0)
        if not new:
            return False
        self._folder.extend(new)
        self._state = self._folder.state
        return True

    def context(self) -> LineContext:
        agenda = self._state.agenda
        today = self.clock.now().in_timezone(agenda.start.timezone).date()
        return LineContext(
            people=sorted_names([p.name for p in agenda.people]),
            departments=agenda.departments,
            today=today,
            holidays=self.holidays,
        )

    def preview(self, text: str) -> Parsed:
        """How ``text`` would be read, without recording anything."""
        return parse_line(text, self.context())

    def _record(self, events: tuple[Event, ...]) -> tuple[Event, ...]:
        if not events:
            return ()
        written = self.journal.append(events)
        self._folder.extend(written)
        self._state = self._folder.state
        return tuple(written)

    def submit(self, text: str) -> Outcome:
        """Read and carry out one line typed into the room."""
        if not text.strip():
            return Outcome(False)
        self.sync()
        parsed = self.preview(text)
        now = self.clock.now()
        try:
            if isinstance(parsed, Invalid):
                return Outcome(False, (parsed.notice,))
            if isinstance(parsed, Capture):
                decision = capture(self._state, parsed.entry, now)
                notices = parsed.notices
            else:
                decision = decide(self._state, parsed, now)
                notices = (decision.notice,) if decision.notice else ()
        except Refusal as refusal:
            return Outcome(False, (refusal.notice,))
        events = self._record(decision.events)
        return Outcome(True, notices, events, decision.request)

    def run(self, command: Command) -> Outcome:
        """Carry out a command given by a key or the palette rather than typed."""
        self.sync()
        try:
            decision: Decision = decide(self._state, command, self.clock.now())
        except Refusal as refusal:
            return Outcome(False, (refusal.notice,))
        events = self._record(decision.events)
        notices = (decision.notice,) if decision.notice else ()
        return Outcome(True, notices, events, decision.request)

    def edit(self, seq: int, text: str) -> Outcome:
        """Replace entry ``seq`` by the line ``text`` (an EntryEdited event)."""
        if not text.strip():
            return Outcome(False)
        self.sync()
        parsed = self.preview(text)
        if isinstance(parsed, Invalid):
            return Outcome(False, (parsed.notice,))
        if isinstance(parsed, Command):
            return Outcome(False, (Notice("room.edit_needs_entry", severity="warning"),))
        try:
            decision = edit(self._state, seq, parsed.entry, self.clock.now())
        except Refusal as refusal:
            return Outcome(False, (refusal.notice,))
        events = self._record(decision.events)
        notices = (decision.notice,) if decision.notice else ()
        return Outcome(True, (*notices, *parsed.notices), events)

    def retract(self, seq: int) -> Outcome:
        """Take back entry ``seq`` (an EntryRetracted event)."""
        self.sync()
        try:
            decision = retract(self._state, seq, self.clock.now())
        except Refusal as refusal:
            return Outcome(False, (refusal.notice,))
        events = self._record(decision.events)
        return Outcome(True, (decision.notice,) if decision.notice else (), events)

    def open(self) -> None:
        """Mark the meeting opened in the room (once)."""
        self.sync()
        if self._state.opened_at is None and not self._state.is_closed:
            self._record((MeetingOpened(at=self.clock.now()),))

    def record(self, *events: Event) -> tuple[Event, ...]:
        """Write events decided elsewhere (roll call, edits on the summary screen)."""
        self.sync()
        now = self.clock.now()
        return self._record(tuple(replace(e, at=e.at or now) for e in events))

    def minutes(self) -> Minutes:
        """The minutes as they would be if the meeting closed now."""
        return build_minutes(self._state, self.clock.now())

    def close(self) -> Minutes:
        """Close the meeting: journal the close and write the minutes, atomically."""
        self.sync()
        if self._state.is_closed:
            return build_minutes(self._state, self._state.closed_at)
        now = self.clock.now()
        closing = MeetingClosed(at=now)
        # Fold the close first so the minutes show the state it leaves behind.
        preview = Folder([*self._folder.events, replace(closing, seq=self._state.last_seq + 1)])
        minutes = build_minutes(preview.state, now)
        written = self.journal.close(closing, minutes)
        self._folder.extend([written])
        self._state = self._folder.state
        return minutes
