"""Speaking shares in the minutes add up to 100%."""

from __future__ import annotations

from facilitator.render.shares import percent_labels, whole_percents


def test_three_departments_shares_add_up_to_a_hundred() -> None:
    # Rounded one by one these read 46% + 45% + 10% = 101%.
    shares = whole_percents({"R&D": 455, "Marketing": 445, "Sales": 100})
    assert sum(shares.values()) == 100
    assert shares == {"R&D": 46, "Marketing": 44, "Sales": 10}


def test_a_third_each_reads_34_33_33() -> None:
    assert whole_percents({"a": 1, "b": 1, "c": 1}) == {"a": 34, "b": 33, "c": 33}


def test_nothing_spoken_is_zero_everywhere() -> None:
    assert percent_labels({"R&D": 0.0, "Sales": 0.0}) == {"R&D": "0%", "Sales": "0%"}
