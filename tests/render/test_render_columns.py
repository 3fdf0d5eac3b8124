"""Long lists on a terminal: columns aligned by display width, dates made fast."""

from __future__ import annotations

import pendulum
from rich.cells import cell_len

from facilitator.render.columns import aligned_columns, display_width
from facilitator.render.times import format_date, format_iso_date
from tests.support import column_starts


def test_dates_read_as_pendulum_writes_them_every_day_for_years() -> None:
    day = pendulum.date(2025, 12, 25)
    for _ in range(800):
        for language, pattern in (("en", "ddd D MMM YYYY"), ("zh", "YYYY年M月D日 dddd")):
            expected = day.format(pattern, locale=language)
            assert format_date(day, language) == expected
            assert format_iso_date(day.isoformat(), language) == expected
        day = day.add(days=1)


def test_chinese_cells_take_two_columns_and_still_line_up() -> None:
    assert display_width("李雷") == 4 == cell_len("李雷")
    header, rule, first, second = aligned_columns(
        ["ID", "Owner", "Task"],
        [["7", "12"], ["李雷", "Marta"], ["提交测试资源申请表", "campaign draft"]],
        right=frozenset({0}),
    )
    assert header == "ID  Owner  Task"
    assert rule == "--  -----  ----"
    assert first == " 7  李雷   提交测试资源申请表"
    assert column_starts(first, ["李雷", "提交"]) == column_starts(second, ["Marta", "campaign"])


def test_a_cell_longer_than_the_limit_is_shown_whole() -> None:
    long = "x" * 60
    _header, _rule, first, second = aligned_columns(
        ["Task", "Meeting"], [[long, "short"], ["Weekly", "Sync"]], max_width=10
    )
    assert first == f"{long}  Weekly"
    assert second == "short       Sync"


def test_a_hint_breaks_between_its_parts_never_inside_one() -> None:
    from facilitator.render.columns import break_between

    parts = ["/present @name", "/late @name", "F8 all others present", "F2 first topic"]
    assert break_between(parts, 80) == " · ".join(parts)
    assert break_between(parts, 50) == (
        "/present @name · /late @name\nF8 all others present · F2 first topic"
    )
    # Chinese takes two columns a character; a label already on the line counts.
    rules = ["对事不对人", "聚焦解决方案", "每人发言不超过3分钟"]
    assert break_between(rules, 40, used=10) == "对事不对人 · 聚焦解决方案\n每人发言不超过3分钟"
    assert break_between(parts, 0) == " · ".join(parts)  # not laid out yet
