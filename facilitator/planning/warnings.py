"""What to fix before the meeting: warnings on a plan that can run but should not as is.

The rules are pure functions of an :class:`Agenda` (and "now") that return
:class:`Finding` values: a message key and its parameters, so the CLI, the
notebook and the tests read the same verdicts. An agenda that cannot run at
all is refused earlier, by ``facilitator.planning.agenda_file``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pendulum import DateTime

from facilitator.core.i18n import t
from facilitator.core.zones import wall_time_twice, zone_of
from facilitator.meeting.agenda import Agenda

# Reference workflow: one topic takes at most 30 minutes; the notice goes out
# at least two working days ahead.
LONGEST_TOPIC_MINUTES = 30
NOTICE_WORKDAYS = 2


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


def late_notice(agenda: Agenda, now: DateTime) -> list[Finding]:
    """A notice sent today would reach people less than two working days ahead
    (by the meeting's working-day calendar), or after the meeting itself."""
    if agenda.start < now:
        return [Finding("plan.meeting_passed", {}, "meeting.start")]
    today = now.in_timezone(zone_of(agenda.start)).date()
    start_day = agenda.start.date()
    days = agenda.calendar().between(today, start_day)
    if days < NOTICE_WORKDAYS:
        # "0 working days" reads as a count gone wrong: say there is none left.
        key = "plan.late_notice" if days else "plan.late_notice_none"
        return [Finding(key, {"days": days, "needed": NOTICE_WORKDAYS}, "meeting.start")]
    return []


def start_happens_twice(agenda: Agenda) -> list[Finding]:
    """The start falls in the autumn hour that the clock shows twice: say which
    reading the agenda means and how to write the other one."""
    local = agenda.start.naive()
    readings = wall_time_twice(local, agenda.timezone)
    if readings is None:
        return []
    chosen = agenda.start.format("Z")
    other = readings[1] if chosen == readings[0] else readings[0]
    params: dict[str, object] = {
        "time": agenda.start.format("YYYY-MM-DD HH:mm"),
        "chosen": chosen,
        "other": other,
    }
    return [Finding("plan.start_twice", params, "meeting.start")]


def rsvp_after_start(agenda: Agenda) -> list[Finding]:
    """Replies are asked for after the meeting has begun."""
    if agenda.rsvp_by is not None and agenda.rsvp_by > agenda.start:
        return [Finding("plan.rsvp_after_start", field_label="meeting.rsvp_by")]
    return []


def plan_warnings(agenda: Agenda, now: DateTime, *, timed: bool = True) -> list[Finding]:
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
        *(late_notice(agenda, now) if timed else []),
        *(start_happens_twice(agenda) if timed else []),
        *(rsvp_after_start(agenda) if timed else []),
    ]


def notice_warnings(agenda: Agenda, now: DateTime, *, invitation: bool = False) -> list[Finding]:
    """What the notice itself gets wrong, said when it is sent: no goal or place,
    topics that do not fit, a late notice, an RSVP after the start, bad emails;
    for the .ics ``invitation`` also who it leaves out for want of an email."""
    return [
        *(f for f in missing_roles(agenda) if f.key == "plan.no_goal"),
        *no_place(agenda),
        *bad_emails(agenda),
        *(not_invited(agenda) if invitation else []),
        *topics_overflow(agenda),
        *late_notice(agenda, now),
        *rsvp_after_start(agenda),
    ]


# -- templates ----------------------------------------------------------------
