"""What an earlier meeting hands on: open items and unfinished tasks, and when to meet next."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pendulum import Date, DateTime

from facilitator.core.i18n import t
from facilitator.core.workdays import WorkCalendar
from facilitator.planning.planned import PlannedPerson, PlannedTopic
from facilitator.planning.warnings import NOTICE_WORKDAYS
from facilitator.render.times import format_date

CARRY_OVER_MINUTES = 5
"""Minutes given to each item carried over from an earlier meeting."""


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


def next_meeting_start(now: DateTime, zone: str, calendar: WorkCalendar) -> DateTime:
    """10:00 on the first working day that leaves two full working days for the notice."""
    local = now.in_timezone(zone)
    day = local.date()
    while calendar.between(local.date(), day) < NOTICE_WORKDAYS + 1 or not calendar.is_workday(day):
        day = day.add(days=1)
    return local.set(
        year=day.year, month=day.month, day=day.day, hour=10, minute=0, second=0, microsecond=0
    )


def previous_workday_evening(start: DateTime, calendar: WorkCalendar) -> DateTime:
    """17:00 on the working day before ``start``: the RSVP deadline."""
    day = calendar.previous_workday(start.date().subtract(days=1))
    return start.set(
        year=day.year, month=day.month, day=day.day, hour=17, minute=0, second=0, microsecond=0
    )
