"""The input line's parser on long lines: linear in the line's length.

A line of mentions (``@Li @Li ...``) and a line of dates, at 100 KB and
1 MB, parsed without the room's length cap (the cap, 10,000 characters,
keeps every real line far from these sizes). Linear means ten times the
text takes about ten times as long: the ratio of the 1 MB time to ten times
the 100 KB time is the figure (1.0 is exactly linear). The baseline is a
single regular-expression pass over the same megabyte.
"""

from __future__ import annotations

import re
import time

from pendulum import Date

from benchmarks.common import Figure, median
from facilitator.line.parsed import LineContext
from facilitator.line.read import parse_line

CONTEXT = LineContext(
    people=["Li", "Ana", "Marta", "李雷"],
    departments=["R&D", "Sales"],
    today=Date(2026, 8, 1),
    max_chars=None,
)
RUNS = 3


def _ms(text: str) -> float:
    times = []
    for _ in range(RUNS):
        began = time.perf_counter()
        parse_line(text, CONTEXT)
        times.append((time.perf_counter() - began) * 1000)
    return median(times)


def _line(unit: str, size: int) -> str:
    return "a: " + unit * (size // len(unit))


def run() -> list[Figure]:
    figures = []
    for label, unit in (("mentions", "@Li "), ("dates", "x by 8/20 ")):
        small, large = _ms(_line(unit, 100_000)), _ms(_line(unit, 1_000_000))
        scan = re.compile(r"@\w+|\d+/\d+")
        began = time.perf_counter()
        scan.findall(_line(unit, 1_000_000))
        baseline = (time.perf_counter() - began) * 1000
        ratio = large / (10 * small)
        figures.append(
            Figure(
                f"parse a 1 MB line of {label}",
                large,
                "ms",
                baseline,
                "one regex pass over it",
                "linear (1 MB <= 1.5 x 10 x 100 KB)",
                ratio <= 1.5,
                f"100 KB: {small:.0f} ms; 1 MB / (10 x 100 KB) = {ratio:.2f}",
            )
        )
    return figures
