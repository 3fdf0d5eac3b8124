"""Long lists on a terminal: columns aligned by display width, dates made fast."""

from __future__ import annotations

import pendulum
from rich.cells import cell_len

from facilitator.render.columns import aligned_columns, display_width, fold_text, folded_columns
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


def test_a_title_folds_between_words_and_chinese_between_characters() -> None:
    assert fold_text("submit the test resource form", 12) == [
        "submit the",
        "test",
        "resource",
        "form",
    ]
    assert fold_text("提交测试资源申请表", 7) == ["提交测", "试资源", "申请表"]
    assert fold_text("Q3新产品上线协调会 review", 10) == ["Q3新产品上", "线协调会", "review"]
    assert fold_text("https://example.org/a-very-long-path", 12) == [
        "https://exam",
        "ple.org/a-ve",
        "ry-long-path",
    ]
    assert fold_text("short", 12) == ["short"]


def test_a_list_wider_than_the_terminal_folds_its_text_and_keeps_ids_and_dates_whole() -> None:
    header = ["ID", "Due", "Owner", "Task", "Meeting"]
    columns = [
        ["1", "2"],
        ["Tue 10 Mar 2026", "2026年3月10日 星期二"],
        ["李雷", "Marta"],
        ["提交测试资源申请表", "submit the test resource form"],
        ["Q3新产品上线协调会", "Q3 launch coordination"],
    ]
    lines = folded_columns(header, columns, 60, frozenset({2, 3, 4}), right=frozenset({0}))
    assert max(map(display_width, lines)) <= 60
    text = "\n".join(lines)
    for whole in ("Tue 10 Mar 2026", "2026年3月10日 星期二", "李雷", "Marta"):
        assert whole in text
    assert len(lines) > 2 + 2


def test_a_folded_title_is_read_down_its_own_column() -> None:
    header = ["ID", "Due", "Task", "Meeting"]
    columns = [
        ["1", "2"],
        ["Tue 10 Mar 2026", "Fri 20 Mar 2026"],
        ["submit the test resource form", "campaign draft"],
        ["Q3 launch coordination", "Weekly sync"],
    ]
    lines = folded_columns(header, columns, 46, frozenset({2, 3}), right=frozenset({0}))
    assert max(map(len, lines)) <= 46
    task, meeting = column_starts(lines[0], header)[2:]
    first_row = lines[2 : lines.index(next(line for line in lines if line.startswith(" 2")))]
    tasks = " ".join(cell for line in first_row if (cell := line[task:meeting].strip()))
    assert tasks == "submit the test resource form"
    meetings = " ".join(cell for line in first_row if (cell := line[meeting:].strip()))
    assert meetings == "Q3 launch coordination"
    # The id and the date are on the row's first line only.
    assert all(not line[:task].strip() for line in first_row[1:])


def test_a_list_that_fits_the_terminal_is_not_folded() -> None:
    header, columns = ["ID", "Task"], [["1"], ["campaign draft"]]
    assert folded_columns(header, columns, 80, frozenset({1})) == aligned_columns(header, columns)


def test_a_chinese_list_with_notes_folds_within_80_columns() -> None:
    header = ["编号", "截止日期", "状态", "责任人", "部门", "任务名称", "会议", "最新备注"]
    rows = [
        ("123", "2026年12月20日 星期日", "进行中", "韩梅梅", "市场部",
         "补充客户异议处理案例并提交审批", "Q3新产品上线协调会", "已联系设计部，等待反馈意见"),
        ("7", "2026年3月10日 星期二", "延期", "Li", "R&D", "submit the test resource form",
         "Q3 launch coordination", "waiting on legal"),
    ]  # fmt: skip
    columns = [list(column) for column in zip(*rows, strict=True)]
    lines = folded_columns(header, columns, 80, frozenset(range(3, 8)), right=frozenset({0}))
    assert max(map(display_width, lines)) <= 80
    # Below the narrowest share, a heading still stays whole.
    assert lines[0].split() == header
    text = "".join("".join(lines).split())
    assert "2026年12月20日星期日" in text and "韩梅梅" in text
