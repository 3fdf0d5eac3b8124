"""The built-in demo: a cross-department launch meeting starting now.

The agendas are ordinary agenda files (``demo_agendas/en.toml``, ``zh.toml``)
read by the same validator as users' files; only their times move.
"""

from __future__ import annotations

from dataclasses import replace
from importlib import resources

from pendulum import DateTime

from facilitator.core.zones import local_zone
from facilitator.meeting.agenda import Agenda
from facilitator.planning.agenda_file import parse_agenda

DEMO_TITLE = {"en": "Q3 product launch coordination", "zh": "Q3新产品上线协调会"}


def demo_agenda(now: DateTime, language: str = "en") -> Agenda:
    """The demo meeting in ``language``, starting at ``now`` (to the minute), local zone."""
    source = resources.files("facilitator.planning").joinpath("demo_agendas", f"{language}.toml")
    planned = parse_agenda(source.read_text("utf-8"), source=f"demo_agendas/{language}.toml")
    start = now.in_timezone(local_zone()).start_of("minute")

    def moved(instant: DateTime) -> DateTime:
        # By seconds: pendulum adds an interval by its calendar parts (months, days).
        return start.add(seconds=(instant - planned.start).total_seconds())

    return replace(
        planned,
        start=start,
        end=moved(planned.end),
        rsvp_by=moved(planned.rsvp_by) if planned.rsvp_by else None,
    )
