"""What every benchmark reports: a figure, its baseline, their ratio, and the goal."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Figure:
    """One measured figure against a baseline measured in the same run."""

    name: str
    value: float
    unit: str
    baseline: float | None
    baseline_name: str
    goal: str
    met: bool
    note: str = ""

    @property
    def ratio(self) -> str:
        if self.baseline is None or self.baseline == 0:
            return "-"
        return f"{self.value / self.baseline:.2f}x"


def percentile(values: Sequence[float], share: float) -> float:
    """The value below which ``share`` (0..1) of ``values`` lie (nearest rank)."""
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * len(ordered) + 0.5) - 1))
    return ordered[index]


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if unit == "ms":
        return f"{value:.2f} ms" if value < 10 else f"{value:.0f} ms"
    if unit == "MB":
        return f"{value:.1f} MB"
    if unit == "s":
        return f"{value:.3f} s"
    return f"{value:g} {unit}"


def table(figures: Sequence[Figure]) -> str:
    """The figures as a plain-text table."""
    rows = [("benchmark", "figure", "baseline", "ratio", "goal", "")]
    for figure in figures:
        rows.append(
            (
                figure.name,
                fmt(figure.value, figure.unit),
                f"{fmt(figure.baseline, figure.unit)} ({figure.baseline_name})"
                if figure.baseline is not None
                else figure.baseline_name,
                figure.ratio,
                figure.goal,
                "ok" if figure.met else "MISSED",
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=False))
        for row in rows
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    notes = [f"  {f.name}: {f.note}" for f in figures if f.note]
    return "\n".join(lines + (["", *notes] if notes else []))
