"""What the projector shows while following a meeting, at 80x24 and 160x45.

The meeting comes from tests/data/room.toml (fixed zone and times) on a
FakeClock, so every run draws the same screen. Update with
``pytest tests/screens/test_follow_snapshots.py --snapshot-update`` and look at the SVGs.
"""

from __future__ import annotations

import pytest

from facilitator.app.follower import Follower
from facilitator.app.live import LiveMeeting
from facilitator.core.clock import FakeClock
from facilitator.planning.agenda_file import load_agenda
from screens.follow import FollowApp
from store.archive import Archive
from tests.support import ROOM_AGENDA, type_lines

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((160, 45), id="160x45")]

RUNNING = (
    "/present all",
    "/next",
    "d: go live on 20 Sept",
    "a: @Li training build by 9/10",
    "x: R&D: longer tests | Marketing: keep the date",
    "/speak @Marta @李雷",
)


def followed(
    archive: Archive, clock: FakeClock, minutes: float = 0, then: tuple[str, ...] = ()
) -> FollowApp:
    """The follow view of the meeting, ``minutes`` into its first topic, after ``then``."""
    journal = archive.create_meeting(load_agenda(ROOM_AGENDA), clock.now())
    room = LiveMeeting(journal, clock)
    room.open()
    type_lines(room, *RUNNING)
    clock.advance(minutes=minutes)
    type_lines(room, *then)
    return FollowApp(Follower(archive.journal(journal.meeting_id), clock, archive.data_version))


@pytest.mark.parametrize("size", SIZES)
def test_follow_running_topic(snap_compare, archive, clock, size):
    app = followed(archive, clock, minutes=6.25)
    assert snap_compare(app, terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_follow_paused_topic(snap_compare, archive, clock, size):
    app = followed(archive, clock, minutes=6.25, then=("/pause",))
    assert snap_compare(app, terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_follow_overrun_topic(snap_compare, archive, clock, size):
    app = followed(archive, clock, minutes=23.5)
    assert snap_compare(app, terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_follow_closed_summary(snap_compare, archive, clock, size):
    journal = archive.create_meeting(load_agenda(ROOM_AGENDA), clock.now())
    room = LiveMeeting(journal, clock)
    type_lines(room, *RUNNING, "u: @Marta budget approval in 3 workdays")
    clock.advance(minutes=12)
    room.close()
    app = FollowApp(Follower(archive.journal(journal.meeting_id), clock, archive.data_version))
    assert snap_compare(app, terminal_size=size)
