"""Minutes as one self-contained, printable HTML page.

Inline CSS with print styles, no scripts, no external resources; every piece
of text from people goes through :func:`html.escape`, so ``<script>`` in a
name is shown, never run.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from facilitator.core.i18n import t
from facilitator.core.text import clean
from facilitator.followup.confirmations import standing_of, standing_text
from facilitator.meeting.minutes import Minutes
from facilitator.render.patterns import joined
from facilitator.render.summary import topic_left_text
from facilitator.render.times import duration, format_date, format_span
from facilitator.render.topics import TopicView, discussion

_STYLE = """
:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, "Segoe UI", "Noto Sans", "PingFang SC",
  "Microsoft YaHei", "WenQuanYi Zen Hei", sans-serif; max-width: 48rem; margin: 2rem auto;
  padding: 0 1rem; color: #1a1a1a; line-height: 1.5; }
h1 { font-size: 1.6rem; border-bottom: 2px solid #333; padding-bottom: .3rem; }
h2 { font-size: 1.2rem; margin-top: 1.8rem; border-bottom: 1px solid #bbb; }
h3 { font-size: 1.05rem; margin-bottom: .2rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
th, td { border: 1px solid #999; padding: .25rem .5rem; text-align: left; vertical-align: top; }
th { background: #eee; }
.meta { color: #555; font-size: .9rem; }
.none { color: #777; font-style: italic; }
.status-delayed { color: #a00; font-weight: bold; }
.status-done { color: #060; }
.status-overdue { color: #a00; font-weight: bold; }
.status-resolved { color: #060; }
@media print {
  body { margin: 0; max-width: none; font-size: 10.5pt; }
  h2, h3 { break-after: avoid; }
  table, li { break-inside: avoid; }
  th { background: #eee !important; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
@page { margin: 18mm 15mm; }
"""


def _e(text: str) -> str:
    return escape(clean(text), quote=True)


def _strong(text: str) -> str:
    return f"<strong>{text}</strong>"


def _topic(view: TopicView) -> list[str]:
    out: list[str] = []
    for block in view.blocks:
        out.append(f"<h4>{_e(block.label)}</h4><ul>")
        for bullet in block.bullets:
            if bullet.sides:
                # The party in bold, the catalogue's punctuation after it (研发部：…).
                sides = "".join(
                    f"<li>{joined(side, _e, {'party': _strong})}</li>" for side in bullet.sides
                )
                out.append(f"<li>{_e(bullet.label)}<ul>{sides}</ul></li>")
            else:
                out.append(f"<li>{_e(bullet.text)}</li>")
        out.append("</ul>")
    if not out:
        out.append(f'<p class="none">{_e(view.nothing)}</p>')
    return out


def _none(tr: Callable[..., str]) -> str:
    return f'<p class="none">{_e(tr("minutes.none"))}</p>'


def render_minutes_html(minutes: Minutes, language: str | None = None) -> str:
    """The minutes as a complete HTML document (in the meeting's language by default)."""
    lang = language or minutes.agenda.language
    agenda = minutes.agenda

    def tr(key: str, **params: object) -> str:
        return t(key, language=lang, **params)

    sep = tr("minutes.list_sep")
    title = tr("minutes.title", title=clean(agenda.title))
    place = " / ".join(clean(p) for p in (agenda.place, agenda.online) if p)
    absent = sep.join(
        tr("minutes.absent_with_briefer", name=clean(a.name), briefer=clean(a.briefer))
        if a.briefer
        else clean(a.name)
        for a in minutes.absent
    )
    present = sep.join(
        tr(
            "minutes.person_late" if a.status == "late" else "minutes.person_in_department",
            name=clean(a.name),
            department=clean(a.department),
        )
        for a in minutes.present
    )
    rows = [(tr("minutes.time"), format_span(agenda.start, agenda.end, lang))]
    held = minutes.held()
    if held is not None:
        rows.append((tr("minutes.held"), format_span(*held, lang)))
    rows += [
        (tr("minutes.place"), place),
        (tr("minutes.goal"), clean(agenda.goal)),
        (tr("minutes.host"), clean(minutes.host)),
        (tr("minutes.recorder"), clean(minutes.recorder)),
        (tr("minutes.present"), present),
        (tr("minutes.absent"), absent or tr("minutes.none")),
    ]
    confirmed = standing_of(minutes)
    if confirmed is not None:
        rows.append((tr("minutes.confirmations"), clean(standing_text(confirmed, lang))))
    html_lang = "zh-CN" if lang == "zh" else "en"
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{html_lang}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title>",
        f"<style>{_STYLE}</style>",
        "</head>",
        "<body>",
        f"<h1>{escape(title)}</h1>",
        f"<h2>{_e(tr('minutes.basic_info'))}</h2>",
        "<table>",
        *(f"<tr><th>{_e(label)}</th><td>{escape(value)}</td></tr>" for label, value in rows),
        "</table>",
        f"<h2>{_e(tr('minutes.discussion'))}</h2>",
    ]
    for view in discussion(minutes, lang):
        out.append(f"<h3>{joined(view.heading, _e)}</h3>")
        if view.meta:
            out.append(f'<p class="meta">{joined(view.meta, _e)}</p>')
        out += _topic(view)

    out.append(f"<h2>{_e(tr('minutes.decisions'))}</h2>")
    if minutes.decisions:
        out += ["<ol>", *(f"<li>{_e(text)}</li>" for _title, text in minutes.decisions), "</ol>"]
    else:
        out.append(_none(tr))

    out.append(f"<h2>{_e(tr('minutes.open_items'))}</h2>")
    if minutes.open_items:
        out += [
            "<table>",
            f"<tr><th>{_e(tr('minutes.task_id'))}</th><th>{_e(tr('minutes.open_item'))}</th>"
            f"<th>{_e(tr('minutes.owner'))}</th>"
            f"<th>{_e(tr('minutes.deadline'))}</th><th>{_e(tr('minutes.status'))}</th></tr>",
            *(
                f"<tr><td>{item.id if item.id is not None else ''}</td>"
                f"<td>{_e(item.text)}</td><td>{_e(item.owner)}</td>"
                f"<td>{_e(format_date(item.deadline, lang)) if item.deadline else ''}</td>"
                f'<td class="status-{escape(item.status)}">'
                f"{_e(tr('item_status.' + item.status))}</td></tr>"
                for item in minutes.open_items
            ),
            "</table>",
        ]
    else:
        out.append(_none(tr))

    out.append(f"<h2>{_e(tr('minutes.tasks'))}</h2>")
    if minutes.tasks:
        out += [
            "<table>",
            f"<tr><th>{_e(tr('minutes.task_id'))}</th><th>{_e(tr('minutes.task'))}</th>"
            f"<th>{_e(tr('minutes.owner'))}</th>"
            f"<th>{_e(tr('minutes.due'))}</th><th>{_e(tr('minutes.status'))}</th></tr>",
            *(
                f"<tr><td>{task.id if task.id is not None else ''}</td>"
                f"<td>{_e(task.title)}</td><td>{_e(task.owner)}</td>"
                f"<td>{_e(format_date(task.due, lang)) if task.due else ''}</td>"
                f'<td class="status-{escape(task.status)}">{_e(tr("status." + task.status))}</td>'
                "</tr>"
                for task in minutes.tasks
            ),
            "</table>",
        ]
    else:
        out.append(_none(tr))

    if minutes.topics_left:
        out.append(f"<h2>{_e(tr('minutes.topics_left'))}</h2>")
        out += [
            "<ul>",
            *(f"<li>{_e(topic_left_text(topic, lang))}</li>" for topic in minutes.topics_left),
            "</ul>",
        ]

    totals = minutes.speaking_by_department()
    spoken = sum(totals.values())
    out.append(f"<h2>{_e(tr('minutes.speaking'))}</h2>")
    if spoken:
        out += [
            "<table>",
            f"<tr><th>{_e(tr('minutes.department'))}</th><th>{_e(tr('minutes.time_spoken'))}</th>"
            f"<th>{_e(tr('minutes.share'))}</th></tr>",
            *(
                f"<tr><td>{_e(dept)}</td><td>{_e(duration(seconds, lang))}</td>"
                f"<td>{seconds / spoken:.0%}</td></tr>"
                for dept, seconds in sorted(totals.items(), key=lambda kv: -kv[1])
            ),
            "</table>",
        ]
    else:
        out.append(_none(tr))
    out += ["</body>", "</html>", ""]
    return "\n".join(out)
