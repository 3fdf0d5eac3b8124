"""iCalendar (RFC 5545) with the ``icalendar`` library: the meeting invitation
(METHOD:REQUEST, one VEVENT) and the task list (VTODO per task).

Times keep the meeting's named zone (TZID plus a VTIMEZONE built by
``add_missing_timezones()``); a fixed UTC offset, which has no zone rules to
publish, is written in UTC instead.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from icalendar import Calendar, Event, Todo, vCalAddress
from pendulum import DateTime

from facilitator.core.i18n import t
from facilitator.export.notice import render_description
from facilitator.followup.tasks import TaskRecord
from facilitator.meeting.agenda import Agenda
from facilitator.planning.warnings import is_email

PRODID = "-//Facilitator//Facilitator meetings//EN"
UID_DOMAIN = "facilitator.invalid"
_TODO_STATUS = {
    "open": "NEEDS-ACTION",
    "doing": "IN-PROCESS",
    "delayed": "NEEDS-ACTION",
    "done": "COMPLETED",
}


class InvitationError(ValueError):
    """The invitation cannot be written; the message (a catalogue key) says why."""


def _stdlib(value: DateTime) -> dt.datetime:
    """A datetime with a zoneinfo zone (IANA name) or in UTC (fixed offset)."""
    name = value.timezone_name or ""
    naive = dt.datetime(value.year, value.month, value.day, value.hour, value.minute, value.second)
    if name and not name.startswith(("+", "-")) and name != "UTC":
        try:
            return naive.replace(tzinfo=ZoneInfo(name))
        except (ZoneInfoNotFoundError, ValueError):
            pass
    utc = value.in_timezone("UTC")
    return dt.datetime(
        utc.year, utc.month, utc.day, utc.hour, utc.minute, utc.second, tzinfo=dt.UTC
    )


def _calendar(method: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", method)
    return calendar


SEQUENCE_EPOCH = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)


def meeting_uid(agenda: Agenda) -> str:
    """The calendar entry's UID: the agenda's ``uid``, so a corrected notice
    (new time, new title) updates the same entry.

    An agenda without one (written by hand) falls back to its start and
    title: moving or renaming that meeting makes a second calendar entry.
    """
    if agenda.uid:
        return agenda.uid if "@" in agenda.uid else f"{agenda.uid}@{UID_DOMAIN}"
    return f"{agenda.key}@{UID_DOMAIN}"


def sequence_at(now: DateTime) -> int:
    """The revision number of a notice written at ``now``: seconds since 2020.

    Calendars apply an update only if its SEQUENCE is higher than the one
    they hold; counting from the time it is written makes every later notice
    higher without remembering the earlier ones (and stays within 31 bits
    until 2088).
    """
    elapsed = now.in_timezone("UTC").timestamp() - SEQUENCE_EPOCH.timestamp()
    return max(0, int(elapsed))


def render_invitation(agenda: Agenda, now: DateTime, language: str | None = None) -> bytes:
    """The invitation as .ics bytes; raises :class:`InvitationError` without a host email."""
    lang = language or agenda.language
    hosts = [p for p in agenda.with_role("host") if is_email(p.email)]
    if not hosts:
        raise InvitationError("notice.host_needs_email")
    host = hosts[0]
    event = Event()
    event.add("uid", meeting_uid(agenda))
    event.add("dtstamp", _stdlib(now.in_timezone("UTC")))
    event.add("sequence", sequence_at(now))
    event.add("dtstart", _stdlib(agenda.start))
    event.add("dtend", _stdlib(agenda.end))
    event.add("summary", agenda.title)
    event.add("description", render_description(agenda, lang))
    location = agenda.place or agenda.online
    if location:
        event.add("location", location)
    if agenda.online:
        event.add("url", agenda.online)
    event.add("status", "CONFIRMED")
    event.add("transp", "OPAQUE")
    event.add("organizer", vCalAddress.new(f"mailto:{host.email}", cn=host.name))
    # Only real addresses: the CLI names the people left out (planning.not_invited).
    for person in agenda.people:
        if not is_email(person.email):
            continue
        role = "CHAIR" if person.role == "host" else "REQ-PARTICIPANT"
        attendee = vCalAddress.new(
            f"mailto:{person.email}",
            cn=person.name,
            cutype="INDIVIDUAL",
            role=role,
            partstat="NEEDS-ACTION",
            rsvp=True,
        )
        event.add("attendee", attendee, encode=False)
    if agenda.rsvp_by is not None:
        event.add(
            "comment",
            t("notice.rsvp_by", language=lang, time=agenda.rsvp_by.format("YYYY-MM-DD HH:mm")),
        )
    calendar = _calendar("REQUEST")
    calendar.add_component(event)
    # Rules for the meeting's year and the next only: a short VTIMEZONE that
    # still covers a meeting moved by a few months.
    calendar.add_missing_timezones(
        first_date=dt.date(agenda.start.year - 1, 1, 1),
        last_date=dt.date(agenda.end.year + 2, 1, 1),
    )
    return calendar.to_ical()


def render_tasks(tasks: Sequence[TaskRecord], now: DateTime, language: str | None = None) -> bytes:
    """Tasks as VTODO entries (METHOD:PUBLISH), with their follow-up status."""
    calendar = _calendar("PUBLISH")
    stamp = _stdlib(now.in_timezone("UTC"))
    for task in tasks:
        todo = Todo()
        todo.add("uid", f"task-{task.id}-meeting-{task.meeting_id}@{UID_DOMAIN}")
        todo.add("dtstamp", stamp)
        todo.add("summary", task.title)
        if task.due is not None:
            todo.add("due", dt.date(task.due.year, task.due.month, task.due.day))
        todo.add("status", _TODO_STATUS.get(task.status, "NEEDS-ACTION"))
        todo.add(
            "description",
            t(
                "followup.ics_description",
                language=language,
                owner=task.owner,
                department=task.department,
                meeting=task.meeting_title,
                status=t("status." + task.status, language=language),
            ),
        )
        if task.department:
            todo.add("categories", [task.department])
        todo.add("last-modified", _stdlib(task.updated_at.in_timezone("UTC")))
        calendar.add_component(todo)
    return calendar.to_ical()
