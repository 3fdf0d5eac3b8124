"""A series of meetings in a notebook cell: one row per meeting, and a chart of
planned against actual minutes and of the open items opened and settled.

Plain HTML and inline styles (as :mod:`facilitator.notebook.display`), so it
shows the same in Jupyter, VS Code and an exported page.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from facilitator.core.i18n import t
from facilitator.followup.series import SeriesPoint
from facilitator.notebook.display import BOX, MUTED, esc, table_html, table_text
from facilitator.render.times import format_date

_PLANNED, _ACTUAL, _OVER = "#afb8c1", "#0969da", "#cf222e"
_OPENED, _SETTLED = "#9a6700", "#1a7f37"


def _columns() -> list[tuple[str, str]]:
    return [
        ("meeting_id", "#"),
        ("title", t("notebook.meeting")),
        ("date", t("minutes.time")),
        ("planned_minutes", t("metrics.planned")),
        ("actual_minutes", t("metrics.actual")),
        ("overruns", t("metrics.overruns")),
        ("decisions_per_hour", t("metrics.per_hour")),
        ("rating", t("metrics.rating")),
        ("items_opened", t("notebook.items_opened")),
        ("items_settled", t("notebook.items_settled")),
    ]


def _bar(value: float, longest: float, colour: str, label: str) -> str:
    width = 100 * value / longest if longest else 0
    return (
        f'<div role="img" aria-label="{esc(label)}" title="{esc(label)}" '
        f'style="background:{colour};height:0.8em;margin:1px 0;width:{width:.1f}%;'
        'min-width:1px"></div>'
    )


@dataclass(frozen=True)
class SeriesTrend:
    """The meetings of one series, in numbers (``nb.series(name)``)."""

    name: str
    points: tuple[SeriesPoint, ...]

    def to_records(self) -> list[dict[str, Any]]:
        """One plain record per meeting (JSON-ready; the date as ISO text)."""
        return [
            {
                "meeting_id": p.meeting_id,
                "title": p.title,
                "date": p.start.date().isoformat(),
                "planned_minutes": p.planned_minutes,
                "actual_minutes": p.actual_minutes,
                "overruns": p.overruns,
                "decisions": p.decisions,
                "decisions_per_hour": p.decisions_per_hour,
                "rating": p.rating,
                "items_opened": p.items_opened,
                "items_settled": p.items_settled,
            }
            for p in self.points
        ]

    def __len__(self) -> int:
        return len(self.points)

    def _shown(self) -> list[dict[str, Any]]:
        return [
            record | {"date": format_date(point.start.date())}
            for record, point in zip(self.to_records(), self.points, strict=True)
        ]

    def _chart(self) -> str:
        minutes = max((max(p.planned_minutes, p.actual_minutes) for p in self.points), default=0.0)
        items = max((p.items_opened for p in self.points), default=0)
        rows = []
        for point in self.points:
            actual = _OVER if point.actual_minutes > point.planned_minutes else _ACTUAL
            said = t(
                "notebook.trend_minutes",
                planned=point.planned_minutes,
                actual=f"{point.actual_minutes:.1f}",
            )
            opened = t("notebook.items_opened") + f": {point.items_opened}"
            settled = t("notebook.items_settled") + f": {point.items_settled}"
            rows.append(
                "<tr>"
                f'<td style="padding:0.2em 0.6em 0.2em 0;white-space:nowrap">'
                f"{esc(format_date(point.start.date()))}</td>"
                '<td style="width:18em">'
                + _bar(point.planned_minutes, minutes, _PLANNED, said)
                + _bar(point.actual_minutes, minutes, actual, said)
                + f'</td><td style="padding:0 0.6em;{MUTED};white-space:nowrap">{esc(said)}</td>'
                '<td style="width:8em">'
                + _bar(point.items_opened, items, _OPENED, opened)
                + _bar(point.items_settled, items, _SETTLED, settled)
                + f'</td><td style="padding:0 0.6em;{MUTED};white-space:nowrap">'
                + esc(
                    t(
                        "metrics.items_settled",
                        opened=point.items_opened,
                        settled=point.items_settled,
                    )
                    if point.items_opened
                    else "0"
                )
                + "</td></tr>"
            )
        legend = t("notebook.trend_legend")
        return (
            f'<div style="{MUTED}">{esc(legend)}</div>'
            f'<table style="border-collapse:collapse">{"".join(rows)}</table>'
        )

    def _repr_html_(self) -> str:
        title = t("metrics.series_title", name=self.name)
        return (
            f'<div style="{BOX}"><div style="font-weight:bold">{esc(title)}</div>'
            + self._chart()
            + table_html(_columns(), self._shown())
            + "</div>"
        )

    def __repr__(self) -> str:
        title = t("metrics.series_title", name=self.name)
        return f"{title}\n{table_text(_columns(), self._shown())}"
