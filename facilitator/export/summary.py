"""The closing summary printed to the terminal when the room closes."""

from __future__ import annotations

from facilitator.core.i18n import t
from facilitator.core.text import clean
from facilitator.meeting.minutes import Minutes
from facilitator.render.times import format_date


def render_summary(minutes: Minutes, language: str | None = None) -> str:
    """Decisions, disputes (each side's position), open items and tasks as plain text."""
    lang = language or minutes.agenda.language

    def tr(key: str, **params: object) -> str:
        return t(key, language=lang, **params)

    def due(value) -> str:
        return format_date(value, lang) if value else tr("summary.no_date")

    lines = [tr("summary.closed", title=clean(minutes.agenda.title)), ""]
    lines.append(
        tr("minutes.counted", heading=tr("minutes.decisions"), count=len(minutes.decisions))
    )
    lines += [f"  - {clean(text)}" for _topic, text in minutes.decisions] or [
        "  " + tr("minutes.none")
    ]
    disputes = [d for topic in (minutes.general, *minutes.topics) for d in topic.disputes]
    lines.append(tr("minutes.counted", heading=tr("minutes.disputes"), count=len(disputes)))
    for dispute in disputes:
        # Each side's position on its own line, under one bullet per dispute.
        sides = [
            tr("minutes.side", party=clean(side.party), position=clean(side.position))
            if side.party
            else clean(side.position)
            for side in dispute.sides
        ] or [clean(dispute.text)]
        lines.append(f"  - {sides[0]}")
        lines += [f"    {side}" for side in sides[1:]]
    if not disputes:
        lines.append("  " + tr("minutes.none"))
    lines.append(
        tr("minutes.counted", heading=tr("minutes.open_items"), count=len(minutes.open_items))
    )
    lines += [
        f"  - {clean(item.text)} — "
        + tr(
            "minutes.owner_and_date",
            owner=clean(item.owner) or tr("summary.no_owner"),
            date=due(item.deadline),
        )
        for item in minutes.open_items
    ] or ["  " + tr("minutes.none")]
    lines.append(tr("minutes.counted", heading=tr("minutes.tasks"), count=len(minutes.tasks)))
    lines += [
        f"  - {clean(task.title)} — "
        + tr(
            "minutes.owner_and_date",
            owner=clean(task.owner) or tr("summary.no_owner"),
            date=due(task.due),
        )
        for task in minutes.tasks
    ] or ["  " + tr("minutes.none")]
    return "\n".join(lines)
