"""Shares of speaking time as people read them: whole percents that add up to 100.

Rounding each share on its own gave 46% + 45% + 10% = 101% in the minutes; a
reader adds the column up and trusts the rest less. The largest remainders
get the missing points, so the figures shown always total 100%.
"""

from __future__ import annotations

import math
from collections.abc import Mapping


def whole_percents(totals: Mapping[str, float]) -> dict[str, int]:
    """Each name's share of the total in whole percent, summing to exactly 100
    (largest remainder first; ties by order); all 0 while nothing was spoken."""
    whole = sum(totals.values())
    if whole <= 0:
        return dict.fromkeys(totals, 0)
    exact = {name: 100 * seconds / whole for name, seconds in totals.items()}
    floors = {name: math.floor(value) for name, value in exact.items()}
    missing = 100 - sum(floors.values())
    by_remainder = sorted(exact, key=lambda name: floors[name] - exact[name])
    for name in by_remainder[:missing]:
        floors[name] += 1
    return floors


def percent_labels(totals: Mapping[str, float]) -> dict[str, str]:
    """:func:`whole_percents` as labels (``46%``)."""
    return {name: f"{share}%" for name, share in whole_percents(totals).items()}
