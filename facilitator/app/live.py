"""A meeting being run: the journal, the clock and the state, together.

The screens talk to a :class:`LiveMeeting`; it parses lines, applies the
rules, writes the events to the journal *before* anyone sees their effect,
and keeps the folded state current. It knows nothing of SQLite or Textual.
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace

from pendulum import DateTime

from facilitator.core.clock import Clock, SystemClock
from facilitator.core.i18n import t
from facilitator.core.notice import Notice
from facilitator.core.zones import zone_of
from facilitator.line.corrections import same_kind_refusal
from facilitator.line.parsed import Capture, Invalid, LineContext, Parsed
from facilitator.line.read import parse_line
from facilitator.meeting.commands import capture, decide, edit, retract
from facilitator.meeting.confirmations import confirmations, undid
from facilitator.meeting.decision import Command, Decision, Refusal
from facilitator.meeting.events import ActionUndone, Event, MeetingClosed, MeetingOpened
from facilitator.meeting.fold import Folder
from facilitator.meeting.journal import Journal, JournalMoved, JournalUnavailable
from facilitator.meeting.minutes import Minutes, build_minutes
from facilitator.meeting.state import MeetingState

WRITE_ATTEMPTS = CLOSE_ATTEMPTS = 12
"""A line (or the close) is decided again when another terminal wrote
meanwhile; not forever."""

LONGEST_PAUSE_S = 0.05
"""The longest pause between two attempts (see :func:`attempts`)."""


def attempts(count: int, pause: bool = True) -> Iterator[int]:
    """Attempt numbers for a write decided again when another terminal wrote
    meanwhile. Between two, a random pause that grows (up to 2, 4, 8 … ms, at
    most :data:`LONGEST_PAUSE_S`): retried at once, a recorder's line lost the
    race eight times running to a host typing commands just as fast, and was
    put back as busy (seen on PostgreSQL under load).

    Without ``pause`` (a write that must not wait: the screen's own first try,
    which the outbox's thread takes over when it comes back busy) every attempt
    follows the last at once."""
    for attempt in range(count):
        if attempt and pause:
            time.sleep(random.uniform(0, min(LONGEST_PAUSE_S, 0.001 * 2**attempt)))
        yield attempt


@dataclass(frozen=True)
class Outcome:
    """What became of a submitted line."""

    accepted: bool
    notices: tuple[Notice, ...] = ()
    events: tuple[Event, ...] = ()
    request: str | None = None  # for the screen: "close", "help"
    busy: bool = False
    """Not refused: the journal was busy and nothing was written; try again."""

    @property
    def keep_text(self) -> bool:
        """A refused line stays in the input so it can be fixed, never lost."""
        return not self.accepted


def _busy(error: JournalUnavailable) -> Outcome:
    return Outcome(
        False, (Notice("trust.journal_busy", {"reason": str(error)}, "warning"),), busy=True
    )


class LiveMeeting:
    """One meeting, driven by lines and commands, recorded as it goes.

    Safe to share between the screen and one writer thread: every use of the
    journal and of the fold holds :attr:`lock`, and :attr:`state` is an
    immutable snapshot that may be read at any time.

    ``wait=False`` on a write gives up at once (``Outcome.busy``, nothing
    written) if another program holds the archive, so the screen never waits;
    ``at`` is when the line was typed, so a line written late keeps its moment.
    """

    def __init__(
        self,
        journal: Journal,
        clock: Clock | None = None,
    ) -> None:
        self.journal = journal
        self.clock = clock or SystemClock()
        self.lock = threading.RLock()
        self._folder = Folder(journal.read())
        self._state = self._folder.state
        self._refold = False

    @property
    def state(self) -> MeetingState:
        return self._state

    @property
    def meeting_id(self) -> int:
        return self.journal.meeting_id

    def sync(self, wait: bool = True) -> bool:
        """Take in events written by another process; True if there were any.

        If the journal is busy, nothing is taken in now: the next sync will.
        ``wait=False``: not now either if this meeting's writer thread is busy.
        """
        if not self.lock.acquire(blocking=wait):
            return False
        try:
            return self._sync()
        finally:
            self.lock.release()

    def _sync(self) -> bool:
        try:
            if self._refold:
                self._folder = Folder(self.journal.read())
                self._refold = False
                self._state = self._folder.state
                return True
            new = self.journal.read(after=self._last_seq())
        except JournalUnavailable:
            return False
        if not new:
            return False
        self._folder.extend(new)
        self._state = self._folder.state
        return True

    def context(self) -> LineContext:
        agenda = self._state.agenda
        today = self.clock.now().in_timezone(zone_of(agenda.start)).date()
        return LineContext(
            people=[p.name for p in agenda.people],
            departments=agenda.departments,
            today=today,
            calendar=agenda.calendar(),
        )

    def parse(self, text: str) -> Parsed:
        """How ``text`` reads as a line, whatever the room's state."""
        return parse_line(text, self.context())

    def preview(self, text: str) -> Parsed:
        """How ``text`` would be read, without recording anything.

        A command is also tried against the room as it stands, so a refusal
        (``/goto 9``, ``/move 2 1``, ``/speak`` someone absent) shows before Enter.
        """
        parsed = self.parse(text)
        if isinstance(parsed, Command):
            try:
                decide(self._state, parsed, self.clock.now())
            except Refusal as refusal:
                return Invalid(refusal.notice, parsed.raw)
        return parsed

    def _told(self, decision: Decision) -> tuple[Notice, ...]:
        """What to say about a command: its rule's notices, else what its events did;
        for an undo, what it took back (the events it names are in the journal)."""
        undone = [e for e in decision.events if isinstance(e, ActionUndone)]
        if undone:
            targets = set(undone[0].targets)
            return undid(tuple(e for e in self._folder.events if e.seq in targets), self._state)
        return decision.notices or confirmations(decision.events)

    def _last_seq(self) -> int:
        return self._folder.events[-1].seq if self._folder.events else 0

    def _now(self, at: DateTime | None) -> DateTime:
        """The instant a command takes effect: when it was typed, but never before
        the last event already in the journal (timers must not run backwards)."""
        now = self.clock.now() if at is None else at
        last = self._folder.events[-1].at if self._folder.events else None
        return last if last is not None and last > now else now

    def _record(
        self, events: tuple[Event, ...], checked: bool = False, wait: bool = True
    ) -> tuple[Event, ...]:
        """Write ``events``; ``checked``: only if nobody wrote since the state they
        were decided on (else :class:`JournalMoved`, nothing written)."""
        if not events:
            return ()
        before = self._last_seq()
        written = self.journal.append(events, expected_last=before if checked else None, wait=wait)
        # Another terminal may have written between our last sync and this
        # append: take in its events too, in journal order, or they would be
        # skipped by every later sync (which reads after the last seq seen).
        try:
            self._folder.extend(self.journal.read(after=before))
        except JournalUnavailable:
            self._folder.extend(written)
            self._refold = True  # recorded; the view is rebuilt at the next sync
        self._state = self._folder.state
        return tuple(written)

    def submit(self, text: str, at: DateTime | None = None, wait: bool = True) -> Outcome:
        """Read and carry out one line typed into the room.

        If the journal stays busy (another terminal holding it), nothing is
        written and the outcome says so (``busy``): nothing typed is lost.
        """
        with self.lock:
            try:
                return self._submit(text, at, wait)
            except JournalUnavailable as busy:
                return _busy(busy)

    def _submit(self, text: str, at: DateTime | None, wait: bool) -> Outcome:
        if not text.strip():
            return Outcome(False)
        # Decided on the latest state and written only if it still is: if the
        # other terminal wrote meanwhile (moved the topic, closed the meeting),
        # the line is read again against what it did.
        for _attempt in attempts(WRITE_ATTEMPTS, pause=wait):
            self._sync()
            parsed = self.parse(text)
            now = self._now(at)
            try:
                if isinstance(parsed, Invalid):
                    return Outcome(False, (parsed.notice,))
                if isinstance(parsed, Capture):
                    decision = capture(self._state, parsed.entry, now, parsed.speaker)
                    notices = parsed.notices
                else:
                    decision = decide(self._state, parsed, now)
                    notices = self._told(decision)
            except Refusal as refusal:
                return Outcome(False, (refusal.notice,))
            try:
                events = self._record(decision.events, checked=True, wait=wait)
            except JournalMoved:
                continue
            return Outcome(True, notices, events, decision.request)
        raise JournalUnavailable(t("trust.journal_moving"))

    def run(self, command: Command, at: DateTime | None = None, wait: bool = True) -> Outcome:
        """Carry out a command given by a key or the palette rather than typed."""
        with self.lock:
            try:
                return self._run(command, at, wait)
            except JournalUnavailable as busy:
                return _busy(busy)

    def _run(self, command: Command, at: DateTime | None, wait: bool) -> Outcome:
        for _attempt in attempts(WRITE_ATTEMPTS, pause=wait):
            self._sync()
            try:
                decision: Decision = decide(self._state, command, self._now(at))
            except Refusal as refusal:
                return Outcome(False, (refusal.notice,))
            # Told from the state it was decided on: an undo names the entry it takes
            # back (its number), which the state after it no longer has.
            notices = self._told(decision)
            try:
                events = self._record(decision.events, checked=True, wait=wait)
            except JournalMoved:
                continue
            return Outcome(True, notices, events, decision.request)
        raise JournalUnavailable(t("trust.journal_moving"))

    def edit(
        self,
        seq: int,
        text: str,
        keep_kind: bool = False,
        at: DateTime | None = None,
        wait: bool = True,
    ) -> Outcome:
        """Replace entry ``seq`` by the line ``text`` (an EntryEdited event).

        ``keep_kind``: refuse a line that reads as another kind of entry (the
        closing summary fixes owners and dates, it never turns a task into a
        point); the line stays in the input with the reason.
        """
        with self.lock:
            try:
                return self._edit(seq, text, keep_kind, at, wait)
            except JournalUnavailable as busy:
                return _busy(busy)

    def _edit(
        self, seq: int, text: str, keep_kind: bool, at: DateTime | None, wait: bool
    ) -> Outcome:
        if not text.strip():
            return Outcome(False)
        self._sync()
        parsed = self.parse(text)
        if isinstance(parsed, Invalid):
            return Outcome(False, (parsed.notice,))
        if isinstance(parsed, Command):
            return Outcome(False, (Notice("room.edit_needs_entry", severity="warning"),))
        old = self._state.entry(seq)
        kind_refusal = same_kind_refusal(old.entry, parsed) if keep_kind and old else None
        if kind_refusal is not None:
            return Outcome(False, (kind_refusal, *parsed.notices))
        try:
            decision = edit(self._state, seq, parsed.entry, self._now(at), parsed.speaker)
        except Refusal as refusal:
            return Outcome(False, (refusal.notice,))
        events = self._record(decision.events, wait=wait)
        return Outcome(True, (*decision.notices, *parsed.notices), events)

    def retract(self, seq: int, at: DateTime | None = None, wait: bool = True) -> Outcome:
        """Take back entry ``seq`` (an EntryRetracted event)."""
        with self.lock:
            try:
                self._sync()
                try:
                    decision = retract(self._state, seq, self._now(at))
                except Refusal as refusal:
                    return Outcome(False, (refusal.notice,))
                events = self._record(decision.events, wait=wait)
                return Outcome(True, decision.notices, events)
            except JournalUnavailable as busy:
                return _busy(busy)

    def open(self) -> None:
        """Mark the meeting opened in the room (once, even from two terminals)."""
        with self.lock:
            self._open()

    def _open(self) -> None:
        for _attempt in attempts(WRITE_ATTEMPTS):
            self._sync()
            if self._state.opened_at is not None or self._state.is_closed:
                return
            try:
                self._record((MeetingOpened(at=self.clock.now()),), checked=True)
            except JournalMoved:
                continue
            return
        raise JournalUnavailable(t("trust.journal_moving"))

    def record(self, *events: Event) -> tuple[Event, ...]:
        """Write events decided elsewhere (roll call, edits on the summary screen)."""
        with self.lock:
            self._sync()
            now = self.clock.now()
            return self._record(tuple(replace(e, at=e.at or now) for e in events))

    def minutes(self) -> Minutes:
        """The minutes as they would be if the meeting closed now."""
        return build_minutes(self._state, self.clock.now())

    def close(self) -> Minutes:
        """Close the meeting: journal the close and write the minutes, atomically.

        If another terminal writes while the minutes are being built, they are
        built again from the journal as it now stands, so none of its lines is
        left out of the minutes tables.
        """
        with self.lock:
            return self._close()

    def _close(self) -> Minutes:
        for _attempt in attempts(CLOSE_ATTEMPTS):
            self._sync()
            closed_at = self._state.closed_at
            if closed_at is not None:
                return build_minutes(self._state, closed_at)
            now = self.clock.now()
            closing = MeetingClosed(at=now)
            # Fold the close first so the minutes show the state it leaves behind.
            last = self._last_seq()
            preview = Folder([*self._folder.events, replace(closing, seq=last + 1)])
            minutes = build_minutes(preview.state, now)
            try:
                written = self.journal.close(closing, minutes, expected_last=last)
            except JournalMoved:
                continue
            self._folder.extend([written])
            self._state = self._folder.state
            return minutes
        raise JournalUnavailable(t("trust.journal_moving"))
