"""Dates as the recorder types them."""

from __future__ import annotations

import pytest
from pendulum import Date

from facilitator.core.workdays import WorkCalendar, work_calendar
from facilitator.line.dates import find_dates, parse_date

WEDNESDAY = Date(2026, 8, 12)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("8/20", Date(2026, 8, 20)),
        ("2026-08-20", Date(2026, 8, 20)),
        ("9月20日", Date(2026, 9, 20)),
        ("2027年1月5日", Date(2027, 1, 5)),
        ("20/8", Date(2026, 8, 20)),
        ("20 Sept", Date(2026, 9, 20)),
        ("Sep 20th", Date(2026, 9, 20)),
        ("friday", Date(2026, 8, 14)),
        ("Friday", Date(2026, 8, 14)),
        ("next friday", Date(2026, 8, 21)),
        ("wednesday", Date(2026, 8, 19)),
        ("周五", Date(2026, 8, 14)),
        ("下周一", Date(2026, 8, 17)),
        ("tomorrow", Date(2026, 8, 13)),
        ("明天", Date(2026, 8, 13)),
        ("in 3 days", Date(2026, 8, 15)),
        ("in 2 weeks", Date(2026, 8, 26)),
    ],
)
def test_recorder_types_dates_the_usual_ways(typed: str, expected: Date) -> None:
    assert parse_date(typed, WEDNESDAY) == expected


WED_2_DEC, SUN_6_DEC, MON_7_DEC, FRI_11_DEC = (Date(2026, 12, d) for d in (2, 6, 7, 11))


@pytest.mark.parametrize(
    ("today", "typed", "expected"),
    [
        # 下周X / next X: weekday X of the next calendar week (weeks start on Monday)
        (WED_2_DEC, "下周一", Date(2026, 12, 7)),
        (WED_2_DEC, "next monday", Date(2026, 12, 7)),
        (WED_2_DEC, "下周五", Date(2026, 12, 11)),
        (WED_2_DEC, "next friday", Date(2026, 12, 11)),
        (WED_2_DEC, "下周三", Date(2026, 12, 9)),
        (WED_2_DEC, "下星期日", Date(2026, 12, 13)),
        (MON_7_DEC, "下周一", Date(2026, 12, 14)),
        (MON_7_DEC, "next monday", Date(2026, 12, 14)),
        (MON_7_DEC, "下周五", Date(2026, 12, 18)),
        (SUN_6_DEC, "下周五", Date(2026, 12, 11)),
        (SUN_6_DEC, "next friday", Date(2026, 12, 11)),
        (SUN_6_DEC, "下周一", Date(2026, 12, 7)),
        (FRI_11_DEC, "next friday", Date(2026, 12, 18)),
        # X alone: the first such day after today, today excluded
        (WED_2_DEC, "周五", Date(2026, 12, 4)),
        (WED_2_DEC, "friday", Date(2026, 12, 4)),
        (WED_2_DEC, "周三", Date(2026, 12, 9)),
        (SUN_6_DEC, "周五", Date(2026, 12, 11)),
        (SUN_6_DEC, "monday", Date(2026, 12, 7)),
        (FRI_11_DEC, "friday", Date(2026, 12, 18)),
        (FRI_11_DEC, "周一", Date(2026, 12, 14)),
    ],
)
def test_weekdays_this_week_and_next_week(today: Date, typed: str, expected: Date) -> None:
    assert parse_date(typed, today) == expected


def test_a_task_due_next_monday_typed_on_a_wednesday() -> None:
    from facilitator.line.parsed import Capture, LineContext
    from facilitator.line.read import parse_line

    context = LineContext(people=["李雷"], today=WED_2_DEC)
    parsed = parse_line("任务: @李雷 下周一前提交测试资源申请表", context)
    assert isinstance(parsed, Capture)
    assert (parsed.entry.due, parsed.entry.text) == (Date(2026, 12, 7), "提交测试资源申请表")


def test_workdays_skip_the_weekend() -> None:
    # Wednesday + 3 working days = Monday
    assert parse_date("in 3 workdays", WEDNESDAY) == Date(2026, 8, 17)
    assert parse_date("3个工作日内", WEDNESDAY) == Date(2026, 8, 17)
    assert parse_date("in 3 working days", WEDNESDAY) == Date(2026, 8, 17)


