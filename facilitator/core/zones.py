"""Time zones by the label we store: an IANA name or a fixed offset like ``+01:00``."""

from __future__ import annotations

import re
from functools import cache

import pendulum
from pendulum.tz.timezone import FixedTimezone, Timezone

_OFFSET = re.compile(r"^(?:UTC)?([+-])(\d{2}):?(\d{2})$")


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
