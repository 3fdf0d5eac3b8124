"""Dates, times and durations as people read them, in English or Chinese."""

from __future__ import annotations

import math

from pendulum import Date, DateTime

from facilitator.core.i18n import current_language, t
from facilitator.core.zones import zone as resolve_zone
from facilitator.core.zones import zone_of

_DATETIME = {"en": "ddd D MMM YYYY, HH:mm", "zh": "YYYY年M月D日 dddd HH:mm"}
_DATE = {"en": "ddd D MMM YYYY", "zh": "YYYY年M月D日 dddd"}


def format_datetime(value: DateTime, language: str | None = None, zone: str | None = None) -> str:
    """``Mon 2 Mar 2026, 10:00`` / ``2026年3月2日 星期一 10:00``."""
    lang = language or current_language()
    local = value.in_timezone(resolve_zone(zone)) if zone else value
    return local.format(_DATETIME[lang], locale=lang)


def format_date(value: Date, language: str | None = None) -> str:
    lang = language or current_language()
    return value.format(_DATE[lang], locale=lang)


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
        zone=zone_label(start),
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


def zone_label(value: DateTime) -> str:
    """The zone of ``value`` as shown next to a time: ``Europe/Berlin``, ``UTC+08:00``, ``UTC``."""
    name = value.timezone_name or "UTC"
    if name in _UTC_ALIASES:
        return "UTC"
    if name.startswith(("+", "-")):
        return f"UTC{name}"
    return name


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
