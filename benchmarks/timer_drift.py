"""Timer error after three simulated hours of pauses, resumes and extensions.

A long topic runs on a fake clock that moves in uneven steps (a screen
refreshing irregularly); pauses and resumes come at random. The time left
the room shows is compared with a plain sum of the running intervals, live
and again after reopening the archive. Baseline: the same sum (goal 0 s).
"""

from __future__ import annotations

import random
import tempfile
from dataclasses import replace
from pathlib import Path

from benchmarks.common import Figure
from facilitator.app.live import LiveMeeting
from facilitator.core.clock import FakeClock
from facilitator.meeting.agenda import Topic
from facilitator.planning.demo import demo_agenda
from store.archive import Archive

HOURS = 3


def run() -> list[Figure]:
    rng = random.Random(3)
    clock = FakeClock()
    agenda = demo_agenda(clock.now())
    agenda = replace(agenda, topics=(Topic("t1", "Long review", "Li", 4 * 60), *agenda.topics[1:]))
    path = Path(tempfile.mkdtemp(prefix="facilitator-bench-")) / "archive.db"
    archive = Archive.open(path)
    meeting = LiveMeeting(archive.create_meeting(agenda, clock.now()), clock)
    meeting.open()
    meeting.submit("/next")
    began = clock.now()
    running, paused, allotted = 0.0, False, 4 * 60 * 60.0
    worst = 0.0
    while (clock.now() - began).total_seconds() < HOURS * 3600:
        step = rng.randint(10, 45_000) / 1000  # whole milliseconds, as clocks tick
        clock.advance(seconds=step)
        if not paused:
            running += step
        roll = rng.random()
        if roll < 0.05:
            assert meeting.submit("/resume" if paused else "/pause").accepted
            paused = not paused
        elif roll < 0.07:
            assert meeting.submit("/extend 1").accepted
            allotted += 60
        shown = meeting.state.current_topic.left(clock.now())
        worst = max(worst, abs(shown - (allotted - running)))
    archive.close()
    with Archive.open(path) as again:
        reopened = LiveMeeting(again.journal(meeting.meeting_id), clock)
        after_reopen = abs(reopened.state.current_topic.left(clock.now()) - (allotted - running))
    error = max(worst, after_reopen)
    return [
        Figure(
            f"timer error after {HOURS} h with pauses (domain only)",
            error,
            "s",
            0.0,
            "sum of running intervals",
            "0 s",
            error < 0.001,
            f"live {worst:.6f} s, after reopening {after_reopen:.6f} s",
        )
    ]
