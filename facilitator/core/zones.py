"""Time zones by the label we store: an IANA name or a fixed offset like ``+01:00``."""

from __future__ import annotations

import re
from functools import cache

import pendulum
from pendulum import DateTime
from pendulum.tz.local_timezone import get_local_timezone
from pendulum.tz.timezone import FixedTimezone, Timezone

_OFFSET = re.compile(r"^(?:UTC)?([+-])(\d{2}):?(\d{2})$")


def zone_of(instant: DateTime) -> Timezone | FixedTimezone:
    """The zone an instant carries (UTC for one without: never the case for ours)."""
    return instant.timezone or pendulum.UTC


def local_zone() -> Timezone | FixedTimezone:
    """The zone of the machine the program runs on (where its user is)."""
    # pendulum.local_timezone is a function, but type checkers see the
    # pendulum.tz.local_timezone module of the same name.
    return get_local_timezone()


@cache
def zone(label: str | None) -> Timezone | FixedTimezone:
    """The zone for ``label``; fixed offsets are what TOML datetimes carry."""
    if not label:
        return pendulum.UTC
    match = _OFFSET.match(label)
    if match:
        sign = -1 if match.group(1) == "-" else 1
        seconds = int(match.group(2)) * 3600 + int(match.group(3)) * 60
        return pendulum.fixed_timezone(sign * seconds)
    return pendulum.timezone(label)
