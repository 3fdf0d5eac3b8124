"""HTML for the notebook: tables, bar charts, minutes (the live room is ``notebook.live``).

Plain HTML and inline styles only, so it shows the same in Jupyter, VS Code
and an exported page without a plotting library. Every piece of text from
people goes through :func:`esc`: a name like ``<script>`` shows literally.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from pendulum import Date, DateTime
from rich.cells import cell_len

from facilitator.core.i18n import t
from facilitator.core.text import clean
from facilitator.followup.confirmations import standing_of, standing_text
from facilitator.meeting.agenda import Agenda
from facilitator.meeting.minutes import Minutes
from facilitator.render.patterns import joined
from facilitator.render.shares import percent_labels
from facilitator.render.summary import role_text, topic_left_text
from facilitator.render.times import duration, format_date, format_datetime, format_span
from facilitator.render.topics import TopicView, discussion

BOX = "font-family:system-ui,sans-serif;line-height:1.4;max-width:60em"
_TABLE = "border-collapse:collapse;margin:0.3em 0"
_CELL = "border-bottom:1px solid #ccc;padding:0.15em 0.6em;text-align:left;vertical-align:top"
MUTED = "color:#777"


def esc(value: object) -> str:
    """Any value as HTML text: people's text is data, never markup (nor escape codes)."""
    return html.escape(clean("" if value is None else str(value)), quote=True)


def cell(value: object) -> str:
    """A table cell's text: dates read as people read them, None as nothing."""
    if value is None:
        return ""
    if isinstance(value, DateTime):
        return format_datetime(value)
    if isinstance(value, Date):
        return format_date(value)
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def table_html(
    columns: Sequence[tuple[str, str]],
    records: Iterable[Mapping[str, Any]],
    caption: str = "",
    markup: Mapping[str, Callable[[Any], str]] | None = None,
) -> str:
    """A table of ``records``; ``columns`` are (key, heading) pairs. ``markup``
    gives the HTML of some columns' cells (each function escapes what it shows)."""
    markup = markup or {}
    rows = list(records)
    parts = [f'<table style="{_TABLE}">']
    if caption:
        parts.append(f'<caption style="text-align:left;font-weight:bold">{esc(caption)}</caption>')
    parts.append(
        "<thead><tr>"
        + "".join(f'<th style="{_CELL}">{esc(label)}</th>' for _key, label in columns)
        + "</tr></thead><tbody>"
    )
    if not rows:
        parts.append(
            f'<tr><td style="{_CELL};{MUTED}" colspan="{len(columns)}">'
            f"{esc(t('minutes.none'))}</td></tr>"
        )
    for record in rows:
        parts.append(
            "<tr>"
            + "".join(
                f'<td style="{_CELL}">'
                f"{markup[key](record.get(key)) if key in markup else esc(cell(record.get(key)))}"
                "</td>"
                for key, _ in columns
            )
            + "</tr>"
        )
    parts.append("</tbody></table>")
    return "".join(parts)


def pad(text: str, width: int) -> str:
    """``text`` followed by spaces up to ``width`` terminal columns.

    ``str.ljust`` counts characters, but 研 takes two columns: Chinese cells
    would push the next column out of line. Nothing is cut, so no character
    is ever split in half.
    """
    return text + " " * max(0, width - cell_len(text))


def table_text(columns: Sequence[tuple[str, str]], records: Iterable[Mapping[str, Any]]) -> str:
    """The same table as aligned plain text, for ``repr`` in a console."""
    rows = [[cell(r.get(key)) for key, _ in columns] for r in records]
    headings = [label for _key, label in columns]
    widths = [
        max([cell_len(h)] + [cell_len(row[i]) for row in rows]) for i, h in enumerate(headings)
    ]
    lines = ["  ".join(pad(h, w) for h, w in zip(headings, widths, strict=True)).rstrip()]
    lines += [
        "  ".join(pad(c, w) for c, w in zip(row, widths, strict=True)).rstrip() for row in rows
    ]
    return "\n".join(lines)


def marked_html(text: object, terms: tuple[str, ...]) -> str:
    """People's text, escaped, with the words searched for in ``<mark>``."""
    from facilitator.followup.search import highlighted

    parts = highlighted(clean("" if text is None else str(text)), terms)
    return "".join(
        f"<mark>{html.escape(part)}</mark>" if hit else html.escape(part) for part, hit in parts
    )


