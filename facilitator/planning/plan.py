"""Before the meeting: agenda templates per kind, plan warnings, carry-over.

The warning rules are pure functions of an :class:`Agenda` (and "now") that
return :class:`Finding` values: a message key and its parameters, so the CLI,
the notebook and the tests read the same verdicts. An agenda that cannot run
at all is refused earlier, by ``facilitator.meeting.agenda`` (``AgendaError``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from pendulum import Date, DateTime

from facilitator.core.i18n import t
from facilitator.line.dates import is_workday, workdays_between
from facilitator.meeting.agenda import MEETING_KINDS, Agenda
from facilitator.render.times import format_date

# Reference workflow: one topic takes at most 30 minutes; the notice goes out
# at least two working days ahead.
LONGEST_TOPIC_MINUTES = 30
NOTICE_WORKDAYS = 2
CARRY_OVER_MINUTES = 5


@dataclass(frozen=True)
class Finding:
    """One thing to look at in a plan: a catalogue key and its parameters."""

    key: str
    params: dict[str, object] = field(default_factory=dict)
    field_label: str = ""
    """The agenda field to look at, named like the loader's problems
    (``topics[3].minutes``, ``meeting.rsvp_by``), so a message can give its line."""

    def text(self, language: str | None = None) -> str:
        return t(self.key, language=language, **self.params)

    def located(self, source: str, line: int | None, language: str | None = None) -> str:
        """``agenda.toml:12: topics[3].minutes: warning: …``, like the loader's problems."""
        where = f"{source}:{line}" if line else source
        message = t("plan.warning", language=language, message=self.text(language))
        return (
            f"{where}: {self.field_label}: {message}" if self.field_label else f"{where}: {message}"
        )


# -- warning rules (each pure, each unit-tested) ------------------------------


def long_topics(agenda: Agenda) -> list[Finding]:
    """Topics planned over 30 minutes: split them or they will drift."""
    return [
        Finding(
            "plan.long_topic",
            {"title": topic.title, "minutes": topic.minutes, "limit": LONGEST_TOPIC_MINUTES},
            f"topics[{number}].minutes",
        )
        for number, topic in enumerate(agenda.topics, start=1)
        if topic.minutes > LONGEST_TOPIC_MINUTES
    ]


def topics_overflow(agenda: Agenda) -> list[Finding]:
    """The topics need more minutes than the meeting has."""
    available = int((agenda.end - agenda.start).total_minutes())
    if agenda.planned_minutes > available:
        return [
            Finding(
                "plan.overflow",
                {"planned": agenda.planned_minutes, "available": available},
                "meeting.end",
            )
        ]
    return []


def missing_roles(agenda: Agenda) -> list[Finding]:
    """A meeting without a goal, a host or a recorder."""
    found = []
    if not agenda.goal:
        found.append(Finding("plan.no_goal", field_label="meeting.goal"))
    if not agenda.with_role("host"):
        found.append(Finding("plan.no_host", field_label="people"))
    if not agenda.with_role("recorder"):
        found.append(Finding("plan.no_recorder", field_label="people"))
    return found


def no_place(agenda: Agenda) -> list[Finding]:
    """Neither a room nor an online link: nobody knows where to go."""
    if not agenda.place and not agenda.online:
        return [Finding("plan.no_place", field_label="meeting.place")]
    return []


_EMAIL = re.compile(r"[^@\s<>(),;:\"\[\]]+@[^@\s<>(),;:\"\[\]]+\.[^@\s<>(),;:\"\[\].]+")


def is_email(value: str) -> bool:
    """Whether ``value`` looks like an email address (name@domain.tld)."""
    return _EMAIL.fullmatch(value) is not None


def bad_emails(agenda: Agenda) -> list[Finding]:
    """An ``email`` that is not an address: the invitation cannot reach that person."""
    return [
        Finding("plan.bad_email", {"name": p.name, "value": p.email}, f"people[{n}].email")
        for n, p in enumerate(agenda.people, start=1)
        if p.email and not is_email(p.email)
    ]


def not_invited(agenda: Agenda) -> list[Finding]:
    """People the .ics invitation leaves out, having no (usable) email address."""
    names = [p.name for p in agenda.people if not is_email(p.email)]
    if not names:
        return []
    return [
        Finding(
            "plan.not_invited",
            {"names": t("notice.list_sep").join(names)},
            "people",
        )
    ]


def late_notice(agenda: Agenda, now: DateTime, holidays: Collection[Date] = ()) -> list[Finding]:
    """A notice sent today would reach people less than two working days ahead."""
    today = now.in_timezone(agenda.start.timezone).date()
    start_day = agenda.start.date()
    days = workdays_between(today, start_day, holidays)
    if days < NOTICE_WORKDAYS:
        return [
            Finding("plan.late_notice", {"days": days, "needed": NOTICE_WORKDAYS}, "meeting.start")
        ]
    return []


