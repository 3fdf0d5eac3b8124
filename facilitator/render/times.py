"""Dates, times and durations as people read them, in English or Chinese."""

from __future__ import annotations

import datetime as dt
import math
from functools import lru_cache
from typing import TYPE_CHECKING

from facilitator.core.i18n import catalogue, current_language, t
from facilitator.core.zones import zone as resolve_zone
from facilitator.core.zones import zone_of

if TYPE_CHECKING:
    from pendulum import Date, DateTime

_DATETIME = {"en": "ddd D MMM YYYY, HH:mm", "zh": "YYYY年M月D日 dddd HH:mm"}


def format_datetime(value: DateTime, language: str | None = None, zone: str | None = None) -> str:
    """``Mon 2 Mar 2026, 10:00`` / ``2026年3月2日 星期一 10:00``."""
    lang = language or current_language()
    local = value.in_timezone(resolve_zone(zone)) if zone else value
    return local.format(_DATETIME[lang], locale=lang)


_WEEKDAYS = {
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
    "zh": ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"),
}
_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@lru_cache(maxsize=8192)
def _date_text(year: int, month: int, day: int, language: str) -> str:
    # What pendulum's "ddd D MMM YYYY" / "YYYY年M月D日 dddd" give, without its
    # formatter: a task list formats thousands of dates.
    weekday = _WEEKDAYS[language][dt.date(year, month, day).weekday()]
    if language == "zh":
        return f"{year}年{month}月{day}日 {weekday}"
    return f"{weekday} {day} {_MONTHS_EN[month - 1]} {year}"


def format_date(value: Date | dt.date, language: str | None = None) -> str:
    """``Mon 2 Mar 2026`` / ``2026年3月2日 星期一``."""
    return _date_text(value.year, value.month, value.day, language or current_language())


def format_iso_date(text: str, language: str | None = None) -> str:
    """:func:`format_date` of a stored ``YYYY-MM-DD``."""
    return _date_text(
        int(text[:4]), int(text[5:7]), int(text[8:10]), language or current_language()
    )


def format_time(value: DateTime, zone: str | None = None) -> str:
    return (value.in_timezone(resolve_zone(zone)) if zone else value).format("HH:mm")


def format_span(start: DateTime, end: DateTime, language: str | None = None) -> str:
    """A meeting's time with its zone: ``Mon 2 Mar 2026, 10:00–11:00 (Europe/Berlin)``."""
    lang = language or current_language()
    end_local = end.in_timezone(zone_of(start))
    if end_local.date() == start.date():
        tail = end_local.format("HH:mm")
    else:
        tail = format_datetime(end_local, lang)
    # Chinese wraps the zone in full-width parentheses: （Asia/Shanghai）.
    return t(
        "minutes.time_with_zone",
        language=lang,
        time=f"{format_datetime(start, lang)}–{tail}",
        zone=zone_label(start, lang),
    )


def format_times(start: DateTime, end: DateTime) -> str:
    """Just the hours, with the zone: ``10:00–11:00 (Europe/Berlin)``, for a narrow screen."""
    end_local = end.in_timezone(zone_of(start))
    return t(
        "minutes.time_with_zone",
        time=f"{start.format('HH:mm')}–{end_local.format('HH:mm')}",
        zone=zone_label(start),
    )


# Names the zone database gives to UTC itself: one label for all of them, so the
# notice, the minutes and the screens never call one zone by two names.
_UTC_ALIASES = {
    "UTC",
    "Etc/UTC",
    "Etc/UCT",
    "UCT",
    "Etc/Universal",
    "Universal",
    "Etc/Zulu",
    "Zulu",
    "Etc/GMT",
    "GMT",
    "Etc/GMT0",
    "Etc/GMT+0",
    "Etc/GMT-0",
    "GMT0",
    "Etc/Greenwich",
    "Greenwich",
    "+00:00",
    "-00:00",
    "Z",
}


def zone_name_label(name: str | None, language: str | None = None) -> str:
    """:func:`zone_label` of a stored zone name (``Asia/Shanghai`` -> 北京时间)."""
    import pendulum  # a task list formats its dates without it (see format_iso_date)

    return zone_label(pendulum.now("UTC").in_timezone(resolve_zone(name)), language)


def zone_label(value: DateTime, language: str | None = None) -> str:
    """The zone of ``value`` as shown next to a time: ``Europe/Berlin``, ``UTC+08:00``,
    ``UTC``; in Chinese a common zone by the name people say (北京时间), from the
    catalogue's ``[zone_names]``."""
    name = value.timezone_name or "UTC"
    if name in _UTC_ALIASES:
        return "UTC"
    if name.startswith(("+", "-")):
        return f"UTC{name}"
    return catalogue(language or current_language()).get(f"zone_names.{name}", name)


def clock(seconds: float) -> str:
    """A countdown: ``12:34`` while time is left, ``+03:15`` once overrun.

    Hours fold into minutes (``95:00``) so the width stays predictable.
    """
    overrun = seconds < 0
    # Counting down shows 00:01 until the last second has passed; overrun counts up.
    total = int(-seconds) if overrun else math.ceil(seconds)
    minutes, secs = divmod(total, 60)
    return f"{'+' if overrun else ''}{minutes:02d}:{secs:02d}"


def duration(seconds: float, language: str | None = None) -> str:
    """A spoken length: ``4 min 05 s`` / ``4分05秒``; hours when long."""
    lang = language or current_language()
    total = round(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if lang == "zh":
        return f"{hours}小时{minutes:02d}分" if hours else f"{minutes}分{secs:02d}秒"
    return f"{hours} h {minutes:02d} min" if hours else f"{minutes} min {secs:02d} s"
