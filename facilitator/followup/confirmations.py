"""Minutes confirmed by those who were there (纪要确认): who has, who objected, who
has not, and which minutes the weekly report chases.

The template's rule: the minutes go to every participant, who confirm them
(or say what to correct) before they are filed. Pure rules over plain values;
``store.confirmations`` reads and writes the rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from pendulum import DateTime, Duration, duration

from facilitator.core.i18n import t
from facilitator.core.workdays import WorkCalendar
from facilitator.core.zones import zone
from facilitator.meeting.minutes import Confirmation, Minutes

VERDICTS = ("confirmed", "objected")
CONFIRM_WITHIN_WORKDAYS = 2
"""Minutes not confirmed by everyone this many working days after the close are chased."""
CHASED_FOR: Duration = duration(weeks=4)
"""Older minutes leave the report: by then the next meetings have moved on."""


def latest(confirmations: Iterable[Confirmation]) -> tuple[Confirmation, ...]:
    """Each person's latest word (a confirmation may follow an objection), by name."""
    by_name: dict[str, Confirmation] = {}
    for confirmation in sorted(confirmations, key=lambda c: c.at):
        by_name[confirmation.name] = confirmation
    return tuple(sorted(by_name.values(), key=lambda c: c.at))


@dataclass(frozen=True)
class Standing:
    """Where a meeting's minutes stand: who confirmed, who objected, who has not."""

    confirmed: tuple[str, ...]
    objected: tuple[Confirmation, ...]
    waiting: tuple[str, ...]

    @property
    def complete(self) -> bool:
        """Everyone who attended confirmed, and no objection stands."""
        return not self.waiting and not self.objected


def standing(attendees: Sequence[str], confirmations: Iterable[Confirmation]) -> Standing:
    """The minutes' standing among ``attendees`` (present or late), their latest words."""
    words = {c.name: c for c in latest(confirmations)}
    return Standing(
        confirmed=tuple(n for n in attendees if n in words and words[n].verdict == "confirmed"),
        objected=tuple(
            words[n] for n in attendees if n in words and words[n].verdict == "objected"
        ),
        waiting=tuple(n for n in attendees if n not in words),
    )


def standing_of(minutes: Minutes) -> Standing | None:
    """The standing of followed-up minutes (None when nobody read the confirmations)."""
    if minutes.confirmations is None:
        return None
    return standing([a.name for a in minutes.present], minutes.confirmations)


def standing_text(found: Standing, language: str | None = None) -> str:
    """``confirmed: Ana, Li; objected: Wang (task 2 is due later); not yet: Marta``."""
    sep = t("minutes.list_sep", language=language)
    parts = []
    if found.confirmed:
        parts.append(t("minutes.confirmed_by", language=language, names=sep.join(found.confirmed)))
    if found.objected:
        names = sep.join(
            t("minutes.objection", language=language, name=c.name, note=c.note)
            if c.note
            else c.name
            for c in found.objected
        )
        parts.append(t("minutes.objected_by", language=language, names=names))
    if found.waiting:
        parts.append(t("minutes.waiting_for", language=language, names=sep.join(found.waiting)))
    return t("minutes.confirm_sep", language=language).join(parts)


@dataclass(frozen=True)
class MinutesToConfirm:
    """A closed meeting whose minutes the participants are to confirm."""

    meeting_id: int
    title: str
    closed_at: DateTime
    calendar: WorkCalendar
    zone: str
    attendees: tuple[str, ...]
    confirmations: tuple[Confirmation, ...]

    @property
    def standing(self) -> Standing:
        return standing(self.attendees, self.confirmations)

    def standing_at(self, now: DateTime) -> Standing:
        """The standing from the words given up to ``now``."""
        return standing(self.attendees, (c for c in self.confirmations if c.at <= now))


def awaiting_confirmation(
    meetings: Iterable[MinutesToConfirm], now: DateTime
) -> list[MinutesToConfirm]:
    """Minutes still not confirmed by everyone (or objected to) two working days after
    the close, counted in each meeting's calendar; the oldest first. Minutes closed
    more than four weeks ago are no longer chased."""
    due = []
    for meeting in meetings:
        if now - meeting.closed_at > CHASED_FOR or meeting.standing_at(now).complete:
            continue
        where = zone(meeting.zone)  # an IANA name, or a fixed offset like +01:00
        closed_day = meeting.closed_at.in_timezone(where).date()
        today = now.in_timezone(where).date()
        if meeting.calendar.between(closed_day, today) >= CONFIRM_WITHIN_WORKDAYS:
            due.append(meeting)
    return sorted(due, key=lambda m: (m.closed_at, m.meeting_id))


def match_attendee(typed: str, attendees: Sequence[str]) -> str | None:
    """The attendee ``typed`` names: exactly, in any case, or by pinyin (``lilei``)."""
    from facilitator.followup.owners import resolve_owner

    found = resolve_owner(typed, [(name, "") for name in attendees])
    return found.name if found.known and found.name in attendees else None
