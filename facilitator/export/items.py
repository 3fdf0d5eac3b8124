"""Open items as CSV (for spreadsheets) and as iCalendar VTODOs (for calendars).

The same safeguards as the task list: a byte-order mark for Excel, formulas
neutralised, one VTODO per item made with the ``icalendar`` library.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Sequence

from icalendar import Calendar, Todo
from pendulum import DateTime

from facilitator.core.i18n import t
from facilitator.export.csv import BOM, safe_cell
from facilitator.followup.items import ItemRecord

PRODID = "-//Facilitator//Facilitator open items//EN"
UID_DOMAIN = "facilitator.invalid"
_TODO_STATUS = {
    "open": "NEEDS-ACTION",
    "overdue": "NEEDS-ACTION",
    "resolved": "COMPLETED",
    "dropped": "CANCELLED",
}


def render_items_csv(items: Sequence[ItemRecord], language: str | None = None) -> str:
    """One row per item: id, meeting, item, owner, department, deadline, status, topic."""
    out = io.StringIO()
    out.write(BOM)
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(
        [
            "id",
            t("followup.meeting", language=language),
            t("minutes.open_item", language=language),
            t("minutes.owner", language=language),
            t("minutes.department", language=language),
            t("minutes.deadline", language=language),
            t("minutes.status", language=language),
            t("notebook.topic", language=language),
        ]
    )
    for item in items:
        writer.writerow(
            [
                str(item.id),
                safe_cell(item.meeting_title),
                safe_cell(item.text),
                safe_cell(item.owner),
                safe_cell(item.department),
                item.deadline.isoformat() if item.deadline else "",
                t("item_status." + item.status, language=language),
                safe_cell(item.topic),
            ]
        )
    return out.getvalue()


def _utc(value: DateTime) -> dt.datetime:
    utc = value.in_timezone("UTC")
    return dt.datetime(
        utc.year, utc.month, utc.day, utc.hour, utc.minute, utc.second, tzinfo=dt.UTC
    )


def render_items_ics(
    items: Sequence[ItemRecord], now: DateTime, language: str | None = None
) -> bytes:
    """Items as VTODO entries (METHOD:PUBLISH): due on the deadline, with their status."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    stamp = _utc(now)
    for item in items:
        todo = Todo()
        todo.add("uid", f"item-{item.id}-meeting-{item.meeting_id}@{UID_DOMAIN}")
        todo.add("dtstamp", stamp)
        todo.add("summary", item.text)
        if item.deadline is not None:
            todo.add("due", dt.date(item.deadline.year, item.deadline.month, item.deadline.day))
        todo.add("status", _TODO_STATUS.get(item.status, "NEEDS-ACTION"))
        todo.add(
            "description",
            t(
                "items.ics_description",
                language=language,
                owner=item.owner,
                department=item.department,
                meeting=item.meeting_title,
                status=t("item_status." + item.status, language=language),
            ),
        )
        if item.department:
            todo.add("categories", [item.department])
        todo.add("last-modified", _utc(item.updated_at))
        calendar.add_component(todo)
    return calendar.to_ical()
