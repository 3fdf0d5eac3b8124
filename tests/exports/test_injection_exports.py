"""Hostile text in every export: HTML, JSON, CSV, iCalendar and the notice.

Each export is read back the way its reader would (an HTML parser, json,
the csv module, the icalendar library, a Markdown renderer) and must show
the text exactly as typed, with no element, formula or property injected.
"""

from __future__ import annotations

import csv
import email
import io
import json
from dataclasses import replace
from email import policy
from html.parser import HTMLParser

import icalendar
import pytest

from facilitator.export.brief import render_brief, render_brief_html
from facilitator.export.csv import render_tasks_csv
from facilitator.export.html import render_minutes_html
from facilitator.export.ics import render_invitation, render_tasks
from facilitator.export.items import render_items_csv, render_items_ics
from facilitator.export.json import render_minutes_json
from facilitator.export.mail import brief_mail, minutes_mail, sender_of
from facilitator.export.notice import render_notice
from facilitator.followup.briefs import briefs
from store.items import items as stored_items
from store.tasklist import task_rows
from tests.support import (
    HOSTILE_TEXTS,
    hostile_agenda,
    hostile_meeting,
    hostile_minutes,
    rendered_markdown_lines,
    type_lines,
    visible,
)

hostile = pytest.mark.parametrize("text", HOSTILE_TEXTS)


