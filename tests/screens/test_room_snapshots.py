"""What the room looks like at each stage, at 80x24 and 120x40 (pytest-textual-snapshot).

The meeting comes from tests/data/room.toml (fixed zone and times) on a
FakeClock, so every run draws the same screen. The lines go in through the
room's own submit (``submit_lines``), not key by key: what is drawn after a
line is the same, and typing is proven elsewhere (test_room_keys.py, the
tmux tests). Update with
``pytest tests/screens/test_room_snapshots.py --snapshot-update`` and look at the SVGs.
"""

from __future__ import annotations

import pendulum
import pytest

from facilitator.core.clock import FakeClock
from facilitator.core.i18n import set_language
from screens.widgets.flash import FLASH_SECONDS, FLASHES
from store.archive import Archive
from tests.support import ROOM_AGENDA_ZH, room_app, submit_lines

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]


def _steady(pilot) -> None:
    """A blinking cursor would make the picture depend on when it is taken."""
    pilot.app.screen.query_one("#line").cursor_blink = False


async def _roll_call(pilot) -> None:
    _steady(pilot)
    await submit_lines(pilot, "/absent @Wang @Ana", "/late @Marta")


async def _running(pilot, clock: FakeClock) -> None:
    await _roll_call(pilot)  # steadies the cursor too
    await pilot.press("f8")
    await pilot.press("f2")
    await submit_lines(
        pilot, "d: go live on 20 Sept", "a: @Li training build by 9/10", "/speak @Marta @李雷"
    )
    clock.advance(minutes=6, seconds=15)
    pilot.app.screen.refresh_view()
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES)
def test_opening_with_roll_call(snap_compare, archive: Archive, clock: FakeClock, size):
    async def before(pilot):
        await _roll_call(pilot)

    assert snap_compare(room_app(archive, clock), terminal_size=size, run_before=before)


@pytest.mark.parametrize("size", SIZES)
def test_running_topic(snap_compare, archive, clock, size):
    async def before(pilot):
        await _running(pilot, clock)

    assert snap_compare(room_app(archive, clock), terminal_size=size, run_before=before)


@pytest.mark.parametrize("size", SIZES)
def test_overrun_topic(snap_compare, archive, clock, size):
    async def before(pilot):
        await _running(pilot, clock)
        await pilot.press("f6")
        clock.advance(minutes=17, seconds=5)
        pilot.app.screen.refresh_view()
        # Overrun: the bell and the clock flashes a few times; the picture is of after.
        await pilot.pause(FLASHES * 2 * FLASH_SECONDS + 0.3)

    assert snap_compare(room_app(archive, clock), terminal_size=size, run_before=before)


@pytest.mark.parametrize("size", SIZES)
def test_balance_warning(snap_compare, archive, clock, size):
    async def before(pilot):
        await _running(pilot, clock)
        await pilot.press("f6")
        clock.advance(seconds=40)
        pilot.app.screen.refresh_view()
        await pilot.pause()

    assert snap_compare(room_app(archive, clock), terminal_size=size, run_before=before)


@pytest.mark.parametrize("size", SIZES)
def test_closing_summary(snap_compare, archive, clock, size):
    async def before(pilot):
        await _running(pilot, clock)
        await submit_lines(
            pilot,
            "u: @Legal export rules in 3 workdays",
            "x: R&D: test more | Marketing: keep the date",
            "a: print the flyers",
        )
        await pilot.press("f10")
        await pilot.pause()

    assert snap_compare(room_app(archive, clock), terminal_size=size, run_before=before)


@pytest.mark.parametrize("size", SIZES)
def test_projector_theme(snap_compare, archive, clock, size):
    async def before(pilot):
        await _running(pilot, clock)

    app = room_app(archive, clock, theme="projector")
    assert snap_compare(app, terminal_size=size, run_before=before)


def test_chinese_room_with_roll_call_and_a_running_topic(snap_compare, archive, clock):
    set_language("zh")
    clock.set(pendulum.datetime(2026, 3, 2, 10, 0, tz="Asia/Shanghai"))  # the agenda's start

    async def before(pilot):
        _steady(pilot)
        await submit_lines(pilot, "/缺席 @王强 @周敏", "/到 全体")
        await pilot.press("f2")
        await submit_lines(pilot, "决定: 9月20日上线", "任务: @李雷 培训版本 9/10前")
        await submit_lines(pilot, "/发言 @韩梅梅")
        clock.advance(minutes=3)
        pilot.app.screen.refresh_view()
        await pilot.pause()

    app = room_app(archive, clock, agenda_file=ROOM_AGENDA_ZH)
    assert snap_compare(app, terminal_size=(80, 24), run_before=before)
