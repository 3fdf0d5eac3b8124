"""Ready-to-send e-mails (RFC 5322, built with the standard ``email`` package): the
minutes to every participant with an address, a brief to each briefer.

Each message has a UTF-8 subject (encoded words, so any mail program reads it),
a plain-text part and an HTML part with the same content, and the tasks as an
iCalendar attachment a calendar imports. Writing them to ``.eml`` files is the
caller's job; sending them is the user's mail program's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

from pendulum import DateTime

from facilitator.core.i18n import listed, t
from facilitator.core.text import clean
from facilitator.core.zones import zone_of
from facilitator.export.brief import render_brief, render_brief_html
from facilitator.export.html import render_minutes_html
from facilitator.export.markdown import render_minutes
from facilitator.followup.briefs import Brief
from facilitator.meeting.agenda import Person
from facilitator.meeting.minutes import Minutes
from facilitator.planning.warnings import is_email
from facilitator.render.times import format_date

ICS_NAME = "tasks.ics"
_SENDER = re.compile(r"\s*(?:(?P<name>[^<>]*?)\s*<(?P<addr>[^<>]+)>|(?P<bare>\S+))\s*")
"""``Ana <ana@example.com>`` or ``ana@example.com``."""


@dataclass(frozen=True)
class Mail:
    """A message ready to write out, with the file name it goes under."""

    name: str
    message: EmailMessage

    def as_bytes(self) -> bytes:
        """The message as an RFC 5322 ``.eml`` file (CRLF line ends, as sent)."""
        return self.message.as_bytes(policy=policy.SMTP)


class NoSender(ValueError):
    """No address to send from: the recorder, the host, or ``--sender``."""


def sender_of(minutes: Minutes, given: str | None = None) -> Address:
    """Who the mail is from: ``given`` (``Name <a@b>`` or ``a@b``), else the recorder
    (who keeps the minutes), else the host; :class:`NoSender` if none has an address."""
    if given:
        match = re.fullmatch(
            r"\s*(?:(?P<name>[^<>]*?)\s*<(?P<addr>[^<>]+)>|(?P<bare>\S+))\s*", given
        )
        address = (match.group("addr") or match.group("bare")) if match else ""
        if not match or not is_email(address):
            raise NoSender(given)
        return _address(match.group("name") or "", address)
    for role in ("recorder", "host"):
        for person in minutes.agenda.with_role(role):
            if is_email(person.email):
                return _address(person.name, person.email)
    raise NoSender("")


def _address(name: str, email: str) -> Address:
    user, _, domain = email.strip().rpartition("@")
    return Address(display_name=clean(name), username=user, domain=domain)


def addressed(people: Sequence[Person]) -> tuple[list[Person], list[Person]]:
    """(people with an e-mail address, people without one)."""
    return [p for p in people if is_email(p.email)], [p for p in people if not is_email(p.email)]


def _message(
    sender: Address,
    to: Sequence[Person],
    subject: str,
    text: str,
    html: str,
    now: DateTime,
    calendar: bytes | None,
) -> EmailMessage:
    message = EmailMessage(policy=policy.default)
    message["From"] = sender
    message["To"] = [_address(p.name, p.email) for p in to]
    message["Subject"] = clean(subject)
    message["Date"] = format_datetime(now.in_timezone("UTC"))
    message["Message-ID"] = make_msgid(domain=sender.domain or "facilitator.invalid")
    message.set_content(text)
    message.add_alternative(html, subtype="html")
    if calendar is not None:
        # A calendar imports it: one to-do per task, due on its due date.
        message.add_attachment(
            calendar,
            maintype="text",
            subtype="calendar",
            filename=ICS_NAME,
            params={"method": "PUBLISH", "charset": "utf-8"},
        )
    return message


def confirm_by(minutes: Minutes, now: DateTime) -> str:
    """The date to confirm the minutes by: two working days from ``now``."""
    from facilitator.followup.confirmations import CONFIRM_WITHIN_WORKDAYS

    agenda = minutes.agenda
    today = now.in_timezone(zone_of(agenda.start)).date()
    return format_date(agenda.calendar().add(today, CONFIRM_WITHIN_WORKDAYS), agenda.language)


def minutes_mail(
    minutes: Minutes,
    sender: Address,
    recipients: Sequence[Person],
    now: DateTime,
    calendar: bytes | None,
    name: str,
) -> Mail:
    """The minutes to every participant with an address: please confirm by a date."""
    lang = minutes.agenda.language
    title = clean(minutes.agenda.title)
    ask = t(
        "mail.please_confirm",
        language=lang,
        date=confirm_by(minutes, now),
        sender=sender.display_name or sender.addr_spec,
    )
    text = f"{ask}\n\n{render_minutes(minutes, lang)}\n"
    page = render_minutes_html(minutes, lang)
    html = page.replace("<body>", f"<body>\n<p>{_html(ask)}</p>", 1)
    subject = t("mail.minutes_subject", language=lang, title=title)
    return Mail(name, _message(sender, recipients, subject, text, html, now, calendar))


def brief_mail(
    minutes: Minutes,
    sender: Address,
    briefer: Person,
    briefs: Sequence[Brief],
    now: DateTime,
    calendar: bytes | None,
    name: str,
) -> Mail:
    """What ``briefer`` passes on to the absentees they brief, in one message."""
    lang = minutes.agenda.language
    names = listed((clean(b.absentee) for b in briefs), lang)
    ask = t("mail.please_brief", language=lang, names=names, title=clean(minutes.agenda.title))
    text = f"{ask}\n\n{render_brief(minutes, briefs, lang)}"
    page = render_brief_html(minutes, briefs, lang)
    html = page.replace("<body>", f"<body>\n<p>{_html(ask)}</p>", 1)
    subject = t("mail.brief_subject", language=lang, names=names, title=minutes.agenda.title)
    return Mail(name, _message(sender, [briefer], subject, text, html, now, calendar))


def _html(text: str) -> str:
    from html import escape

    return escape(clean(text), quote=True)


def file_name(meeting_id: int, kind: str, who: str = "") -> str:
    """``3-minutes.eml``, ``3-brief-marta.eml``: the meeting, what, for whom."""
    slug = re.sub(r"[^\w]+", "-", who.casefold(), flags=re.UNICODE).strip("-")
    return f"{meeting_id}-{kind}{'-' + slug if slug else ''}.eml"
