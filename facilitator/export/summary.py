"""The closing summary printed to the terminal when the room closes."""

from __future__ import annotations

from facilitator.i18n import t
from facilitator.minutes import Minutes
from facilitator.text import clean
from facilitator.timefmt import format_date


def render_summary(minutes: Minutes, language: str | None = None) -> str:
    """Decisions, open items and tasks as plain text."""
    lang = language or minutes.agenda.language

    def tr(key: str, **params: object) -> str:
        return t(key, language=lang, **params)

    def due(value) -> str:
        return format_date(value, lang) if value else tr("summary.no_date")

    lines = [tr("summary.closed", title=clean(minutes.agenda.title)), ""]
    lines.append(tr("minutes.decisions") + f" ({len(minutes.decisions)})")
    lines += [f"  - {clean(text)}" for _topic, text in minutes.decisions] or [
        "  " + tr("minutes.none")
    ]
    lines.append(tr("minutes.open_items") + f" ({len(minutes.open_items)})")
    lines += [
        f"  - {clean(item.text)} — "
        + tr(
            "minutes.owner_and_date",
            owner=clean(item.owner) or tr("summary.no_owner"),
            date=due(item.deadline),
        )
        for item in minutes.open_items
    ] or ["  " + tr("minutes.none")]
    lines.append(tr("minutes.tasks") + f" ({len(minutes.tasks)})")
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
