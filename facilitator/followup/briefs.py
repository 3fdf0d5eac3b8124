"""Briefs for absentees: what each one's briefer must pass on (会后传达).

The room names a briefer for every absentee (``/absent @Wang @Marta``); after
the meeting the briefer needs the part of the minutes that concerns the
absentee: every decision, the tasks and open items owned by them or their
department, and the disputes that name their department. Pure rules over the
minutes; ``facilitator.export.brief`` lays a brief out, ``mail`` sends it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from facilitator.meeting.minutes import AttendanceLine, Dispute, Minutes, OpenItem, TaskLine


@dataclass(frozen=True)
class Brief:
    """What ``briefer`` passes on to ``absentee`` (of ``department``)."""

    absentee: str
    department: str
    briefer: str
    decisions: tuple[tuple[str, str], ...]
    """(topic title, decision): every decision of the meeting, in agenda order."""
    tasks: tuple[TaskLine, ...]
    open_items: tuple[OpenItem, ...]
    disputes: tuple[tuple[str, Dispute], ...]
    """(topic title, dispute) for each dispute a side of which is their department
    (or them), or whose text names it."""

    @property
    def empty(self) -> bool:
        return not (self.decisions or self.tasks or self.open_items or self.disputes)


def _theirs(owner: str, department: str, who: AttendanceLine) -> bool:
    """Owned by the absentee, or by their department (as a person in it or by name)."""
    mine = {who.name.casefold(), who.department.casefold()}
    return owner.casefold() in mine or (bool(department) and department.casefold() in mine)


def _names(dispute: Dispute, who: AttendanceLine) -> bool:
    """A dispute names the absentee's department (or them): a side, or in its text."""
    words = {who.name.casefold(), who.department.casefold()} - {""}
    parties = {side.party.strip().lstrip("@").casefold() for side in dispute.sides}
    return bool(words & parties) or any(_mentions(dispute.text, word) for word in words)


def _mentions(text: str, word: str) -> bool:
    """``word`` in ``text``: as a whole word in Latin script ("Li" is not in "Lisbon"),
    anywhere in Chinese, which has no spaces between words."""
    if word.isascii():
        return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.IGNORECASE) is not None
    return word in text.casefold()


def brief_for(minutes: Minutes, absentee: AttendanceLine) -> Brief:
    """The brief of one absentee of ``minutes``."""
    sections = (minutes.general, *minutes.topics)
    disputes = tuple(
        (section.title, dispute)
        for section in sections
        for dispute in section.disputes
        if _names(dispute, absentee)
    )
    return Brief(
        absentee=absentee.name,
        department=absentee.department,
        briefer=absentee.briefer,
        decisions=tuple(minutes.decisions),
        tasks=tuple(t for t in minutes.tasks if _theirs(t.owner, t.department, absentee)),
        open_items=tuple(i for i in minutes.open_items if _theirs(i.owner, i.department, absentee)),
        disputes=disputes,
    )


def briefs(minutes: Minutes, absentee: str | None = None) -> tuple[Brief, ...]:
    """The brief of every absentee (or of the one named, in any case), in the
    minutes' order."""
    chosen = [
        line
        for line in minutes.absent
        if absentee is None or line.name.casefold() == absentee.strip().casefold()
    ]
    return tuple(brief_for(minutes, line) for line in chosen)


def by_briefer(found: tuple[Brief, ...]) -> dict[str, tuple[Brief, ...]]:
    """The briefs each briefer passes on (one may brief several absentees)."""
    grouped: dict[str, list[Brief]] = {}
    for brief in found:
        grouped.setdefault(brief.briefer, []).append(brief)
    return {briefer: tuple(items) for briefer, items in grouped.items()}