def test_workdays_skip_holidays_the_user_lists() -> None:
    calendar = WorkCalendar(extra_holidays=frozenset({Date(2026, 8, 14)}))
    assert calendar.add(WEDNESDAY, 3) == Date(2026, 8, 18)


CN = work_calendar("CN")
NATIONAL_DAY_EVE = Date(2025, 9, 29)  # a Monday; 1-8 October 2025 are off


def test_three_working_days_skip_national_day_with_its_make_up_days() -> None:
    # Tue 30 Sep is one; 1-8 Oct are off; Thu 9 and Fri 10 Oct are two and three.
    assert parse_date("3个工作日内", NATIONAL_DAY_EVE, CN) == Date(2025, 10, 10)
    assert parse_date("in 3 workdays", NATIONAL_DAY_EVE, CN) == Date(2025, 10, 10)


def test_a_make_up_saturday_is_a_working_day() -> None:
    # Sat 11 Oct 2025 was worked (调休): the fourth working day after 29 Sep.
    assert parse_date("4个工作日内", NATIONAL_DAY_EVE, CN) == Date(2025, 10, 11)


def test_spring_festival_is_not_a_working_day() -> None:
    # 2026: 15-23 February off; Sat 14 and Sat 28 February worked.
    assert parse_date("1个工作日内", Date(2026, 2, 13), CN) == Date(2026, 2, 14)
    assert parse_date("2个工作日内", Date(2026, 2, 13), CN) == Date(2026, 2, 24)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("十五天内", Date(2025, 10, 14)),
        ("二十天内", Date(2025, 10, 19)),
        ("两周内", Date(2025, 10, 13)),
        ("月底前", Date(2025, 9, 30)),
        ("9月底前", Date(2025, 9, 30)),
        ("本周内", Date(2025, 9, 30)),  # the week's last working day: 1-5 Oct are off
        ("8.20前", Date(2026, 8, 20)),
        ("下个月10号前", Date(2025, 10, 10)),
        ("下月十号", Date(2025, 10, 10)),
        ("下周一", Date(2025, 10, 6)),
        ("本周五", Date(2025, 10, 3)),
    ],
)
def test_dates_as_chinese_colleagues_write_them(typed: str, expected: Date) -> None:
    (found,) = find_dates(typed, NATIONAL_DAY_EVE, CN)
    assert found.date == expected, typed


def test_a_date_months_past_means_next_year() -> None:
    assert parse_date("8/20", Date(2026, 11, 25)) == Date(2027, 8, 20)
    # ...but yesterday is yesterday (the recorder is told it has passed)
    assert parse_date("11/24", Date(2026, 11, 25)) == Date(2026, 11, 24)


def test_a_task_due_next_summer_typed_in_november_is_said_aloud() -> None:
    from facilitator.line.parsed import Capture, LineContext
    from facilitator.line.read import parse_line

    context = LineContext(people=["Li"], today=Date(2026, 11, 27))
    parsed = parse_line("a: @Li submit the test form by 8/20", context)
    assert isinstance(parsed, Capture) and parsed.entry.due == Date(2027, 8, 20)
    assert [n.key for n in parsed.notices] == ["line.due_far"]
    # With its year written, the recorder meant it: nothing to say.
    typed = parse_line("a: @Li submit the test form by 2027-08-20", context)
    assert isinstance(typed, Capture) and typed.notices == ()


def test_a_task_for_two_people_has_one_owner_and_says_so() -> None:
    from facilitator.line.parsed import Capture, LineContext
    from facilitator.line.read import parse_line

    context = LineContext(people=["Wang", "Marta"], today=Date(2026, 11, 27))
    parsed = parse_line("a: @Wang @Marta joint plan by friday", context)
    assert isinstance(parsed, Capture) and parsed.entry.owner == "Wang"
    assert [n.text("en") for n in parsed.notices] == [
        "one owner per item: Wang; @Marta stays in the text (a task each, to give them their own)"
    ]


def test_impossible_dates_are_found_but_have_no_value() -> None:
    (found,) = find_dates("by 13/45", WEDNESDAY)
    assert found.text == "13/45" and found.date is None
    assert parse_date("2026-02-30", WEDNESDAY) is None


def test_numbers_inside_words_are_not_dates() -> None:
    assert find_dates("release v1.3/4 build", WEDNESDAY) == []
    assert find_dates("the monitor is broken", WEDNESDAY) == []
