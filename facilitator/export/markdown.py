"""Minutes as Markdown, laid out like the usual minutes table (会议纪要表):
basic information, discussion per topic, decisions, open items, tasks.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from facilitator.core.i18n import listed, t
from facilitator.core.text import markdown as md
from facilitator.core.text import markdown_cell as cell
from facilitator.followup.confirmations import standing_of, standing_text
from facilitator.meeting.minutes import AttendanceLine, Minutes, OpenItem, TaskLine
from facilitator.render.patterns import joined
from facilitator.render.shares import percent_labels
from facilitator.render.summary import role_text, topic_left_text
from facilitator.render.times import duration, format_date, format_span
from facilitator.render.topics import TopicView, discussion

if TYPE_CHECKING:
    from pendulum import Date


def _people(lines: Iterable[AttendanceLine], language: str) -> str:
    # Latecomers are marked: they missed the start, and the JSON says so too.
    people = (
        t(
            "minutes.person_late" if a.status == "late" else "minutes.person_in_department",
            language=language,
            name=md(a.name),
            department=md(a.department),
        )
        for a in lines
    )
    return listed(people, language)


def _topic(view: TopicView) -> list[str]:
    # Each labelled list is its own block, a blank line apart: without it a
    # Markdown renderer pulls the next label into the list item above.
    blocks: list[list[str]] = []
    for block in view.blocks:
        out = [f"**{block.label}**", ""]
        for bullet in block.bullets:
            if bullet.sides:
                out.append(f"- {md(bullet.label)}")  # a speaker's name is people's words
                out += [f"  - {joined(side, md)}" for side in bullet.sides]
            else:
                out.append(f"- {joined(bullet.pieces, md)}")
        blocks.append(out)
    if not blocks:
        return [f"_{view.nothing}_"]
    return [line for n, block in enumerate(blocks) for line in ([""] if n else []) + block]


def task_table(tasks: Sequence[TaskLine], language: str) -> list[str]:
    """Tasks as a Markdown table (the minutes, a brief), or the language's "none"."""
    # The id `facilitator task ID` takes: a row number would name another meeting's task.
    rows = [(task.id, task.title, task.owner, task.due, "status." + task.status) for task in tasks]
    return _followed_table(rows, "minutes.task", "minutes.due", language)


def item_table(items: Sequence[OpenItem], language: str) -> list[str]:
    """Open items as a Markdown table (the minutes, a brief), or the language's "none"."""
    # The id `facilitator item ID` takes, and where the item stands now (overdue...).
    rows = [
        (item.id, item.text, item.owner, item.deadline, "item_status." + item.status)
        for item in items
    ]
    return _followed_table(rows, "minutes.open_item", "minutes.deadline", language)


def _followed_table(
    rows: Sequence[tuple[int | None, str, str, Date | None, str]],
    what: str,
    when: str,
    language: str,
) -> list[str]:
    """Things followed up (id, text, owner, date, status key) as a Markdown table
    headed by the catalogue's ``what`` and ``when``, or the language's "none"."""
    if not rows:
        return [f"_{t('minutes.none', language=language)}_"]

    def tr(key: str) -> str:
        return t(key, language=language)

    return [
        f"| {tr('minutes.task_id')} | {tr(what)} | {tr('minutes.owner')} | "
        f"{tr(when)} | {tr('minutes.status')} |",
        "|---|---|---|---|---|",
        *(
            f"| {number if number is not None else ' '} | {cell(text)} | {cell(owner)} | "
            f"{format_date(date, language) if date else ' '} | {tr(status)} |"
            for number, text, owner, date, status in rows
        ),
    ]


def render_minutes(minutes: Minutes, language: str | None = None) -> str:
    """The minutes as a Markdown document (in the meeting's language by default)."""
    lang = language or minutes.agenda.language
    agenda = minutes.agenda

    def tr(key: str, **params: object) -> str:
        return t(key, language=lang, **params)

    lines = [f"# {tr('minutes.title', title=md(agenda.title))}", ""]
    lines += [
        f"## {tr('minutes.basic_info')}",
        "",
        f"| {tr('minutes.item')} | {tr('minutes.content')} |",
        "|---|---|",
    ]
    place = " / ".join(md(p) for p in (agenda.place, agenda.online) if p)
    absent = listed(
        (
            tr("minutes.absent_with_briefer", name=md(a.name), briefer=md(a.briefer))
            if a.briefer
            else md(a.name)
            for a in minutes.absent
        ),
        lang,
    )
    rows = [(tr("minutes.time"), format_span(agenda.start, agenda.end, lang))]
    held = minutes.held()
    if held is not None:
        rows.append((tr("minutes.held"), format_span(*held, lang)))
    rows += [
        (tr("minutes.place"), place),
        (tr("minutes.goal"), md(agenda.goal)),
        (tr("minutes.host"), md(role_text(minutes, "host", lang))),
        (tr("minutes.recorder"), md(role_text(minutes, "recorder", lang))),
        (tr("minutes.present"), _people(minutes.present, lang)),
        (tr("minutes.absent"), absent or tr("minutes.none")),
    ]
    confirmed = standing_of(minutes)
    if confirmed is not None:
        # Who has read and confirmed them since (纪要确认), once the archive is asked.
        rows.append((tr("minutes.confirmations"), md(standing_text(confirmed, lang))))
    lines += [f"| {label} | {value or ' '} |" for label, value in rows]
    lines.append("")

    lines += [f"## {tr('minutes.discussion')}", ""]
    for view in discussion(minutes, lang):
        lines += [f"### {joined(view.heading, md)}", ""]
        if view.meta:
            lines += [joined(view.meta, md), ""]
        lines += [*_topic(view), ""]

    lines += [f"## {tr('minutes.decisions')}", ""]
    decisions = minutes.decisions
    if decisions:
        lines += [f"{n}. {md(text)}" for n, (_topic_title, text) in enumerate(decisions, 1)]
    else:
        lines.append(f"_{tr('minutes.none')}_")
    lines.append("")

    lines += [f"## {tr('minutes.open_items')}", ""]
    lines += item_table(minutes.open_items, lang)
    lines.append("")

    lines += [f"## {tr('minutes.tasks')}", ""]
    lines += task_table(minutes.tasks, lang)
    lines.append("")

    if minutes.topics_left:
        # What the next meeting inherits (`new --from`): said where nobody can miss it.
        lines += [f"## {tr('minutes.topics_left')}", ""]
        lines += [f"- {md(topic_left_text(topic, lang))}" for topic in minutes.topics_left]
        lines.append("")

    totals = minutes.speaking_by_department()
    spoken = sum(totals.values())
    lines += [f"## {tr('minutes.speaking')}", ""]
    if spoken:
        lines += [
            f"| {tr('minutes.department')} | {tr('minutes.time_spoken')} | {tr('minutes.share')} |",
            "|---|---|---|",
        ]
        shares = percent_labels(totals)
        lines += [
            f"| {cell(dept)} | {duration(seconds, lang)} | {shares[dept]} |"
            for dept, seconds in sorted(totals.items(), key=lambda kv: -kv[1])
        ]
    else:
        lines.append(f"_{tr('minutes.none')}_")
    lines.append("")
    return "\n".join(lines)