def rsvp_after_start(agenda: Agenda) -> list[Finding]:
    """Replies are asked for after the meeting has begun."""
    if agenda.rsvp_by is not None and agenda.rsvp_by > agenda.start:
        return [Finding("plan.rsvp_after_start", field_label="meeting.rsvp_by")]
    return []


def plan_warnings(
    agenda: Agenda, now: DateTime, holidays: Collection[Date] = (), *, timed: bool = True
) -> list[Finding]:
    """Everything ``facilitator check`` warns about, in reading order.

    ``timed=False`` leaves out the rules about the meeting's time, for an
    agenda whose start or end could not be read (``AgendaError.partial``).
    """
    return [
        *missing_roles(agenda),
        *no_place(agenda),
        *bad_emails(agenda),
        *long_topics(agenda),
        *(topics_overflow(agenda) if timed else []),
        *(late_notice(agenda, now, holidays) if timed else []),
        *(rsvp_after_start(agenda) if timed else []),
    ]


def notice_warnings(
    agenda: Agenda, now: DateTime, holidays: Collection[Date] = (), *, invitation: bool = False
) -> list[Finding]:
    """What the notice itself gets wrong, said when it is sent: no goal or place,
    topics that do not fit, a late notice, an RSVP after the start, bad emails;
    for the .ics ``invitation`` also who it leaves out for want of an email."""
    return [
        *(f for f in missing_roles(agenda) if f.key == "plan.no_goal"),
        *no_place(agenda),
        *bad_emails(agenda),
        *(not_invited(agenda) if invitation else []),
        *topics_overflow(agenda),
        *late_notice(agenda, now, holidays),
        *rsvp_after_start(agenda),
    ]


# -- templates ----------------------------------------------------------------


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


@dataclass(frozen=True)
class PlannedPerson:
    name: str
    department: str
    role: str
    email: str = ""


@dataclass(frozen=True)
class PlannedTopic:
    title: str
    owner: str
    minutes: int
    note: str = ""  # written as a comment above the topic


@dataclass(frozen=True)
class CarriedItem:
    """An unresolved item or a delayed task brought to the next meeting."""

    kind: str  # unresolved | delayed
    text: str
    owner: str
    due: Date | None


def carry_over_topics(
    items: Sequence[CarriedItem], people: Sequence[PlannedPerson], language: str
) -> list[PlannedTopic]:
    """One short topic per carried item, owned by its owner when they attend.

    An owner who is not among the people (a department, someone outside the
    room) is named in the title and the host reports instead, so the agenda
    still runs.
    """
    names = {p.name for p in people}
    host = next((p.name for p in people if p.role == "host"), people[0].name if people else "")
    return [
        PlannedTopic(
            carried_title(item, language),
            item.owner if item.owner in names else host,
            CARRY_OVER_MINUTES,
        )
        for item in items
    ]


def carried_title(item: CarriedItem, language: str) -> str:
    """``Carried over: budget (Li, deadline Thu 5 Mar 2026)``, naming only what is known.

    An item without owner or date reads ``Carried over: budget``, never
    ``(, deadline no date)``.
    """

    def tr(key: str, **params: object) -> str:
        return t(key, language=language, **params)

    details = []
    if item.owner:
        details.append(item.owner)
    if item.due is not None:
        details.append(tr(f"plan.carry_{item.kind}_due", due=format_date(item.due, language)))
    title = tr(f"plan.carry_{item.kind}", text=item.text)
    if not details:
        return title
    return tr("plan.carry_details", title=title, details=tr("plan.carry_sep").join(details))


def next_meeting_start(now: DateTime, zone: str, holidays: Collection[Date] = ()) -> DateTime:
    """10:00 on the first working day that leaves two full working days for the notice."""
    local = now.in_timezone(zone)
    day = local.date()
    while workdays_between(local.date(), day, holidays) < NOTICE_WORKDAYS + 1 or not is_workday(
        day, holidays
    ):
        day = day.add(days=1)
    return local.set(
        year=day.year, month=day.month, day=day.day, hour=10, minute=0, second=0, microsecond=0
    )


def previous_workday_evening(start: DateTime, holidays: Collection[Date] = ()) -> DateTime:
    """17:00 on the working day before ``start``: the RSVP deadline."""
    day = start.date().subtract(days=1)
    while not is_workday(day, holidays):
        day = day.subtract(days=1)
    return start.set(
        year=day.year, month=day.month, day=day.day, hour=17, minute=0, second=0, microsecond=0
    )


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
    rsvp = previous_workday_evening(start)
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
    for topic in topics:
        lines += [
            "",
            "[[topics]]",
            f"title = {_toml(topic.title)}",
            f"owner = {_toml(topic.owner)}",
            f"minutes = {topic.minutes}",
        ]
    return "\n".join(lines) + "\n"