def bars_html(title: str, totals: Mapping[str, float], colour: str = "#0969da") -> str:
    """Horizontal bars of seconds per name, with the duration and the share."""
    spoken = sum(totals.values())
    longest = max(totals.values(), default=0.0)
    parts = [f'<div style="{BOX}"><div style="font-weight:bold">{esc(title)}</div>']
    if not spoken:
        parts.append(f'<div style="{MUTED}">{esc(t("minutes.none"))}</div>')
    parts.append('<table style="border-collapse:collapse">')
    shares = percent_labels(totals)
    for name, seconds in sorted(totals.items(), key=lambda item: -item[1]) if spoken else ():
        width = 100 * seconds / longest if longest else 0
        share = shares[name]
        parts.append(
            "<tr>"
            f'<td style="padding:0.1em 0.6em 0.1em 0;white-space:nowrap">{esc(name)}</td>'
            '<td style="width:20em;padding:0.1em 0">'
            f'<div role="img" aria-label="{esc(name)}: {share}" '
            f'style="background:{colour};height:1em;width:{width:.1f}%;min-width:1px"></div></td>'
            f'<td style="padding:0.1em 0.6em;white-space:nowrap">{esc(duration(seconds))}</td>'
            f'<td style="padding:0.1em 0;{MUTED}">{share}</td>'
            "</tr>"
        )
    parts.append("</table></div>")
    return "".join(parts)


def bars_text(totals: Mapping[str, float], width: int = 30) -> str:
    """Bars of ``#`` for a console."""
    longest = max(totals.values(), default=0.0)
    spoken = sum(totals.values())
    if not spoken:
        return t("minutes.none")
    names = max(cell_len(name) for name in totals)
    shares = percent_labels(totals)
    return "\n".join(
        f"{pad(name, names)}  {'#' * round(width * seconds / longest):<{width}}  "
        f"{duration(seconds)} ({shares[name]})"
        for name, seconds in sorted(totals.items(), key=lambda item: -item[1])
    )


# -- agenda ------------------------------------------------------------------


def agenda_columns() -> list[tuple[str, str]]:
    return [
        ("position", "#"),
        ("title", t("notebook.topic")),
        ("owner", t("minutes.topic_owner")),
        ("planned_minutes", t("notebook.planned")),
        ("extra_minutes", t("notebook.extra")),
        ("actual_minutes", t("notebook.actual")),
        ("status", t("minutes.status")),
    ]


def agenda_header_html(agenda: Agenda) -> str:
    """Title, time, place and goal of a planned meeting."""
    facts = [
        (t("minutes.time"), format_span(agenda.start, agenda.end)),
        (t("minutes.place"), " · ".join(p for p in (agenda.place, agenda.online) if p)),
        (t("minutes.goal"), agenda.goal),
        (t("minutes.host"), ", ".join(p.name for p in agenda.with_role("host"))),
        (t("minutes.recorder"), ", ".join(p.name for p in agenda.with_role("recorder"))),
    ]
    rows = "".join(
        f'<tr><th style="{_CELL}">{esc(label)}</th><td style="{_CELL}">{esc(value)}</td></tr>'
        for label, value in facts
        if value
    )
    return f'<h3>{esc(agenda.title)}</h3><table style="{_TABLE}">{rows}</table>'


def people_html(agenda: Agenda) -> str:
    columns = [
        ("name", t("notebook.person")),
        ("department", t("minutes.department")),
        ("role", t("notebook.role")),
    ]
    return table_html(
        columns,
        ({"name": p.name, "department": p.department, "role": p.role} for p in agenda.people),
        t("notebook.people"),
    )


# -- minutes -------------------------------------------------------------------


def _list(items: Iterable[str]) -> str:
    lines = [f"<li>{esc(item)}</li>" for item in items]
    return f"<ul>{''.join(lines)}</ul>" if lines else ""


def _topic_html(view: TopicView) -> str:
    """A topic as the Markdown and HTML minutes lay it out (:func:`discussion`)."""
    parts = [f"<h4>{joined(view.heading, esc)}</h4>"]
    if view.meta:
        parts.append(f'<div style="{MUTED}">{joined(view.meta, esc)}</div>')
    for block in view.blocks:
        items = []
        for bullet in block.bullets:
            if bullet.sides:
                sides = "".join(f"<li>{joined(side, esc)}</li>" for side in bullet.sides)
                items.append(f"<li>{esc(bullet.label)}<ul>{sides}</ul></li>")
            else:
                items.append(f"<li>{joined(bullet.pieces, esc)}</li>")
        parts.append(f"<div><b>{esc(block.label)}</b></div><ul>{''.join(items)}</ul>")
    if not view.blocks:
        parts.append(f'<div style="{MUTED}">{esc(view.nothing)}</div>')
    return "".join(parts)


