"""Briefs for absentees as Markdown and as one self-contained HTML page.

One brief per absentee (see :mod:`facilitator.followup.briefs`): the
decisions, their tasks and open items with owners and dates, the disputes
that name their department; in the meeting's language, people's words escaped.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape

from facilitator.core.i18n import t
from facilitator.core.text import clean
from facilitator.core.text import markdown as md
from facilitator.export.markdown import item_table, task_table
from facilitator.followup.briefs import Brief
from facilitator.meeting.minutes import Minutes
from facilitator.render.entries import side_parts
from facilitator.render.patterns import joined
from facilitator.render.times import format_date, format_span


def _intro(minutes: Minutes, brief: Brief, language: str) -> dict[str, str]:
    agenda = minutes.agenda
    return {
        "name": brief.absentee,
        "department": brief.department,
        "briefer": brief.briefer or t("summary.no_owner", language=language),
        "title": agenda.title,
        "time": format_span(agenda.start, agenda.end, language),
    }


def _decision(topic: str, text: str, language: str) -> str:
    return t("brief.decision_in", language=language, decision=text, topic=topic) if topic else text


def _headings(
    brief: Brief, language: str, escape_words: Callable[[str], str] = str
) -> list[tuple[str, int]]:
    """(heading, count) of the four sections, in the order they are read; the
    absentee's name and department through ``escape_words`` (people's words)."""
    words = {"name": escape_words(brief.absentee), "department": escape_words(brief.department)}

    def counted(key: str, count: int) -> tuple[str, int]:
        heading = t(key, language=language, **words)
        return t("minutes.counted", language=language, heading=heading, count=count), count

    return [
        counted("brief.decisions", len(brief.decisions)),
        counted("brief.tasks", len(brief.tasks)),
        counted("brief.open_items", len(brief.open_items)),
        counted("brief.disputes", len(brief.disputes)),
    ]


def render_brief(minutes: Minutes, briefs: Sequence[Brief], language: str | None = None) -> str:
    """The briefs as Markdown, one after the other (in the meeting's language by default)."""
    lang = language or minutes.agenda.language

    def tr(key: str, **params: object) -> str:
        return t(key, language=lang, **params)

    lines: list[str] = []
    for brief in briefs:
        # People's words escaped; the time is ours.
        intro = {
            key: value if key == "time" else md(value)
            for key, value in _intro(minutes, brief, lang).items()
        }
        lines += [f"# {tr('brief.title', name=intro['name'], title=intro['title'])}", ""]
        lines += [tr("brief.intro", **intro), ""]
        (decisions, _), (tasks, _), (items, _), (disputes, _) = _headings(brief, lang, md)
        lines += [f"## {decisions}", ""]
        lines += [
            f"{n}. {_decision(md(topic), md(text), lang)}"
            for n, (topic, text) in enumerate(brief.decisions, 1)
        ] or [f"_{tr('minutes.none')}_"]
        lines += ["", f"## {tasks}", ""]
        lines += task_table(brief.tasks, lang)
        lines += ["", f"## {items}", ""]
        lines += item_table(brief.open_items, lang)
        lines += ["", f"## {disputes}", ""]
        for topic, dispute in brief.disputes:
            lines.append(f"- {md(topic or tr('minutes.general'))}")
            if dispute.sides:
                lines += [f"  - {joined(side_parts(side, lang), md)}" for side in dispute.sides]
            else:
                lines.append(f"  - {md(dispute.text)}")
        if not brief.disputes:
            lines.append(f"_{tr('minutes.none')}_")
        lines.append("")
    return "\n".join(lines)


_STYLE = """
body { font-family: system-ui, -apple-system, "Segoe UI", "Noto Sans", "PingFang SC",
  "Microsoft YaHei", sans-serif; max-width: 48rem; margin: 2rem auto; padding: 0 1rem;
  color: #1a1a1a; line-height: 1.5; }
h1 { font-size: 1.5rem; border-bottom: 2px solid #333; }
h2 { font-size: 1.15rem; margin-top: 1.5rem; border-bottom: 1px solid #bbb; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #999; padding: .25rem .5rem; text-align: left; vertical-align: top; }
th { background: #eee; }
.none { color: #777; font-style: italic; }
.status-delayed, .status-overdue { color: #a00; font-weight: bold; }
@media print { body { margin: 0; max-width: none; } table, li { break-inside: avoid; } }
"""


def _e(text: str) -> str:
    return escape(clean(text), quote=True)


def _table(headings: Sequence[str], rows: Sequence[tuple[Sequence[str], str]]) -> list[str]:
    """A table of escaped cells; each row with the status class of its last cell."""
    out = ["<table>", "<tr>" + "".join(f"<th>{_e(h)}</th>" for h in headings) + "</tr>"]
    for cells, status in rows:
        *first, last = cells
        out.append(
            "<tr>"
            + "".join(f"<td>{_e(c)}</td>" for c in first)
            + f'<td class="status-{escape(status)}">{_e(last)}</td></tr>'
        )
    out.append("</table>")
    return out


def brief_html_body(
    minutes: Minutes, briefs: Sequence[Brief], language: str | None = None
) -> list[str]:
    """The briefs as HTML elements (for the page, and for an e-mail's HTML part)."""
    lang = language or minutes.agenda.language

    def tr(key: str, **params: object) -> str:
        return t(key, language=lang, **params)

    none = f'<p class="none">{_e(tr("minutes.none"))}</p>'
    out: list[str] = []
    for brief in briefs:
        intro = _intro(minutes, brief, lang)
        out.append(f"<h1>{_e(tr('brief.title', name=intro['name'], title=intro['title']))}</h1>")
        out.append(f"<p>{_e(tr('brief.intro', **intro))}</p>")
        (decisions, _), (tasks, _), (items, _), (disputes, _) = _headings(brief, lang)
        out.append(f"<h2>{_e(decisions)}</h2>")
        if brief.decisions:
            out += [
                "<ol>",
                *(f"<li>{_e(_decision(tp, text, lang))}</li>" for tp, text in brief.decisions),
                "</ol>",
            ]
        else:
            out.append(none)
        out.append(f"<h2>{_e(tasks)}</h2>")
        task_heads = [tr(k) for k in ("minutes.task_id", "minutes.task", "minutes.owner")]
        task_heads += [tr("minutes.due"), tr("minutes.status")]
        out += (
            _table(
                task_heads,
                [
                    (
                        (
                            str(task.id or ""),
                            task.title,
                            task.owner,
                            format_date(task.due, lang) if task.due else "",
                            tr("status." + task.status),
                        ),
                        task.status,
                    )
                    for task in brief.tasks
                ],
            )
            if brief.tasks
            else [none]
        )
        out.append(f"<h2>{_e(items)}</h2>")
        item_heads = [tr(k) for k in ("minutes.task_id", "minutes.open_item", "minutes.owner")]
        item_heads += [tr("minutes.deadline"), tr("minutes.status")]
        out += (
            _table(
                item_heads,
                [
                    (
                        (
                            str(item.id or ""),
                            item.text,
                            item.owner,
                            format_date(item.deadline, lang) if item.deadline else "",
                            tr("item_status." + item.status),
                        ),
                        item.status,
                    )
                    for item in brief.open_items
                ],
            )
            if brief.open_items
            else [none]
        )
        out.append(f"<h2>{_e(disputes)}</h2>")
        if brief.disputes:
            out.append("<ul>")
            for topic, dispute in brief.disputes:
                sides = (
                    "".join(
                        f"<li>{joined(side_parts(side, lang), _e, {'party': _strong})}</li>"
                        for side in dispute.sides
                    )
                    or f"<li>{_e(dispute.text)}</li>"
                )
                out.append(f"<li>{_e(topic or tr('minutes.general'))}<ul>{sides}</ul></li>")
            out.append("</ul>")
        else:
            out.append(none)
    return out


def _strong(text: str) -> str:
    return f"<strong>{text}</strong>"


def render_brief_html(
    minutes: Minutes, briefs: Sequence[Brief], language: str | None = None
) -> str:
    """The briefs as one self-contained, printable HTML page (inline CSS, no scripts)."""
    lang = language or minutes.agenda.language
    title = t("brief.page_title", language=lang, title=clean(minutes.agenda.title))
    return "\n".join(
        [
            "<!DOCTYPE html>",
            f'<html lang="{"zh-CN" if lang == "zh" else "en"}">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{escape(title)}</title>",
            f"<style>{_STYLE}</style>",
            "</head>",
            "<body>",
            *brief_html_body(minutes, briefs, lang),
            "</body>",
            "</html>",
            "",
        ]
    )
