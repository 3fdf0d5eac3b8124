"""The closing summary printed to the terminal when the room closes."""

from __future__ import annotations

from facilitator.core.i18n import t
from facilitator.core.text import clean
from facilitator.meeting.minutes import Minutes
from facilitator.render.summary import closing_summary


def render_summary(minutes: Minutes, language: str | None = None) -> str:
    """Decisions, disputes (each side's position), open items and tasks as plain text.

    The sections and their order are :func:`closing_summary`'s, as the room
    and the follow view show them.
    """
    lang = language or minutes.agenda.language
    lines = [t("summary.closed", language=lang, title=clean(minutes.agenda.title)), ""]
    for section in closing_summary(minutes, lang):
        lines.append(section.heading)
        for item in section.items:
            # A dispute's sides each on a line of their own, under one bullet.
            first, *more = item.sides or (item.text,)
            if item.owned is not None:
                first += item.owned.before + item.owned.text + item.owned.after
            lines.append(f"  - {first}")
            lines += [f"    {side}" for side in more]
        if not section.items:
            lines.append("  " + section.none)
    return "\n".join(lines)
