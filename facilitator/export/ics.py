"""iCalendar (RFC 5545) with the ``icalendar`` library: the meeting invitation
and the to-do lists (tasks, open items).

The invitation is a scheduling message (RFC 5546 iTIP, METHOD:REQUEST): the
host is its ORGANIZER, and an ATTENDEE who has accepted (the meeting is
theirs), never asked to reply; everyone else with an address is asked.

A to-do list is a snapshot to import, not a message to anyone: a plain
iCalendar object **without METHOD** (RFC 5545 §3.7.2). iTIP's PUBLISH would
oblige every VTODO to carry an ORGANIZER, a DTSTART and a PRIORITY that
follow-up does not have (a task has an owner and a due date, and an owner
outside the room may have no address); inventing them would be worse than
leaving the method out. Each VTODO keeps its follow-up status (IN-PROCESS
while in progress, even when overdue; COMPLETED with the date it was done).

Times keep the meeting's named zone (TZID plus a VTIMEZONE built by
``add_missing_timezones()``); a fixed UTC offset, which has no zone rules to
publish, is written in UTC instead. Every UID is ASCII (RFC 5545 allows any
text, but calendars disagree on anything else).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Sequence
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from icalendar import Calendar, Event, Todo, vCalAddress
from pendulum import DateTime

from facilitator.core.i18n import t
from facilitator.export.notice import render_description, rsvp_time
from facilitator.followup.listing import OpenItemRow, TaskRow
from facilitator.meeting.agenda import Agenda
from facilitator.planning.warnings import is_email
from facilitator.render.times import format_iso_date

PRODID = "-//Facilitator//Facilitator meetings//EN"
UID_DOMAIN = "facilitator.invalid"
_TODO_STATUS = {
    "open": "NEEDS-ACTION",
    "doing": "IN-PROCESS",
    "delayed": "NEEDS-ACTION",
    "done": "COMPLETED",
}
"""By the stored status: an overdue task still in progress stays IN-PROCESS
(its DUE says it is late; "delayed" is not a state calendars know)."""


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


def _calendar(method: str | None) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if method is not None:
        calendar.add("method", method)
    return calendar


def ascii_uid(text: str) -> str:
    """``text`` as a UID calendars all read: itself if ASCII (no spaces), else its
    ASCII part with a short hash of the whole, stable for the same text."""
    local, at, domain = text.rpartition("@") if "@" in text else (text, "", "")
    if local.isascii() and domain.isascii() and " " not in text:
        return text
    kept = re.sub(r"[^A-Za-z0-9._-]+", "-", local.encode("ascii", "ignore").decode()).strip("-")
    digest = hashlib.sha256(local.encode("utf-8")).hexdigest()[:16]
    host = domain if domain.isascii() and domain and " " not in domain else UID_DOMAIN
    return f"{kept + '-' if kept else ''}{digest}{at or '@'}{host}"


SEQUENCE_EPOCH = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)


def meeting_uid(agenda: Agenda) -> str:
    """The calendar entry's UID: the agenda's ``uid``, so a corrected notice
    (new time, new title) updates the same entry.

    An agenda without one (written by hand) falls back to its start and
    title: moving or renaming that meeting makes a second calendar entry.
    """
    if agenda.uid:
        return ascii_uid(agenda.uid if "@" in agenda.uid else f"{agenda.uid}@{UID_DOMAIN}")
    # A Chinese title makes a Chinese key (20260302T0600Z-q3新产品上线协调会).
    return ascii_uid(f"{agenda.key}@{UID_DOMAIN}")


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
        organizer = person is host
        attendee = vCalAddress.new(
            f"mailto:{person.email}",
            cn=person.name,
            cutype="INDIVIDUAL",
            role="CHAIR" if person.role == "host" else "REQ-PARTICIPANT",
            # The organizer runs the meeting: listed as taking part, never asked to reply.
            partstat="ACCEPTED" if organizer else "NEEDS-ACTION",
            rsvp=not organizer,
        )
        event.add("attendee", attendee, encode=False)
    if agenda.rsvp_by is not None:
        event.add("comment", t("notice.rsvp_by", language=lang, time=rsvp_time(agenda, lang)))
    calendar = _calendar("REQUEST")
    calendar.add_component(event)
    # Rules for the meeting's year and the next only: a short VTIMEZONE that
    # still covers a meeting moved by a few months.
    calendar.add_missing_timezones(
        first_date=dt.date(agenda.start.year - 1, 1, 1),
        last_date=dt.date(agenda.end.year + 2, 1, 1),
    )
    return calendar.to_ical()


def _instant(text: str | None) -> dt.datetime | None:
    if not text:
        return None
    return dt.datetime.fromisoformat(text).astimezone(dt.UTC).replace(microsecond=0)


def _day(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _description(lines: Sequence[tuple[str, str]], language: str | None) -> str:
    return "\n".join(
        t("minutes.labelled", language=language, label=t(label, language=language), value=value)
        for label, value in lines
        if value
    )


def _owner(owner: str, department: str, language: str | None) -> str:
    if department and department != owner:
        return t(
            "minutes.person_in_department", language=language, name=owner, department=department
        )
    return owner


def _task_todo(task: TaskRow, stamp: dt.datetime, language: str | None) -> Todo:
    todo = Todo()
    todo.add("uid", f"task-{task.id}-meeting-{task.meeting_id}@{UID_DOMAIN}")
    todo.add("dtstamp", stamp)
    todo.add("summary", task.title)
    due = _day(task.due)
    if due is not None:
        todo.add("due", due)
    todo.add("status", _TODO_STATUS.get(task.stored_status, "NEEDS-ACTION"))
    completed = _instant(task.completed_at) if task.stored_status == "done" else None
    if completed is not None:
        todo.add("completed", completed)
        todo.add("percent-complete", 100)
    # The due date is in the text too: calcurse keeps a to-do's text, never its DUE.
    todo.add(
        "description",
        _description(
            (
                ("minutes.owner", _owner(task.owner, task.department, language)),
                ("followup.meeting", task.meeting),
                ("notebook.topic", task.topic or ""),
                ("minutes.due", format_iso_date(task.due, language) if task.due else ""),
                ("minutes.status", t("status." + task.status, language=language)),
            ),
            language,
        ),
    )
    if task.department:
        todo.add("categories", [task.department])
    created = _instant(task.created_at)
    if created is not None:
        todo.add("created", created)
    modified = _instant(task.updated_at)
    if modified is not None:
        todo.add("last-modified", modified)
    return todo


def _open_item_todo(item: OpenItemRow, stamp: dt.datetime, language: str | None) -> Todo:
    todo = Todo()
    todo.add("uid", f"open-item-{item.id}-meeting-{item.meeting_id}@{UID_DOMAIN}")
    todo.add("dtstamp", stamp)
    todo.add("summary", item.text)
    deadline = _day(item.deadline)
    if deadline is not None:
        todo.add("due", deadline)
    todo.add("status", "NEEDS-ACTION")
    todo.add(
        "description",
        _description(
            (
                ("minutes.owner", item.owner),
                ("followup.meeting", item.meeting),
                ("notebook.topic", item.topic),
                (
                    "minutes.deadline",
                    format_iso_date(item.deadline, language) if item.deadline else "",
                ),
            ),
            language,
        ),
    )
    todo.add("categories", [t("minutes.open_items", language=language)])
    created = _instant(item.recorded_at)
    if created is not None:
        todo.add("created", created)
    return todo


def render_tasks(
    tasks: Iterable[TaskRow],
    now: DateTime,
    language: str | None = None,
    open_items: Iterable[OpenItemRow] = (),
) -> bytes:
    """Tasks (and open items) as VTODO entries of a plain iCalendar object
    (no METHOD: see the module's notes), each with its follow-up status."""
    calendar = _calendar(None)
    stamp = _stdlib(now.in_timezone("UTC"))
    for task in tasks:
        calendar.add_component(_task_todo(task, stamp, language))
    for item in open_items:
        calendar.add_component(_open_item_todo(item, stamp, language))
    return calendar.to_ical()
