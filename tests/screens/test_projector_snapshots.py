"""The projector from the back of the room: the speaker and the next one in block
letters with the countdown, at 120x40, 160x45 and 200x60 (pytest-textual-snapshot).

The meeting (tests/data/room.toml, two minutes a turn) is built through the
domain on a FakeClock before the screen opens, so nothing crosses a threshold
while the picture is taken (a flash would make it depend on when). Update with
``pytest tests/screens/test_projector_snapshots.py --snapshot-update`` and look
at the SVGs.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from facilitator.app.follower import Follower
from facilitator.app.live import LiveMeeting
from facilitator.planning.agenda_file import load_agenda
from screens.app import FacilitatorApp
from screens.follow import FollowApp
from tests.support import ROOM_AGENDA, type_lines

SIZES = [
    pytest.param((120, 40), id="120x40"),
    pytest.param((160, 45), id="160x45"),
    pytest.param((200, 60), id="200x60"),
]

REQUESTS = (
    "/absent @Wang @Ana",
    "/next",  # Li reports
    "d: go live on 20 Sept",
    "Front end 80% done",
    "/speak @李雷",
    "/speak @Marta reply",
    "/speak @Ana order",
)


def meeting(archive, clock, *then: str, minutes: float = 1.5) -> LiveMeeting:
    """Li reporting ``minutes`` into the first topic, a point of order and a reply waiting."""
    agenda = replace(load_agenda(ROOM_AGENDA), speaker_minutes=2)
    room = LiveMeeting(archive.create_meeting(agenda, clock.now()), clock)
    room.open()
    type_lines(room, *REQUESTS)
    clock.advance(minutes=minutes)
    type_lines(room, *then)
    return room


def steady(pilot) -> None:
    """A blinking cursor would make the picture depend on when it is taken."""
    pilot.app.screen.query_one("#line").cursor_blink = False


@pytest.mark.parametrize("size", SIZES)
def test_room_projector_speaker_and_next_in_block_letters(snap_compare, archive, clock, size):
    app = FacilitatorApp(meeting(archive, clock))
    assert snap_compare(app, terminal_size=size, run_before=steady)


@pytest.mark.parametrize("size", SIZES)
def test_follow_projector_speaker_and_next_in_block_letters(snap_compare, archive, clock, size):
    room = meeting(archive, clock)
    app = FollowApp(Follower(archive.journal(room.meeting_id), clock, archive.data_version))
    assert snap_compare(app, terminal_size=size)


def test_room_projector_a_chinese_name_over_its_time(snap_compare, archive, clock):
    # The point of order, then 李雷 after the reply: over the two minutes, in red; a
    # Chinese name is letter-spaced on a band (a terminal cannot draw it larger).
    room = meeting(archive, clock, "/done", "/done", "/done", minutes=0)
    clock.advance(minutes=2, seconds=20)
    app = FacilitatorApp(room)
    assert snap_compare(app, terminal_size=(200, 60), run_before=steady)
