"""With no meeting named, follow, serve, open and the notebook take the one the room is in."""

from __future__ import annotations

from pathlib import Path

import pendulum

from facilitator.app.live import LiveMeeting
from facilitator.app.selection import MeetingStanding, default_meeting
from facilitator.core.clock import FakeClock
from facilitator.planning.agenda_file import parse_agenda
from store.archive import Archive
from tests.support import AGENDA_TOML, type_lines

NOW = pendulum.parse("2026-03-02T08:30:00+00:00")


def standing(
    id: int,
    start: str,
    end: str,
    opened: bool = False,
    closed_at: str | None = None,
    last: int = 0,
) -> MeetingStanding:
    return MeetingStanding(
        id=id,
        start=pendulum.parse(start),
        end=pendulum.parse(end),
        opened=opened,
        closed_at=pendulum.parse(closed_at) if closed_at else None,
        last_activity=last,
    )


def test_the_meeting_in_progress_beats_one_planned_for_next_week():
    running = standing(1, "2026-03-02T08:00:00+00:00", "2026-03-02T09:00:00+00:00", True, last=5)
    next_week = standing(2, "2026-03-09T08:00:00+00:00", "2026-03-09T09:00:00+00:00", last=7)
    assert default_meeting([running, next_week], NOW, closed=False) == running


def test_of_two_meetings_in_progress_the_one_the_room_wrote_to_last():
    quiet = standing(1, "2026-03-02T09:00:00+00:00", "2026-03-02T10:00:00+00:00", True, last=9)
    busy = standing(2, "2026-03-02T07:00:00+00:00", "2026-03-02T08:00:00+00:00", True, last=12)
    assert default_meeting([quiet, busy], NOW, closed=False) == busy


def test_among_planned_ones_the_next_to_start_compared_as_instants():
    # As text "10:00+08:00" sorts after "09:00+00:00", but it is 02:00 UTC: long over.
    shanghai = standing(1, "2026-03-02T10:00:00+08:00", "2026-03-02T11:00:00+08:00")
    london = standing(2, "2026-03-02T09:00:00+00:00", "2026-03-02T10:00:00+00:00")
    later = standing(3, "2026-03-05T09:00:00+00:00", "2026-03-05T10:00:00+00:00")
    assert default_meeting([shanghai, later, london], NOW, closed=False) == london


def test_a_planned_meeting_that_is_due_waits_for_the_room():
    due = standing(1, "2026-03-02T08:00:00+00:00", "2026-03-02T09:00:00+00:00")
    tomorrow = standing(2, "2026-03-03T08:00:00+00:00", "2026-03-03T09:00:00+00:00")
    assert default_meeting([tomorrow, due], NOW, closed=False) == due


def test_when_every_planned_meeting_is_past_the_one_planned_last():
    older = standing(1, "2026-02-02T08:00:00+00:00", "2026-02-02T09:00:00+00:00")
    newer = standing(2, "2026-02-20T08:00:00+00:00", "2026-02-20T09:00:00+00:00")
    assert default_meeting([newer, older], NOW, closed=False) == newer


def test_closed_meetings_are_chosen_by_when_they_closed():
    first = standing(
        1, "2026-03-01T08:00:00+00:00", "2026-03-01T09:00:00+00:00", True, "2026-03-01T09:00Z"
    )
    # Planned earlier, closed later (it ran long).
    second = standing(
        2, "2026-02-28T08:00:00+00:00", "2026-02-28T09:00:00+00:00", True, "2026-03-01T12:00Z"
    )
    planned = standing(3, "2026-03-09T08:00:00+00:00", "2026-03-09T09:00:00+00:00")
    assert default_meeting([first, second, planned], NOW, closed=True) == second
    assert default_meeting([first, second, planned], NOW, closed=None) == second
    assert default_meeting([first, second], NOW, closed=False) is None


def _agenda(title: str, start: str, end: str):
    text = AGENDA_TOML.replace('title = "Weekly ops sync"', f'title = "{title}"')
    text = text.replace("start = 2026-03-02T10:00:00+01:00", f"start = {start}")
    return parse_agenda(text.replace("end = 2026-03-02T11:00:00+01:00", f"end = {end}"))


def test_follow_and_open_find_the_running_meeting_not_next_weeks(db_path: Path):
    clock = FakeClock("2026-03-02T10:05:00+01:00")
    with Archive.open(db_path) as archive:
        today = archive.create_meeting(
            _agenda("Today", "2026-03-02T10:00:00+01:00", "2026-03-02T11:00:00+01:00"), clock.now()
        )
        room = LiveMeeting(today, clock)
        room.open()
        type_lines(room, "/next")
        archive.create_meeting(
            _agenda("Next week", "2026-03-09T10:00:00+01:00", "2026-03-09T11:00:00+01:00"),
            clock.now(),
        )
        assert archive.find(closed=False, now=clock.now()).title == "Today"
        assert archive.find(now=clock.now()).title == "Today"
        room.close()
        assert archive.find(closed=False, now=clock.now()).title == "Next week"
        assert archive.find(closed=True, now=clock.now()).title == "Today"