class _Page(HTMLParser):
    """The elements and the visible text of an HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str | None]] = []
        self.text: list[str] = []
        self.links: list[tuple[str | None, str]] = []
        """(href, text shown) of each link."""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag == "a":
            self.links.append((dict(attrs).get("href"), ""))
            attrs = [(name, value) for name, value in attrs if name != "href"]
        self.attributes.extend(attrs)

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self.links and self.tags[-1] == "a" and not self.links[-1][1]:
            self.links[-1] = (self.links[-1][0], data)


@hostile
def test_html_minutes_show_hostile_text_as_text(archive, clock, text) -> None:
    page = _Page()
    page.feed(render_minutes_html(hostile_minutes(archive, clock, text)))
    assert "script" not in page.tags and "img" not in page.tags
    assert not any(name.startswith("on") or name == "href" for name, _ in page.attributes)
    # The only links are web addresses shown as themselves: nothing typed hides where it goes.
    for href, shown_text in page.links:
        assert href is not None and href.startswith("https://") and href == shown_text
    shown = "".join(page.text)
    assert "\x1b" not in shown
    assert shown.count(visible(text)) >= 4  # title, topic, point, decision


@hostile
def test_json_minutes_keep_hostile_text_as_plain_strings(archive, clock, text) -> None:
    document = json.loads(render_minutes_json(hostile_minutes(archive, clock, text)))
    strings: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, str):
            strings.append(value)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(document)
    assert not any("\x1b" in s for s in strings)
    assert strings.count(visible(text)) >= 4


@hostile
def test_csv_tasks_never_start_a_cell_with_a_formula(archive, clock, text) -> None:
    hostile_minutes(archive, clock, text)
    listed = task_rows(archive, clock.now(), status="all")
    rows = list(csv.reader(io.StringIO(render_tasks_csv(listed))))
    cells = [cell for row in rows[1:] for cell in row]
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells), cells
    expected = visible(text)
    safe = "'" + expected if expected.startswith(("=", "+", "-", "@")) else expected
    assert safe in cells  # the owner (and department): readable, not evaluated


@hostile
def test_ics_invitation_and_todos_carry_hostile_text_as_values(archive, clock, text) -> None:
    agenda = hostile_agenda(text)
    agenda = replace(
        agenda,
        people=tuple(replace(p, email=f"p{n}@example.com") for n, p in enumerate(agenda.people)),
    )
    invitation = icalendar.Calendar.from_ical(render_invitation(agenda, clock.now()))
    (event,) = invitation.walk("VEVENT")
    assert str(event["SUMMARY"]) == visible(text)
    assert str(event["LOCATION"]) == visible(text)
    names = sorted(str(a.params["CN"]) for a in event.get("ATTENDEE"))
    assert visible(text) in names
    assert len(invitation.walk("VEVENT")) == 1 and len(invitation.walk("VALARM")) == 0

    hostile_minutes(archive, clock, text)
    listed = task_rows(archive, clock.now(), status="all")
    todos = icalendar.Calendar.from_ical(render_tasks(listed, clock.now()))
    (todo,) = todos.walk("VTODO")
    assert "\x1b" not in todo.to_ical().decode()
    assert str(todo["SUMMARY"]) == "check the figures"


@hostile
def test_notice_shows_hostile_text_literally(text) -> None:
    notice = render_notice(hostile_agenda(text))
    assert "\x1b" not in notice
    shown = rendered_markdown_lines(notice)
    assert any(visible(text) in line for line in shown), shown[:6]


def _hostile_follow_up(archive, clock, text):
    """The hostile meeting with an open item owned by the hostile person, closed; that
    person marked absent (briefed by Ana), as the brief and the mail read it."""
    meeting = hostile_meeting(archive, clock, text)
    type_lines(meeting, f"u: @{visible(text)} the figures in 3 workdays")
    minutes = meeting.close()
    attendance = tuple(
        replace(line, status="absent", briefer="Ana") if line.name == visible(text) else line
        for line in minutes.attendance
    )
    return replace(minutes, attendance=attendance)


@hostile
def test_briefs_show_hostile_text_literally(archive, clock, text) -> None:
    minutes = _hostile_follow_up(archive, clock, text)
    found = briefs(minutes)
    assert [b.absentee for b in found] == [visible(text)]
    shown = rendered_markdown_lines(render_brief(minutes, found))
    assert sum(visible(text) in line for line in shown) >= 3, shown
    page = _Page()
    page.feed(render_brief_html(minutes, found))
    assert "script" not in page.tags and "a" not in page.tags and "img" not in page.tags
    assert visible(text) in "".join(page.text)


@hostile
def test_open_items_as_csv_and_ics_carry_hostile_text_as_values(archive, clock, text) -> None:
    _hostile_follow_up(archive, clock, text)
    rows = list(csv.reader(io.StringIO(render_items_csv(stored_items(archive)))))
    cells = [cell for row in rows[1:] for cell in row]
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells), cells
    (todo,) = icalendar.Calendar.from_ical(
        render_items_ics(stored_items(archive), clock.now())
    ).walk("VTODO")
    assert str(todo["SUMMARY"]) == "the figures"
    assert visible(text) in str(todo["DESCRIPTION"]) and "\x1b" not in todo.to_ical().decode()


@hostile
def test_mail_headers_carry_hostile_names_and_titles_as_values(archive, clock, text) -> None:
    minutes = _hostile_follow_up(archive, clock, text)
    people = tuple(
        replace(p, email=f"p{n}@example.com") for n, p in enumerate(minutes.agenda.people)
    )
    minutes = replace(minutes, agenda=replace(minutes.agenda, people=people))
    sender = sender_of(minutes, "Ana <ana@example.com>")
    for mail in (
        minutes_mail(minutes, sender, people, clock.now(), None, "m.eml"),
        brief_mail(minutes, sender, people[0], briefs(minutes), clock.now(), None, "b.eml"),
    ):
        raw = mail.as_bytes()
        assert raw.isascii() and b"\x1b" not in raw
        parsed = email.message_from_bytes(raw, policy=policy.default)
        assert visible(text) in str(parsed["Subject"])
        # Nothing in a name or title adds a header or a recipient.
        assert sorted(parsed.keys()) == sorted(
            ["From", "To", "Subject", "Date", "Message-ID", "MIME-Version", "Content-Type"]
        )
    parsed = email.message_from_bytes(
        minutes_mail(minutes, sender, people, clock.now(), None, "m.eml").as_bytes(),
        policy=policy.default,
    )
    # A header folds runs of blanks into one (RFC 5322): the name is otherwise as typed.
    assert [a.display_name for a in parsed["To"].addresses] == [
        " ".join(p.name.split()) for p in people
    ]
    assert len(parsed["To"].addresses) == len(people)
