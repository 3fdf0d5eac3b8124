"""The room in Chinese reads as Chinese: full-width punctuation, one word for one thing."""

from __future__ import annotations

from io import StringIO

import pendulum
import pytest
from rich.console import Console

from facilitator.core.i18n import set_language
from screens.closing import ClosingScreen
from tests.support import ROOM_AGENDA_ZH, enter_line, room_app


def shown(widget) -> str:
    out = StringIO()
    Console(width=200, file=out, color_system=None).print(widget.render())
    return out.getvalue()


@pytest.fixture
def chinese_room(archive, clock):
    set_language("zh")
    clock.set(pendulum.datetime(2026, 3, 2, 10, 0, tz="Asia/Shanghai"))
    return room_app(archive, clock, agenda_file=ROOM_AGENDA_ZH)


async def test_roll_call_and_status_line_say_the_same_about_a_briefer(chinese_room):
    app = chinese_room
    async with app.run_test(size=(100, 30)) as pilot:
        await enter_line(pilot, "/缺席 @王强 @李雷")
        assert "王强缺席，由李雷（已记为出席）会后传达" in shown(app.screen.query_one("#message"))
        assert "由李雷会后传达" in shown(app.screen.query_one("#opening"))


async def test_entries_and_summary_use_full_width_punctuation(chinese_room):
    app = chinese_room
    async with app.run_test(size=(100, 30)) as pilot:
        await enter_line(pilot, "/到 全体")
        await pilot.press("f2")
        await enter_line(pilot, "争议: 研发部: 延长测试 | 市场部: 保持日期")
        await enter_line(pilot, "待定: @法务 出具合规意见 11月30日前")
        entries = app.screen.query_one("#entries")
        listed = [str(entries.get_option_at_index(i).prompt) for i in range(entries.option_count)]
        assert any("研发部：延长测试；市场部：保持日期" in line for line in listed), listed
        await pilot.press("f10")
        await pilot.pause()
        assert isinstance(app.screen, ClosingScreen)
        summary = app.screen.query_one("#closing-summary")
        items = [str(summary.get_option_at_index(i).prompt) for i in range(summary.option_count)]
        assert "  • 出具合规意见（法务（非参会人），2026年11月30日 星期一）" in items, (
            items
        )  # 法务 is outside the room


async def test_a_command_typed_in_chinese_is_previewed_by_its_chinese_name(chinese_room):
    from tests.support import type_text

    app = chinese_room
    async with app.run_test(size=(100, 30)) as pilot:
        await enter_line(pilot, "/到 全体")
        await enter_line(pilot, "/下一项")
        await type_text(pilot, "/extend 10")
        assert "命令 /延长 10" in shown(app.screen.query_one("#preview"))


async def test_a_chinese_command_is_previewed_in_chinese_words_and_names_are_listed_with_dun(
    chinese_room,
):
    from tests.support import type_text

    app = chinese_room
    async with app.run_test(size=(100, 30)) as pilot:
        await type_text(pilot, "/出席 全部")
        assert "命令 /出席 全部" in shown(app.screen.query_one("#preview"))
        await pilot.press("ctrl+u")
        await enter_line(pilot, "/出席 @周敏 @李雷 @赵芳")
        assert "出席：周敏、李雷、赵芳" in shown(app.screen.query_one("#message"))
        await enter_line(pilot, "/下一项")
        await type_text(pilot, "/发言 @韩梅梅 提问 预算从哪里出")
        assert "命令 /发言 @韩梅梅 提问 — 预算从哪里出" in shown(app.screen.query_one("#preview"))
