"""Lines and commands waiting for a busy archive, written in order, never dropped.

The room tries every write at once without waiting. If another program holds
the archive, the write goes here instead, and so does everything after it
(order matters: a decision typed before ``/next`` belongs to the topic it
was typed in). One thread writes them in order, waiting on the archive as
long as it takes; the screen keeps taking keys and shows what still waits.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

from pendulum import DateTime

from facilitator.app.live import LiveMeeting, Outcome

Work = Callable[[LiveMeeting, DateTime, bool], Outcome]
"""One write: ``(meeting, when it was typed, wait) -> Outcome``."""

RETRY_SECONDS = 0.5
"""Pause between attempts once a write has waited its whole busy timeout."""


@dataclass(frozen=True)
class Pending:
    """A line or a command typed, not yet written."""

    label: str
    """What the room shows while it waits: the line as typed, or the command."""
    at: DateTime
    work: Work
    line: str | None = None
    """The typed line, to give back for correction if it is refused."""
    tag: object = field(default=None, compare=False)
    """Whatever the screen needs to know about it when it is written (a paste's batch)."""


def _reason(outcome: Outcome) -> str:
    notice = outcome.notices[0] if outcome.notices else None
    return str(notice.params.get("reason", "")) if notice is not None else ""


class Outbox:
    """Writes a busy archive could not take at once, carried out in order on a thread.

    ``deliver(pending, outcome)`` is called (on the writer thread) for each
    write carried out late; it must hand the outcome to the screen's own
    thread (Textual's ``post_message`` does).
    """

    def __init__(
        self,
        meeting: LiveMeeting,
        deliver: Callable[[Pending, Outcome], None],
        retry_seconds: float = RETRY_SECONDS,
    ) -> None:
        self.meeting = meeting
        self.deliver = deliver
        self.retry_seconds = retry_seconds
        self._queue: deque[Pending] = deque()
        self._cond = threading.Condition()
        self._thread: threading.Thread | None = None
        self._stopped = False
        self.waiting_since: float | None = None
        """``time.monotonic()`` when the oldest waiting write was first refused."""
        self.reason = ""
        """Why the last attempt could not write (busy, the disk full), for a person."""

    @property
    def waiting(self) -> tuple[Pending, ...]:
        """What is typed but not yet written, oldest first."""
        with self._cond:
            return tuple(self._queue)

    def put(self, pending: Pending) -> Outcome | None:
        """Carry out ``pending`` now if nothing waits and the archive is free.

        Returns its outcome, or None if it now waits (its outcome will be delivered).
        """
        with self._cond:
            if self._queue:
                self._queue.append(pending)
                return None
        outcome = pending.work(self.meeting, pending.at, False)
        if not outcome.busy:
            return outcome
        self.reason = _reason(outcome)
        with self._cond:
            self._queue.append(pending)
            self.waiting_since = time.monotonic()
            self._start()
            self._cond.notify()
        return None

    def _start(self) -> None:
        if self._thread is None or not self._thread.is_alive():
            self._thread = threading.Thread(target=self._write, name="outbox", daemon=True)
            self._thread.start()

    def _write(self) -> None:
        while True:
            with self._cond:
                while not self._queue and not self._stopped:
                    self._cond.wait()
                if self._stopped:
                    return
                pending = self._queue[0]
            outcome = pending.work(self.meeting, pending.at, True)
            if outcome.busy:
                self.reason = _reason(outcome)
                with self._cond:
                    self._cond.wait(self.retry_seconds)
                continue
            with self._cond:
                self._queue.popleft()
                self.waiting_since = time.monotonic() if self._queue else None
            self.deliver(pending, outcome)

    def stop(self) -> tuple[Pending, ...]:
        """Stop writing; return what was never written (to show the user, not lose)."""
        with self._cond:
            self._stopped = True
            self._cond.notify_all()
        if self._thread is not None:
            self._thread.join(timeout=1)
        # Read after the writer had its chance to finish the write it was in.
        return self.waiting
