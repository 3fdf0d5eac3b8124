"""Minutes as one self-contained, printable HTML page.

Inline CSS with print styles, no scripts, no external resources; every piece
of text from people goes through :func:`html.escape`, so ``<script>`` in a
name is shown, never run.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from facilitator.core.i18n import t
from facilitator.core.text import clean, url_parts
from facilitator.followup.confirmations import standing_of, standing_text
from facilitator.meeting.minutes import Minutes
from facilitator.render.patterns import joined
from facilitator.render.shares import percent_labels
from facilitator.render.summary import role_text, topic_left_text
from facilitator.render.times import duration, format_date, format_span
from facilitator.render.topics import TopicView, discussion

_STYLE = """
:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK SC",
  "PingFang SC", "Microsoft YaHei", "WenQuanYi Zen Hei", sans-serif; max-width: 48rem;
  margin: 2rem auto; padding: 0 1rem; color: #1a1a1a; line-height: 1.5; }
h1 { font-size: 1.6rem; border-bottom: 2px solid #333; padding-bottom: .3rem; }
h2 { font-size: 1.2rem; margin-top: 1.8rem; border-bottom: 1px solid #bbb; }
h3 { font-size: 1.05rem; margin-bottom: .2rem; }
h4 { font-size: .95rem; margin: .6rem 0 .1rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
th, td { border: 1px solid #999; padding: .25rem .5rem; text-align: left; vertical-align: top; }
th { background: #eee; }
/* Names, dates, ids and statuses are read whole: 韩梅梅 and 星期五 never break. */
.short, .info th { white-space: nowrap; }
.info th { width: 1%; }
.num { text-align: right; }
a { color: #0645ad; overflow-wrap: anywhere; }
.meta { color: #555; font-size: .9rem; }
.none { color: #777; font-style: italic; }
.status-delayed { color: #a00; font-weight: bold; }
.status-done { color: #060; }
.status-overdue { color: #a00; font-weight: bold; }
.status-resolved { color: #060; }
@media print {
  body { margin: 0; max-width: none; font-size: 10.5pt; }
  /* A heading stays with what follows it. */
  h1, h2, h3, h4, .meta { break-after: avoid-page; page-break-after: avoid; }
  /* A table may run on to the next page, a row may not; the header row repeats. */
  thead { display: table-header-group; }
  tr, li { break-inside: avoid; page-break-inside: avoid; }
  th { background: #eee !important; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a { color: inherit; text-decoration: underline; }
}
"""

PAGE = {"a4": "A4", "letter": "letter"}
"""CSS page sizes (``@page { size: ... }``) by paper (:mod:`facilitator.core.paper`)."""


def _e(text: str) -> str:
    return escape(clean(text), quote=True)


def _linked(text: str) -> str:
    """People's text, escaped, with each web address a link showing itself."""
    return "".join(
        f'<a href="{escape(piece, quote=True)}">{escape(piece)}</a>' if is_url else escape(piece)
        for piece, is_url in url_parts(clean(text))
    )


def _cell(tag: str, css: str, html: str) -> str:
    attribute = f' class="{css}"' if css else ""
    return f"<{tag}{attribute}>{html}</{tag}>"


def _table(head: list[tuple[str, str]], rows: list[list[tuple[str, str]]]) -> list[str]:
    """A table with its header row in ``<thead>`` (repeated on each printed page);
    each cell is (class, HTML)."""
    return [
        "<table>",
        "<thead><tr>" + "".join(_cell("th", css, html) for css, html in head) + "</tr></thead>",
        "<tbody>",
        *(
            "<tr>" + "".join(_cell("td", css, html) for css, html in cells) + "</tr>"
            for cells in rows
        ),
        "</tbody>",
        "</table>",
    ]


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
                    f"<li>{joined(side, _linked, {'party': _strong})}</li>" for side in bullet.sides
                )
                out.append(f"<li>{_e(bullet.label)}<ul>{sides}</ul></li>")
            else:
                out.append(f"<li>{joined(bullet.pieces, _linked)}</li>")
        out.append("</ul>")
    if not out:
        out.append(f'<p class="none">{_e(view.nothing)}</p>')
    return out


def _none(tr: Callable[..., str]) -> str:
    return f'<p class="none">{_e(tr("minutes.none"))}</p>'


def render_minutes_html(minutes: Minutes, language: str | None = None, paper: str = "a4") -> str:
    """The minutes as a complete HTML document (in the meeting's language by default),
    printed on ``paper`` (``a4`` or ``letter``: :func:`facilitator.core.paper.paper_for`)."""
    lang = language or minutes.agenda.language
    agenda = minutes.agenda

    def tr(key: str, **params: object) -> str:
        return t(key, language=lang, **params)

    def head(*labels: tuple[str, str]) -> list[tuple[str, str]]:
        return [(css, _e(tr(key))) for key, css in labels]

    sep = escape(tr("minutes.list_sep"))
    title = tr("minutes.title", title=clean(agenda.title))
    place = " / ".join(_linked(p) for p in (agenda.place, agenda.online) if p)
    absent = sep.join(
        escape(tr("minutes.absent_with_briefer", name=clean(a.name), briefer=clean(a.briefer)))
        if a.briefer
        else _e(a.name)
        for a in minutes.absent
    )
    present = sep.join(
        escape(
            tr(
                "minutes.person_late" if a.status == "late" else "minutes.person_in_department",
                name=clean(a.name),
                department=clean(a.department),
            )
        )
        for a in minutes.present
    )
    rows = [(tr("minutes.time"), escape(format_span(agenda.start, agenda.end, lang)))]
    held = minutes.held()
    if held is not None:
        rows.append((tr("minutes.held"), escape(format_span(*held, lang))))
    rows += [
        (tr("minutes.place"), place),
        (tr("minutes.goal"), _linked(agenda.goal)),
        (tr("minutes.host"), _e(role_text(minutes, "host", lang))),
        (tr("minutes.recorder"), _e(role_text(minutes, "recorder", lang))),
        (tr("minutes.present"), present),
        (tr("minutes.absent"), absent or _e(tr("minutes.none"))),
    ]
    confirmed = standing_of(minutes)
    if confirmed is not None:
        rows.append((tr("minutes.confirmations"), _e(standing_text(confirmed, lang))))
    html_lang = "zh-CN" if lang == "zh" else "en"
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{html_lang}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title>",
        f"<style>{_STYLE}@page {{ size: {PAGE.get(paper, 'A4')}; margin: 18mm 15mm; }}</style>",
        "</head>",
        "<body>",
        f"<h1>{escape(title)}</h1>",
        f"<h2>{_e(tr('minutes.basic_info'))}</h2>",
        '<table class="info"><tbody>',
        *(f"<tr><th>{_e(label)}</th><td>{value}</td></tr>" for label, value in rows),
        "</tbody></table>",
        f"<h2>{_e(tr('minutes.discussion'))}</h2>",
    ]
    for view in discussion(minutes, lang):
        out.append('<section class="topic">')
        out.append(f"<h3>{joined(view.heading, _e)}</h3>")
        if view.meta:
            out.append(f'<p class="meta">{joined(view.meta, _e)}</p>')
        out += _topic(view)
        out.append("</section>")

    out.append(f"<h2>{_e(tr('minutes.decisions'))}</h2>")
    if minutes.decisions:
        out += ["<ol>", *(f"<li>{_linked(text)}</li>" for _title, text in minutes.decisions)]
        out.append("</ol>")
    else:
        out.append(_none(tr))

    out.append(f"<h2>{_e(tr('minutes.open_items'))}</h2>")
    if minutes.open_items:
        out += _table(
            head(
                ("minutes.task_id", "short num"),
                ("minutes.open_item", ""),
                ("minutes.owner", "short"),
                ("minutes.deadline", "short"),
                ("minutes.status", "short"),
            ),
            [
                [
                    ("short num", str(item.id) if item.id is not None else ""),
                    ("", _linked(item.text)),
                    ("short", _e(item.owner)),
                    ("short", _e(format_date(item.deadline, lang)) if item.deadline else ""),
                    (f"short status-{escape(item.status)}", _e(tr("item_status." + item.status))),
                ]
                for item in minutes.open_items
            ],
        )
    else:
        out.append(_none(tr))

    out.append(f"<h2>{_e(tr('minutes.tasks'))}</h2>")
    if minutes.tasks:
        out += _table(
            head(
                ("minutes.task_id", "short num"),
                ("minutes.task", ""),
                ("minutes.owner", "short"),
                ("minutes.due", "short"),
                ("minutes.status", "short"),
            ),
            [
                [
                    ("short num", str(task.id) if task.id is not None else ""),
                    ("", _linked(task.title)),
                    ("short", _e(task.owner)),
                    ("short", _e(format_date(task.due, lang)) if task.due else ""),
                    (
                        f"short status-{escape(task.status)}",
                        _e(tr("status." + task.status)),
                    ),
                ]
                for task in minutes.tasks
            ],
        )
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
        shares = percent_labels(totals)
        out += _table(
            head(
                ("minutes.department", ""),
                ("minutes.time_spoken", "short"),
                ("minutes.share", "short num"),
            ),
            [
                [
                    ("", _e(dept)),
                    ("short", _e(duration(seconds, lang))),
                    ("short num", shares[dept]),
                ]
                for dept, seconds in sorted(totals.items(), key=lambda kv: -kv[1])
            ],
        )
    else:
        out.append(_none(tr))
    out += ["</body>", "</html>", ""]
    return "\n".join(out)
