"""Time zones by the label we store: an IANA name or a fixed offset like ``+01:00``."""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

if TYPE_CHECKING:
    from pendulum import DateTime
    from pendulum.tz.timezone import FixedTimezone, Timezone

# pendulum is imported where a zone is made, not here: stored instants
# (utc_text) and the task list need no date library, and loading it is a
# tenth of `facilitator tasks` (benchmarks/task_query.py).

_OFFSET = re.compile(r"^(?:UTC)?([+-])(\d{2}):?(\d{2})$")


def zone_of(instant: DateTime) -> Timezone | FixedTimezone:
    """The zone an instant carries (UTC for one without: never the case for ours)."""
    import pendulum

    return instant.timezone or pendulum.UTC


def local_zone() -> Timezone | FixedTimezone:
    """The zone of the machine the program runs on (where its user is)."""
    # pendulum.local_timezone is a function, but type checkers see the
    # pendulum.tz.local_timezone module of the same name.
    from pendulum.tz.local_timezone import get_local_timezone

    return get_local_timezone()


@cache
def zone(label: str | None) -> Timezone | FixedTimezone:
    """The zone for ``label``; fixed offsets are what TOML datetimes carry."""
    import pendulum

    if not label:
        return pendulum.UTC
    match = _OFFSET.match(label)
    if match:
        sign = -1 if match.group(1) == "-" else 1
        seconds = int(match.group(2)) * 3600 + int(match.group(3)) * 60
        return pendulum.fixed_timezone(sign * seconds)
    return pendulum.timezone(label)


def wall_time_exists(local: dt.datetime, zone_name: str) -> bool:
    """Whether the clock on the wall ever shows ``local`` (naive) in ``zone_name``.

    In spring the clocks skip an hour: 02:30 on that day never happens in
    Europe/Berlin, and libraries quietly move it an hour either way.
    """
    try:
        zone_info = ZoneInfo(zone_name)
    except (ZoneInfoNotFoundError, ValueError):
        return True  # a fixed offset has no gaps
    placed = local.replace(tzinfo=zone_info)
    round_trip = placed.astimezone(dt.UTC).astimezone(zone_info).replace(tzinfo=None)
    return round_trip == local


def wall_time_twice(local: dt.datetime, zone_name: str) -> tuple[str, str] | None:
    """The two UTC offsets of a wall time that happens twice (the autumn hour),
    or None. The earlier reading comes first."""
    try:
        zone_info = ZoneInfo(zone_name)
    except (ZoneInfoNotFoundError, ValueError):
        return None
    first = local.replace(tzinfo=zone_info, fold=0).utcoffset()
    second = local.replace(tzinfo=zone_info, fold=1).utcoffset()
    if first is None or second is None or first == second:
        return None
    return _offset(first), _offset(second)


def _offset(delta: dt.timedelta) -> str:
    minutes = int(delta.total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


OFFSET_YEARS = (1970, 2100)
"""The years whose offset changes are written for SQL (``zone_offsets``)."""
_STEP = dt.timedelta(days=7)
"""Zones change offset months apart: a weekly scan finds each change, then bisection."""
_ZERO = dt.timedelta(0)
_BEGINNING = "0001-01-01T00:00:00+00:00"


def utc_text(value: dt.datetime) -> str:
    """An instant as the archive stores it: ISO 8601 in UTC (``+00:00``).

    One offset for every stored instant, so their text sorts as time does
    (``+`` sorts before the ``.`` of a fraction, so whole seconds come first).
    """
    return value.astimezone(dt.UTC).isoformat()


def offset_changes(label: str, years: tuple[int, int] = OFFSET_YEARS) -> list[tuple[str, int]]:
    """When the zone ``label`` changes its UTC offset: ``(UTC instant, minutes)`` pairs.

    The first pair starts at the beginning of time (``0001-01-01T00:00:00+00:00``);
    each later one is the instant (UTC, stored as the archive stores instants)
    from which the new offset applies. A fixed offset (``+01:00``) has one pair.
    SQL has no zone rules: this table is what lets a query tell the date in a
    meeting's zone (the ``task_status`` view).
    """
    from pendulum.tz.timezone import FixedTimezone

    resolved = zone(label)
    if isinstance(resolved, FixedTimezone):
        return [(_BEGINNING, int(resolved.offset // 60))]
    info = ZoneInfo(resolved.name)
    at = dt.datetime(years[0], 1, 1, tzinfo=dt.UTC)
    end = dt.datetime(years[1] + 1, 1, 1, tzinfo=dt.UTC)
    current = _minutes(info, at)
    changes = [(_BEGINNING, current)]
    while at < end:
        following = at + _STEP
        offset = _minutes(info, following)
        if offset != current:
            changes.append((utc_text(_first_change(info, at, following, current)), offset))
            current = offset
        at = following
    return changes


def _minutes(info: dt.tzinfo, at: dt.datetime) -> int:
    value = at.astimezone(info).utcoffset() or _ZERO
    return int(value.total_seconds() // 60)


def _first_change(info: dt.tzinfo, low: dt.datetime, high: dt.datetime, before: int) -> dt.datetime:
    """The first second in (low, high] whose offset is no longer ``before``."""
    while high - low > dt.timedelta(seconds=1):
        middle = low + (high - low) / 2
        middle = middle.replace(microsecond=0)
        if middle <= low:
            break
        if _minutes(info, middle) == before:
            low = middle
        else:
            high = middle
    return high
