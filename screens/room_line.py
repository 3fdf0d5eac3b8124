"""The room's input line at work: each line typed or pasted is written in turn.

The base of :class:`screens.room.RoomScreen`: a line is written now if the
archive is free, else it waits its turn in the outbox (and the room says
so); a refused line comes back to be fixed; the status line says what each
did. The room itself adds the meeting's panels and its keys.
"""

from __future__ import annotations

import time
from functools import partial

from pendulum import DateTime
from rich.text import Text
from textual import on
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Input, Static

from facilitator.app.live import LiveMeeting, Outcome
from facilitator.app.outbox import Outbox, Pending
from facilitator.core.i18n import current_language, t
from facilitator.core.notice import Notice
from facilitator.line.corrections import kind_change
from facilitator.line.grammar import typed_as
from facilitator.meeting.decision import Command
from facilitator.render.columns import joints
from screens.widgets.capture import CaptureLine, LinePreview
from screens.widgets.entries import describe


def _typed(text: str, meeting: LiveMeeting, at: DateTime, wait: bool) -> Outcome:
    return meeting.submit(text, at=at, wait=wait)


def _corrected(seq: int, text: str, meeting: LiveMeeting, at: DateTime, wait: bool) -> Outcome:
    return meeting.edit(seq, text, at=at, wait=wait)


def _commanded(command: Command, meeting: LiveMeeting, at: DateTime, wait: bool) -> Outcome:
    return meeting.run(command, at=at, wait=wait)


def retracted(seq: int, meeting: LiveMeeting, at: DateTime, wait: bool) -> Outcome:
    return meeting.retract(seq, at=at, wait=wait)


_KEPT_KEYS = ("room.kept_under_up", "room.kept_count")


class Written(Message):
    """A write that had to wait for the archive is now done (or refused)."""

    def __init__(self, pending: Pending, outcome: Outcome) -> None:
        super().__init__()
        self.pending = pending
        self.outcome = outcome


MESSAGE_ROWS = 2
"""Rows the status line may take (its max-height in room.tcss)."""


class LineScreen(Screen[None]):
    """A screen whose one control is the input line (``#line``) of a live meeting."""

    meeting: LiveMeeting
    outbox: Outbox
    editing: int | None
    """The seq of the entry being corrected in the input line, if any."""
    _says_kept = False
    """The status line says a refused line waits under ↑."""
    leaving_warned = False
    """Ctrl+Q was pressed once while lines waited: the status line keeps saying
    that a second one leaves (the waiting notice, redrawn every second, would
    hide it)."""

    @property
    def line(self) -> CaptureLine:
        return self.query_one("#line", CaptureLine)

    def refresh_view(self) -> None:
        """Draw the meeting as it stands (the room's panels)."""

    def after(self, outcome: Outcome) -> None:
        """Say what a line or a command did, and redraw."""
        self.say(outcome)
        self.refresh_view()

    def _written_late(self, pending: Pending, outcome: Outcome) -> None:
        # Called on the outbox's thread: post_message hands it to the screen's own.
        self.post_message(Written(pending, outcome))

    def say(self, outcome: Outcome) -> None:
        message = self.query_one("#message", Static)
        text = Text(overflow="ellipsis", no_wrap=True)
        notices = outcome.notices
        kept = self.line.kept
        if kept and not any(n.key == "room.kept_under_up" for n in notices):
            # Until brought back, a refused line is not forgotten by the next message.
            notices = (*notices, Notice("room.kept_count", {"count": len(kept)}, "warning"))
        self._says_kept = any(n.key in _KEPT_KEYS for n in notices)
        # A hint ("type a name after @") on a refused line is a warning too.
        parts = [
            (n.severity == "info", ("✓ " if n.severity == "info" else "⚠ ") + n.text())
            for n in notices
        ]
        # A notice that does not fit after the others starts the next row; past the
        # second (all the room gives), how many more there are. The width is inside
        # the padding; 0 before the first layout.
        before = joints([part for _ok, part in parts], message.size.width, "  ")
        rows = 1
        for index, (joint, (ok, part)) in enumerate(zip(before, parts, strict=True)):
            if joint == "\n":
                if rows == MESSAGE_ROWS:
                    more = t("room.more_notices", count=len(parts) - index)
                    text.append(" " + more, style="bold yellow")
                    break
                rows += 1
            text.append(joint)
            text.append(part, style="green" if ok else "bold yellow")
        message.update(text)

    # -- the input line ---------------------------------------------------------

    @on(Input.Changed, "#line")
    def preview_line(self) -> None:
        if self._says_kept and not self.line.kept:
            # The refused line was brought back: the preview now says what is wrong with it.
            self.query_one("#message", Static).update("")
            self._says_kept = False
        self.update_preview()

    def update_preview(self) -> None:
        """Read the line as it stands now; while correcting, say if its kind would change."""
        value = self.line.value
        parsed = self.meeting.preview(value) if value.strip() else None
        captured = self.meeting.state.entry(self.editing) if self.editing is not None else None
        change = kind_change(captured.entry, parsed) if captured and parsed else None
        target = None
        if isinstance(parsed, Command) and parsed.name == "retract" and parsed.number:
            # Say which entry /retract N takes back before Enter: numbers are easy to mistype.
            numbered = self.meeting.state.numbered(parsed.number)
            if numbered is not None:
                target = Text.assemble((f"{numbered.number} ", "dim"), describe(numbered.entry))
        self.query_one("#preview", LinePreview).show(
            parsed,
            editing=self._editing_number(),
            change=change,
            target=target,
            returned=self.line.returned,
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
        waiting = sum(1 for outcome in outcomes if outcome is None)
        notices = [Notice("room.pasted", {"count": recorded})]
        if waiting:
            notices.append(Notice("room.pasted_waiting", {"count": waiting}, "warning"))
        if self.line.value.strip():
            # The paste's last line had no line break: it waits in the input, as typed.
            notices.append(Notice("room.pasted_rest"))
        warned = []
        for number, outcome in enumerate(outcomes, start=1):
            if outcome is None:
                continue
            if not outcome.accepted:
                reason = outcome.notices[0].text() if outcome.notices else ""
                notices.append(
                    Notice("room.pasted_refused", {"number": number, "reason": reason}, "warning")
                )
                continue
            # Recorded with a warning (an owner not in the room, no date): said as typed
            # lines say it, so the paste can be fixed while the meeting is still on it;
            # after the refused lines, which are not recorded at all and come first.
            warned += [
                Notice("room.pasted_warned", {"number": number, "reason": n.text()}, "warning")
                for n in outcome.notices
                if n.severity == "warning"
            ]
        self.say(Outcome(True, (*notices, *warned)))

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
        if self.leaving_warned:
            self.warn_leaving()
            return
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
        self.leaving_warned = True
        count = len(self.outbox.waiting)
        self.say(Outcome(False, (Notice("room.leave_waiting", {"count": count}, "warning"),)))

    @on(CaptureLine.Kept, "#line")
    def line_kept(self, event: CaptureLine.Kept) -> None:
        self.say(Outcome(False, (Notice("room.kept_under_up", {"line": event.text}, "warning"),)))

    def submit_text(self, text: str) -> None:
        """Carry out a line as if typed (the palette uses this)."""
        self._perform_line(text, keys=self.line.keys)

    def run_command(self, command: Command) -> None:
        """A command from a key or the palette, in turn with the lines typed before it."""
        label = typed_as(command, current_language())
        outcome = self.perform(
            Pending(label, self.meeting.clock.now(), partial(_commanded, command))
        )
        if outcome is None:
            self._say_waiting()
        else:
            self.after(outcome)
