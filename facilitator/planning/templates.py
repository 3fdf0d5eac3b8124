"""A ready-to-edit agenda for each kind of meeting: people, topics, times, as TOML."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from pendulum import DateTime

from facilitator.core.i18n import t
from facilitator.core.workdays import work_calendar
from facilitator.meeting.agenda import MEETING_KINDS
from facilitator.planning.carry_over import (
    CarriedItem,
    carry_over_topics,
    previous_workday_evening,
)
from facilitator.planning.planned import PlannedPerson, PlannedTopic
from facilitator.planning.warnings import LONGEST_TOPIC_MINUTES


@dataclass(frozen=True)
class TemplatePerson:
    name_key: str
    department_key: str
    role: str


@dataclass(frozen=True)
class TemplateTopic:
    title_key: str
    owner: int  # index into the template's people
    minutes: int
    wrap_up: bool = False
    """The closing topic (owners, next steps): carried-over items go before it."""


_HOST = TemplatePerson("plan.person.host", "plan.dept.project", "host")
_RECORDER = TemplatePerson("plan.person.recorder", "plan.dept.project", "recorder")


def _lead(area: str) -> TemplatePerson:
    return TemplatePerson(f"plan.person.{area}", f"plan.dept.{area}", "attendee")


# The four scenarios of the reference workflow, each with the people and
# topics such a meeting needs; topic titles and names come from the catalogue.
TEMPLATES: dict[str, tuple[tuple[TemplatePerson, ...], tuple[TemplateTopic, ...]]] = {
    "kickoff": (
        (_HOST, _RECORDER, _lead("rnd"), _lead("marketing"), _lead("sales"), _lead("ops")),
        (
            TemplateTopic("plan.kickoff.topic1", 0, 10),
            TemplateTopic("plan.kickoff.topic2", 2, 15),
            TemplateTopic("plan.kickoff.topic3", 3, 15),
            TemplateTopic("plan.kickoff.topic4", 4, 10),
            TemplateTopic("plan.kickoff.topic5", 0, 10, wrap_up=True),
        ),
    ),
    "decision": (
        (_HOST, _RECORDER, _lead("support"), _lead("rnd"), _lead("ops")),
        (
            TemplateTopic("plan.decision.topic1", 2, 10),
            TemplateTopic("plan.decision.topic2", 3, 15),
            TemplateTopic("plan.decision.topic3", 4, 20),
            TemplateTopic("plan.decision.topic4", 0, 10, wrap_up=True),
        ),
    ),
    "resources": (
        (_HOST, _RECORDER, _lead("finance"), _lead("hr"), _lead("rnd"), _lead("marketing")),
        (
            TemplateTopic("plan.resources.topic1", 4, 15),
            TemplateTopic("plan.resources.topic2", 2, 15),
            TemplateTopic("plan.resources.topic3", 3, 15),
            TemplateTopic("plan.resources.topic4", 0, 10, wrap_up=True),
        ),
    ),
    "sync": (
        (_HOST, _RECORDER, _lead("rnd"), _lead("marketing"), _lead("sales")),
        (
            TemplateTopic("plan.sync.topic1", 0, 10),
            TemplateTopic("plan.sync.topic2", 2, 20),
            TemplateTopic("plan.sync.topic3", 3, 15),
            TemplateTopic("plan.sync.topic4", 0, 10, wrap_up=True),
        ),
    ),
}
assert set(TEMPLATES) == set(MEETING_KINDS)


def _toml(value: str) -> str:
    # A JSON string is a valid TOML basic string (same escapes).
    return json.dumps(value, ensure_ascii=False)


def template_people(kind: str, language: str) -> list[PlannedPerson]:
    """The placeholder participants of a template (names and emails to replace)."""
    people, _topics = TEMPLATES[kind]
    return [
        PlannedPerson(
            t(p.name_key, language=language),
            t(p.department_key, language=language),
            p.role,
            t(p.name_key + "_email", language=language),
        )
        for p in people
    ]


def template_titles(kind: str, language: str) -> set[str]:
    """The titles of a template's own topics, in ``language``."""
    _people, topics = TEMPLATES[kind]
    return {t(topic.title_key, language=language) for topic in topics}


