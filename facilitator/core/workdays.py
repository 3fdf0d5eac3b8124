"""Working days: weekends, a country's public holidays, and its make-up working days.

China moves working days around its holidays (调休): Sunday 2025-09-28 was a
working day and Wednesday 2025-10-08 was not. The ``holidays`` package keeps
those calendars for China and most other countries, year by year; this module
is the one place that asks it, and every rule that counts working days
(``3个工作日内``, the two-working-day notice, the RSVP deadline, the next
meeting's default start) counts through a :class:`WorkCalendar`.

A calendar is named by an ISO 3166 country code (``CN``, ``DE``). An agenda
names it (``holidays = "CN"``) or it follows from the meeting's time zone
when that zone belongs to one country (``Asia/Shanghai`` -> ``CN``); a
fixed offset like ``+08:00`` names no country, so only weekends count.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from pendulum import Date

WEEKENDS_ONLY = ""
"""The calendar of no country: Monday to Friday are working days."""

LONGEST_SEARCH_DAYS = 366
"""No calendar has a year without a working day: stop looking after one."""


@cache
def _country_holidays(country: str, year: int) -> Any:
    """The country's calendar for one year, or None if ``holidays`` has none for it."""
    if not known_country(country):
        return None
    # Imported on first use: the room only needs it when a line names working days.
    import holidays

    return holidays.country_holidays(country, years=[year])


@cache
def known_country(code: str) -> bool:
    """Whether ``holidays`` has a calendar for the country ``code`` (``CN``, ``DE``...)."""
    import holidays

    return code.upper() in holidays.list_supported_countries()


@cache
def _zone_countries() -> dict[str, str]:
    """IANA zone name -> the one country it belongs to (tzdata's zone.tab)."""
    table = resources.files("tzdata").joinpath("zoneinfo", "zone.tab").read_text("utf-8")
    countries: dict[str, str] = {}
    for line in table.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        code, _coordinates, zone, *_comment = line.split("\t")
        countries[zone] = code
    return countries


def country_of_zone(zone: str | None) -> str:
    """The country whose time zone ``zone`` is, or "" when it names none (UTC, +08:00)."""
    if not zone:
        return WEEKENDS_ONLY
    return _zone_countries().get(zone, WEEKENDS_ONLY)


@dataclass(frozen=True)
class WorkCalendar:
    """Which days are working days, for one country (or none: weekends only)."""

    country: str = WEEKENDS_ONLY
    extra_holidays: frozenset[Date] = field(default_factory=frozenset)
    """Days off the country's calendar does not know (a company holiday)."""

    def is_workday(self, day: Date) -> bool:
        """A working day: by the country's calendar, with its make-up working days."""
        if day in self.extra_holidays:
            return False
        calendar = _country_holidays(self.country, day.year) if self.country else None
        if calendar is not None:
            return bool(calendar.is_working_day(dt.date(day.year, day.month, day.day)))
        return day.weekday() < 5

    def add(self, day: Date, count: int) -> Date:
        """The date ``count`` working days after ``day`` (``count`` >= 0)."""
        result = day
        remaining = count
        for _ in range(LONGEST_SEARCH_DAYS * max(1, count)):
            if remaining <= 0:
                break
            result = result.add(days=1)
            if self.is_workday(result):
                remaining -= 1
        return result

    def between(self, earlier: Date, later: Date) -> int:
        """Working days strictly after ``earlier`` up to and including ``later``."""
        count = 0
        day = earlier
        while day < later:
            day = day.add(days=1)
            if self.is_workday(day):
                count += 1
        return count

    def next_workday(self, day: Date) -> Date:
        """``day`` itself if it is a working day, else the first one after it."""
        for _ in range(LONGEST_SEARCH_DAYS):
            if self.is_workday(day):
                return day
            day = day.add(days=1)
        return day

    def previous_workday(self, day: Date) -> Date:
        """``day`` itself if it is a working day, else the last one before it."""
        for _ in range(LONGEST_SEARCH_DAYS):
            if self.is_workday(day):
                return day
            day = day.subtract(days=1)
        return day


WEEKENDS = WorkCalendar()
"""Monday to Friday, no holidays: when nothing names a country."""


def work_calendar(
    country: str | None, zone: str | None = None, extra: Collection[Date] = ()
) -> WorkCalendar:
    """The calendar an agenda names (``holidays = "CN"``), else its zone's country.

    ``country`` "" or "none" means weekends only, whatever the zone.
    """
    if country is not None:
        code = "" if country.strip().lower() in ("", "none") else country.strip().upper()
    else:
        code = country_of_zone(zone)
    return WorkCalendar(code, frozenset(extra))
