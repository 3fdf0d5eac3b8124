"""The meeting notice (会议通知) as Markdown, laid out like the notice table:
subject, time with its zone, place and link, departments and people, agenda
with owners and minutes, materials, and the RSVP deadline.
"""

from __future__ import annotations

from collections.abc import Callable

from facilitator.core.i18n import t
from facilitator.core.text import markdown as md
from facilitator.core.zones import zone_of
from facilitator.meeting.agenda import Agenda
from facilitator.render.times import format_datetime, format_span, zone_label

_ROLE_KEYS = {"host": "notice.role_host", "recorder": "notice.role_recorder"}


def people_by_department(
    agenda: Agenda, language: str, escape: Callable[[str], str] = str
) -> list[tuple[str, list[str]]]:
    """(department, ["name (role)", ...]) in the order departments first appear.

    ``escape`` applies to the names only, so the role's own punctuation stays.
    """
    grouped: dict[str, list[str]] = {}
    for person in agenda.people:
        label = escape(person.name)
        if person.role in _ROLE_KEYS:
            label = t(
                "notice.with_role",
                language=language,
                name=label,
                role=t(_ROLE_KEYS[person.role], language=language),
            )
        grouped.setdefault(person.department, []).append(label)
    return list(grouped.items())


def render_notice(agenda: Agenda, language: str | None = None) -> str:
    """The notice in the meeting's language (``agenda.language``) by default."""
    lang = language or agenda.language

    def tr(key: str, **params: object) -> str:
        return t(key, language=lang, **params)

    sep = tr("notice.list_sep")
    place = md(agenda.place)
    if agenda.online:
        online = tr("notice.online", link=md(agenda.online))
        place = tr("notice.place_online", place=place, online=online) if place else online
    departments = tr("notice.department_sep").join(
        tr("notice.department", department=md(dept), people=sep.join(names))
        for dept, names in people_by_department(agenda, lang, escape=md)
    )
    rows = [
        (tr("notice.subject"), md(agenda.title)),
        (tr("notice.goal"), md(agenda.goal)),
        (tr("notice.time"), format_span(agenda.start, agenda.end, lang)),
        # An empty cell reads like a mistake; `check` and `notice` warn about it too.
        (tr("notice.place"), place or tr("notice.place_tba")),
        (tr("notice.people"), departments),
    ]
    lines = [f"# {tr('notice.title', title=md(agenda.title))}", ""]
    lines += [f"| {tr('notice.item')} | {tr('notice.content')} |", "|---|---|"]
    lines += [f"| {label} | {value or ' '} |" for label, value in rows]
    lines += ["", f"## {tr('notice.agenda')}", ""]
    lines += [
        f"{n}. " + tr("notice.topic", title=md(x.title), owner=md(x.owner), minutes=x.minutes)
        for n, x in enumerate(agenda.topics, 1)
    ]
    lines += ["", f"## {tr('notice.materials')}", ""]
    if agenda.materials:
        lines += [f"{n}. {md(item)}" for n, item in enumerate(agenda.materials, 1)]
        lines += ["", tr("notice.read_before")]
    else:
        lines.append(tr("notice.no_materials"))
    if agenda.rules:
        lines += ["", f"## {tr('notice.rules')}", ""]
        lines += [f"- {md(rule)}" for rule in agenda.rules]
    lines += ["", f"## {tr('notice.rsvp')}", ""]
    if agenda.rsvp_by is not None:
        lines.append(tr("notice.rsvp_by", time=rsvp_time(agenda, lang)))
    else:
        lines.append(tr("notice.rsvp_none"))
    lines.append("")
    return "\n".join(lines)


def render_description(agenda: Agenda, language: str | None = None) -> str:
    """Plain text of the notice, for the invitation's DESCRIPTION."""
    lang = language or agenda.language

    def tr(key: str, **params: object) -> str:
        return t(key, language=lang, **params)

    lines = []
    if agenda.goal:
        lines.append(tr("notice.label", label=tr("notice.goal"), value=agenda.goal))
    lines.append(tr("notice.label", label=tr("notice.agenda"), value="").rstrip())
    lines += [
        f"{n}. {tr('notice.topic', title=topic.title, owner=topic.owner, minutes=topic.minutes)}"
        for n, topic in enumerate(agenda.topics, 1)
    ]
    if agenda.materials:
        materials = tr("notice.list_sep").join(agenda.materials)
        lines.append(tr("notice.label", label=tr("notice.materials"), value=materials))
    if agenda.online:
        lines.append(tr("notice.online", link=agenda.online))
    if agenda.rsvp_by is not None:
        lines.append(tr("notice.rsvp_by", time=rsvp_time(agenda, lang)))
    return "\n".join(lines)


def rsvp_time(agenda: Agenda, language: str | None = None) -> str:
    """The RSVP deadline with its zone, like the meeting's time: a reply due
    "17:00" means nothing to someone in another zone."""
    if agenda.rsvp_by is None:
        return ""
    local = agenda.rsvp_by.in_timezone(zone_of(agenda.start))
    return t(
        "minutes.time_with_zone",
        language=language,
        time=format_datetime(local, language),
        zone=zone_label(local, language),
    )