def render_agenda(
    kind: str,
    language: str,
    start: DateTime,
    zone: str,
    *,
    people: Sequence[PlannedPerson] | None = None,
    carried: Sequence[CarriedItem] = (),
    title: str | None = None,
    place: str | None = None,
    online: str = "",
    uid: str = "",
    series: str = "",
) -> str:
    """A ready-to-edit agenda file (TOML) for a meeting of ``kind``.

    ``uid`` names the meeting's calendar entry for good (kept when the start
    or title is edited), so a corrected invitation replaces the first one.
    """
    if kind not in TEMPLATES:
        raise ValueError(kind)

    def tr(key: str, **params: object) -> str:
        return t(key, language=language, **params)

    _people, template_topics = TEMPLATES[kind]
    default_people = template_people(kind, language)
    chosen = list(people) if people else default_people
    host = next((p.name for p in chosen if p.role == "host"), chosen[0].name)
    names = {p.name for p in chosen}
    topics: list[PlannedTopic] = []
    carried_topics = carry_over_topics(carried, chosen, language)
    for topic in template_topics:
        if topic.wrap_up:
            # Items left open last time are settled before owners and next steps.
            topics += carried_topics
            carried_topics = []
        topics.append(
            PlannedTopic(
                tr(topic.title_key),
                default_people[topic.owner].name
                if default_people[topic.owner].name in names
                else host,
                topic.minutes,
            )
        )
    topics += carried_topics
    planned = sum(topic.minutes for topic in topics)
    # Round the end up to the next quarter hour after the planned topics.
    end = start.add(minutes=-(-planned // 15) * 15)
    rsvp = previous_workday_evening(start, work_calendar(None, zone))
    lines = [
        f"# {tr('plan.header', kind=tr('plan.kind.' + kind))}",
        f"# {tr('plan.header_help')}",
        "",
        "[meeting]",
        f"title = {_toml(title or tr('plan.' + kind + '.title'))}",
        f"goal = {_toml(tr('plan.' + kind + '.goal'))}",
        f'kind = "{kind}"',
        f"language = {_toml(language)}",
        f"timezone = {_toml(zone)}",
        f"start = {start.isoformat()}",
        f"end = {end.isoformat()}",
        f"rsvp_by = {rsvp.isoformat()}",
        f"place = {_toml(place if place is not None else tr('plan.place'))}",
        f"online = {_toml(online)}  # {tr('plan.online_help')}",
        f"materials = [{', '.join(_toml(tr(f'plan.{kind}.material{n}')) for n in (1, 2))}]",
        f"rules = [{', '.join(_toml(tr(f'plan.rule{n}')) for n in (1, 2, 3))}]",
        *([f"uid = {_toml(uid)}  # {tr('plan.uid_help')}"] if uid else []),
        *([f"series = {_toml(series)}  # {tr('plan.series_help')}"] if series else []),
        "",
        f"# {tr('plan.people_help')}",
    ]
    for person in chosen:
        lines += [
            "",
            "[[people]]",
            f"name = {_toml(person.name)}",
            f"department = {_toml(person.department)}",
            f'role = "{person.role}"',
            f"email = {_toml(person.email)}",
        ]
    lines += ["", f"# {tr('plan.topics_help', limit=LONGEST_TOPIC_MINUTES)}"]
    for planned_topic in topics:
        lines += [
            "",
            *([f"# {planned_topic.note}"] if planned_topic.note else []),
            "[[topics]]",
            f"title = {_toml(planned_topic.title)}",
            f"owner = {_toml(planned_topic.owner)}",
            f"minutes = {planned_topic.minutes}",
            *([f"carries = {_toml(planned_topic.carries)}"] if planned_topic.carries else []),
        ]
    return "\n".join(lines) + "\n"
