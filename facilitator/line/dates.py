"""Due dates as people type them: ``8/20``, ``2026-08-20``, ``9月20日``, ``8.20前``,
``friday``, ``周五``, ``next friday``, ``下周五``, ``本周五``, ``tomorrow``,
``in 3 workdays``, ``3个工作日内``, ``十五天内``, ``月底前``, ``本周内``,
``下个月10号前``.

Working days are counted by the meeting's :class:`WorkCalendar` (China's
holidays and make-up working days, or another country's, or weekends only).
Chinese numerals (``十五``, ``二十``) are read by ``cn2an``, not by a table.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache

from pendulum import Date

from facilitator.core.workdays import WEEKENDS, WorkCalendar

# A date typed without a year that fell this many days ago or less is taken
# as a (late) date this year; older ones mean next year ("8/20" in December).
_PAST_GRACE_DAYS = 31

_WEEKDAYS = {
    "monday": 0,
    "mon": 0,
    "tuesday": 1,
    "tue": 1,
    "tues": 1,
    "wednesday": 2,
    "wed": 2,
    "thursday": 3,
    "thu": 3,
    "thur": 3,
    "thurs": 3,
    "friday": 4,
    "fri": 4,
    "saturday": 5,
    "sat": 5,
    "sunday": 6,
    "sun": 6,
}
_ZH_WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
_MONTHS = "jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"
_ZH_NUMERAL = "零〇一两二三四五六七八九十百"
_NUM = rf"(\d{{1,3}}|[{_ZH_NUMERAL}]{{1,4}})"
_ZH_DAY = rf"(?:\d{{1,2}}|[{_ZH_NUMERAL}]{{1,3}})"

# Each pattern matches one whole date expression; they are tried in order.
DATE_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        r"(?P<iso>\d{4})-(?P<im>\d{1,2})-(?P<id>\d{1,2})",
        r"(?:(?P<zy>\d{4})\s*年\s*)?(?P<zm>\d{1,2})\s*月\s*(?P<zd>\d{1,2})\s*[日号]",
        rf"(?P<zmrel>下个?月|本月|这个?月)\s*(?P<zmd>{_ZH_DAY})\s*[日号]",
        r"(?P<dm>\d{1,2})\.(?P<dd>\d{1,2})(?=\s*(?:之前|以前|前|截止))",
        rf"(?P<zmm>{_ZH_DAY})\s*月\s*(?:底|末)",
        r"(?P<zend>月底|月末|年底|年末)",
        r"(?P<zweek>本周内|这周内|本周|这周)(?![一二三四五六日天])",
        r"(?P<sm>\d{1,2})/(?P<sd>\d{1,2})(?:/(?P<sy>\d{2,4}))?",
        rf"(?P<nd>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<nmon>{_MONTHS})[a-z]*\.?",
        rf"(?P<mon>{_MONTHS})[a-z]*\.?\s+(?P<md>\d{{1,2}})(?:st|nd|rd|th)?",
        rf"(?:in\s+)?(?P<n>{_NUM})\s*(?P<unit>work(?:ing)?\s*days?|business\s*days?|workdays?"
        r"|days?|weeks?|个工作日|工作日|天|周|个星期|星期)(?:\s*内|\s*之内)?",
        r"(?P<rel>today|tomorrow|今天|明天|后天|今日|明日)",
        r"(?:(?P<next>next)\s+)?(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday"
        r"|mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun)\b",
        r"(?P<zhnext>下|本|这)?(?:周|星期|礼拜)(?P<zwd>[一二三四五六日天])",
    )
)


@dataclass(frozen=True)
class DateMatch:
    """A date found in a line: where it stood and what it means."""

    start: int
    end: int
    text: str
    date: Date | None  # None: it looked like a date but is not one (13/45)


@cache
def _number(text: str) -> int:
    """``15`` or ``十五`` as a number (cn2an, imported only when Chinese is typed)."""
    if text.isdigit():
        return int(text)
    import cn2an

    return int(cn2an.cn2an(text, "smart"))


def _safe_date(year: int, month: int, day: int) -> Date | None:
    try:
        return Date(year, month, day)
    except ValueError:
        return None


def _month_day(month: int, day: int, today: Date) -> Date | None:
    this_year = _safe_date(today.year, month, day)
    if this_year is None:
        # 2/29 in a common year may still exist next year
        return _safe_date(today.year + 1, month, day)
    if (today - this_year).in_days() > _PAST_GRACE_DAYS and this_year < today:
        return _safe_date(today.year + 1, month, day)
    return this_year


def _next_weekday(today: Date, weekday: int) -> Date:
    """``friday`` / ``周五``: the first such day after today (today itself excluded)."""
    return today.add(days=(weekday - today.weekday()) % 7 or 7)


def _weekday_of_next_week(today: Date, weekday: int) -> Date:
    """``next friday`` / ``下周五``: that day of the next calendar week (weeks start Monday).

    Counted from Monday, not from today: on a Wednesday ``下周一`` is in five
    days, and on a Monday it is in seven, never fourteen.
    """
    return today.add(days=7 - today.weekday() + weekday)


def _end_of_month(today: Date) -> Date:
    return today.end_of("month")


def _end_of_week(today: Date, calendar: WorkCalendar) -> Date:
    """``本周内``: the last working day of this week (Monday to Sunday), never before today."""
    last = calendar.previous_workday(today.add(days=6 - today.weekday()))
    return max(last, today)


def _resolve(match: re.Match[str], today: Date, calendar: WorkCalendar) -> Date | None:
    g = match.groupdict()
    if g.get("iso"):
        return _safe_date(int(g["iso"]), int(g["im"]), int(g["id"]))
    if g.get("zm"):
        if g.get("zy"):
            return _safe_date(int(g["zy"]), int(g["zm"]), int(g["zd"]))
        return _month_day(int(g["zm"]), int(g["zd"]), today)
    if g.get("zmrel"):
        base = today.add(months=1) if g["zmrel"].startswith("下") else today
        return _safe_date(base.year, base.month, _number(g["zmd"]))
    if g.get("dm"):
        return _month_day(int(g["dm"]), int(g["dd"]), today)
    if g.get("zmm"):
        month_start = _month_day(_number(g["zmm"]), 1, today)
        return month_start.end_of("month") if month_start is not None else None
    if g.get("zend"):
        if g["zend"] in ("年底", "年末"):
            return Date(today.year, 12, 31)
        return _end_of_month(today)
    if g.get("zweek"):
        return _end_of_week(today, calendar)
    if g.get("sm"):
        first, second = int(g["sm"]), int(g["sd"])
        # 8/20 is month/day; 20/8 can only be day/month
        month, day = (second, first) if first > 12 >= second else (first, second)
        if g.get("sy"):
            year = int(g["sy"])
            return _safe_date(year + 2000 if year < 100 else year, month, day)
        return _month_day(month, day, today)
    if g.get("nmon") or g.get("mon"):
        named = _MONTHS.split("|").index((g.get("nmon") or g["mon"]).lower()[:3]) + 1
        return _month_day(named, int(g.get("nd") or g["md"]), today)
    if g.get("n"):
        count = _number(g["n"])
        unit = g["unit"].lower()
        if "work" in unit or "business" in unit or "工作日" in unit:
            return calendar.add(today, count)
        if unit.startswith("week") or unit in ("周", "个星期", "星期"):
            return today.add(weeks=count)
        return today.add(days=count)
    if g.get("rel"):
        offsets = {"today": 0, "今天": 0, "今日": 0, "tomorrow": 1, "明天": 1, "明日": 1, "后天": 2}
        return today.add(days=offsets[g["rel"].lower()])
    if g.get("wd") or g.get("zwd"):
        weekday = _WEEKDAYS[g["wd"].lower()] if g.get("wd") else _ZH_WEEKDAYS[g["zwd"]]
        if g.get("next") or g.get("zhnext") == "下":
            return _weekday_of_next_week(today, weekday)
        if g.get("zhnext") in ("本", "这"):
            # 本周五: that day of this calendar week (before today, it was missed).
            return today.add(days=weekday - today.weekday())
        return _next_weekday(today, weekday)
    return None


def find_dates(text: str, today: Date, calendar: WorkCalendar = WEEKENDS) -> list[DateMatch]:
    """Every date expression in ``text``, left to right, non-overlapping."""
    found: list[DateMatch] = []
    # The spans taken so far, sorted and apart: an overlap is checked against
    # the two neighbours only (checking all of them was quadratic in dates).
    starts: list[int] = []
    ends: list[int] = []
    for pattern in DATE_PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            place = bisect.bisect_right(starts, start)
            if (place and ends[place - 1] > start) or (place < len(starts) and starts[place] < end):
                continue
            # "3/4" inside "v1.3/4" or a word like "monday2" is not a date
            before = text[start - 1] if start > 0 else " "
            after = text[end] if end < len(text) else " "
            if (before.isascii() and before.isalnum()) or before in "./:-":
                continue
            if (after.isascii() and after.isalnum()) or (
                after in "/:-" and end + 1 < len(text) and text[end + 1].isdigit()
            ):
                continue
            starts.insert(place, start)
            ends.insert(place, end)
            found.append(DateMatch(start, end, match.group(0), _resolve(match, today, calendar)))
    return sorted(found, key=lambda m: m.start)


def parse_date(text: str, today: Date, calendar: WorkCalendar = WEEKENDS) -> Date | None:
    """The date that ``text`` is, all of it, or None."""
    stripped = text.strip()
    for found in find_dates(stripped, today, calendar):
        if found.start == 0 and found.end == len(stripped):
            return found.date
    return None