def open_item_columns(with_status: bool = False) -> list[tuple[str, str]]:
    columns = [
        ("text", t("minutes.open_item")),
        ("owner", t("minutes.owner")),
        ("deadline", t("minutes.deadline")),
        ("topic", t("notebook.topic")),
    ]
    if with_status:
        # As followed up: the id `facilitator item ID` takes, and where it stands.
        columns = [("id", "#"), *columns[:3], ("status", t("minutes.status")), columns[3]]
    return columns


def task_columns(with_meeting: bool = False) -> list[tuple[str, str]]:
    columns = [
        ("id", t("minutes.task_id")),
        ("title", t("minutes.task")),
        ("owner", t("minutes.owner")),
        ("department", t("minutes.department")),
        ("due", t("minutes.due")),
        ("status", t("minutes.status")),
    ]
    return [("meeting", t("notebook.meeting")), *columns] if with_meeting else columns


def minutes_html(
    minutes: Minutes,
    tasks: Sequence[Mapping[str, Any]] | None = None,
    banner: str = "",
) -> str:
    """The minutes of one meeting: basic information, topics, open items, tasks, speaking."""
    agenda = minutes.agenda
    present = ", ".join(a.name for a in minutes.present)
    absent = ", ".join(
        t("minutes.absent_with_briefer", name=a.name, briefer=a.briefer) if a.briefer else a.name
        for a in minutes.absent
    )
    parts = [f'<div style="{BOX}">']
    if banner:
        parts.append(f'<div style="{MUTED}">{esc(banner)}</div>')
    parts.append(f"<h3>{esc(t('minutes.title', title=agenda.title))}</h3>")
    facts = [
        (t("minutes.time"), format_span(agenda.start, agenda.end)),
        (t("minutes.place"), " · ".join(p for p in (agenda.place, agenda.online) if p)),
        (t("minutes.goal"), agenda.goal),
        (t("minutes.host"), role_text(minutes, "host")),
        (t("minutes.recorder"), role_text(minutes, "recorder")),
        (t("minutes.present"), present),
        (t("minutes.absent"), absent or t("minutes.none")),
    ]
    confirmed = standing_of(minutes)
    if confirmed is not None:
        facts.append((t("minutes.confirmations"), standing_text(confirmed)))
    parts.append(f'<table style="{_TABLE}">')
    for label, value in facts:
        if value:
            parts.append(
                f'<tr><th style="{_CELL}">{esc(label)}</th>'
                f'<td style="{_CELL}">{esc(value)}</td></tr>'
            )
    parts.append("</table>")
    parts.append(f"<h4>{esc(t('minutes.decisions'))}</h4>")
    parts.append(
        _list(d for _topic, d in minutes.decisions)
        or f'<div style="{MUTED}">{esc(t("minutes.none"))}</div>'
    )
    parts.append(f"<h4>{esc(t('minutes.discussion'))}</h4>")
    parts += [_topic_html(view) for view in discussion(minutes)]
    parts.append(f"<h4>{esc(t('minutes.open_items'))}</h4>")
    followed = any(item.id is not None for item in minutes.open_items)
    parts.append(
        table_html(
            open_item_columns(with_status=followed),
            (
                {
                    "id": item.id,
                    "text": item.text,
                    "owner": item.owner,
                    "deadline": item.deadline,
                    "status": t(f"item_status.{item.status}"),
                    "topic": minutes.topic_title(item.topic),
                }
                for item in minutes.open_items
            ),
        )
    )
    parts.append(f"<h4>{esc(t('minutes.tasks'))}</h4>")
    task_rows = (
        tasks
        if tasks is not None
        else [
            {
                "title": task.title,
                "owner": task.owner,
                "department": task.department,
                "due": task.due,
                "status": t(f"status.{task.status}"),
            }
            for task in minutes.tasks
        ]
    )
    parts.append(table_html(task_columns(), task_rows))
    if minutes.topics_left:
        parts.append(f"<h4>{esc(t('minutes.topics_left'))}</h4>")
        parts.append(_list(topic_left_text(topic) for topic in minutes.topics_left))
    parts.append(bars_html(t("notebook.speaking_by_department"), minutes.speaking_by_department()))
    parts.append("</div>")
    return "".join(parts)
