"""The host opens speaking time in full (Shift+F10): shares, times, the whole meeting."""

from __future__ import annotations

from io import StringIO

from rich.console import Console
from textual.widgets._footer import FooterKey

from facilitator.core.clock import FakeClock
from screens.balance import BalanceScreen
from store.archive import Archive
from tests.support import enter_line, room_app


def shown(widget) -> str:
    out = StringIO()
    Console(width=200, file=out, color_system=None).print(widget.render())
    return out.getvalue()


async def test_balance_view_gives_times_per_department_in_the_topic_and_the_meeting(
    archive: Archive, clock: FakeClock
):
    app = room_app(archive, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await enter_line(pilot, "/present all")
        await pilot.press("f2")  # Li (R&D) reports on topic 1
        clock.advance(minutes=4)
        await enter_line(pilot, "/call @Marta")
        clock.advance(minutes=1)
        await pilot.press("f2")  # topic 2: Marta (Marketing) reports
        clock.advance(minutes=2)
        await pilot.press("shift+f10")
        await pilot.pause()
        assert isinstance(app.screen, BalanceScreen)
        panel = shown(app.screen.query_one("#balance-full"))
        topic, meeting = panel.split("Whole meeting, per department")
        # this topic: Marketing's share and its time
        assert "Marketing" in topic and "100% 02:00" in topic
        assert "R&D" in topic and "0% 00:00" in topic
        # the whole meeting, most time first
        rows = [line.split() for line in meeting.splitlines()[1:3]]
        assert rows == [["R&D", "04:00", "57%"], ["Marketing", "03:00", "43%"]]
        labels = [key.description for key in app.screen.query(FooterKey)]
        assert labels == ["Close"]


async def test_chinese_department_bars_line_up(archive, clock):
    import pendulum
    from rich.cells import cell_len

    from facilitator.core.i18n import set_language
    from tests.support import ROOM_AGENDA_ZH

    set_language("zh")
    clock.set(pendulum.datetime(2026, 3, 2, 10, 0, tz="Asia/Shanghai"))
    app = room_app(archive, clock, agenda_file=ROOM_AGENDA_ZH)
    async with app.run_test(size=(80, 24)) as pilot:
        await enter_line(pilot, "/到 全体")
        await pilot.press("f2")
        clock.advance(minutes=3)
        await pilot.press("shift+f10")
        await pilot.pause()
        panel = shown(app.screen.query_one("#balance-full")).splitlines()
        bars = [line for line in panel if "█" in line or "···" in line]
        starts = {cell_len(line[: min(line.find(c) for c in "█·│" if c in line)]) for line in bars}
        assert len(bars) == 5 and len(starts) == 1, panel


def bar_colours(panel) -> dict[str, str]:
    """The colour of each department's bar, as drawn (departments with no bar are left out)."""
    text = panel.content
    colours = {}
    for span in text.spans:
        if text.plain[span.start : span.end] == "█":
            line = text.plain[: span.start].rsplit("\n", 1)[-1]
            colours[line.split()[0]] = str(span.style)
    return colours


async def test_bar_turns_red_only_when_the_department_is_warned(archive: Archive, clock: FakeClock):
    app = room_app(archive, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await enter_line(pilot, "/present all")
        await pilot.press("f2")  # Li (R&D) opens topic 1 with a report
        clock.advance(minutes=1)
        await pilot.press("shift+f10")
        await pilot.pause()
        # All of a minute's talk is R&D's, but a report that short warns nobody:
        # so the bar stays green, as the empty warning line says.
        assert bar_colours(app.screen.query_one("#balance-full")) == {"R&D": "green"}
        assert shown(app.screen.query_one("#balance-warning")).strip() == ""
        clock.advance(minutes=1)
        app.screen.redraw()
        await pilot.pause()
        assert bar_colours(app.screen.query_one("#balance-full")) == {"R&D": "red"}
        assert "R&D has 100%" in shown(app.screen.query_one("#balance-warning"))
