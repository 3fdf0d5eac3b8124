"""People's text is data: what cleaning keeps and what it takes out."""

from __future__ import annotations

from facilitator.core.text import clean


def test_a_right_to_left_override_cannot_reverse_what_a_reader_sees() -> None:
    assert clean("ship \u202eevil\u202c now") == "ship evil now"


def test_isolates_marks_and_line_separators_are_neutralised() -> None:
    assert clean("\u2066approved\u2069\u2028budget\u200f") == "approved budget"


def test_joiners_that_emoji_and_scripts_need_are_kept() -> None:
    family = "👩\u200d👩\u200d👧"
    assert clean(family) == family


def test_chinese_and_full_width_punctuation_are_untouched() -> None:
    assert clean("研发部：需延长测试周期，市场部担心") == "研发部：需延长测试周期，市场部担心"
