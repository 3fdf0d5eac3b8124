"""A captured entry and a dispute's sides, as people read them everywhere.

The room's entry list, the follow view, the closing summary, the notebook
and the minutes all show a dispute as its sides; they used to build that
text each on their own, and the notebook's copy wrote ``研发部: …`` where the
catalogue says ``研发部：…``. Here it is built once, from the catalogue's
``minutes.side`` pattern, and each output only escapes or styles the parts.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from facilitator.core.i18n import t
from facilitator.meeting.events import Entry, EntryKind, Side
from facilitator.render.patterns import Part, fill, joined
from facilitator.render.times import format_date

SIDES_SEPARATOR = " | "
"""Between a dispute's sides on one line: the ``|`` the recorder typed between them."""
TAIL_GAP = "  "
"""Before an entry's owner and its date: two spaces keep them apart from the text."""


def side_parts(side: Side, language: str | None = None) -> tuple[Part, ...]:
    """One side of a dispute: party and position in the catalogue's pattern.

    A side typed without a party is just its position.
    """
    if not side.party:
        return (Part(side.position, "position"),) if side.position else ()
    return fill(
        "minutes.side",
        language=language,
        words={"party": side.party, "position": side.position},
    )


def said_parts(speaker: str, text: str, language: str | None = None) -> tuple[Part, ...]:
    """``Li: the tests are late`` / ``李雷：测试延期``: who said a point, and what."""
    if not speaker:
        return (Part(text, "text"),)
    return fill("minutes.said", language=language, words={"speaker": speaker, "text": text})


def side_text(side: Side, language: str | None = None) -> str:
    """``R&D: test more`` / ``研发部：多测一轮``."""
    return joined(side_parts(side, language))


def dispute_text(text: str, sides: Iterable[Side], language: str | None = None) -> str:
    """A dispute on one line: its sides joined by `` | ``, or its text if it has none."""
    return SIDES_SEPARATOR.join(side_text(side, language) for side in sides) or text


@dataclass(frozen=True)
class EntryLine:
    """One entry in words: what the room's list shows, in parts a screen can style.

    ``sides`` holds a dispute's sides (each as parts); any other entry has its
    ``text``. ``owner`` is ``@Li`` and ``due`` the date as people read it, or
    empty when the entry has none.
    """

    kind: EntryKind
    kind_word: str
    text: str
    sides: tuple[tuple[Part, ...], ...]
    owner: str
    due: str
    said: tuple[Part, ...] = ()
    """A point with who said it (``李雷：…``), as parts; empty for anything else."""

    @property
    def body(self) -> str:
        """The entry's words: its text (with who said it), or a dispute's sides on one line."""
        if self.sides:
            return SIDES_SEPARATOR.join(joined(side) for side in self.sides)
        if self.said:
            return joined(self.said)
        return self.text

    @property
    def plain(self) -> str:
        """The words with owner and date, without the kind (a table has a column for it)."""
        return self.body + "".join(TAIL_GAP + tail for tail in (self.owner, self.due) if tail)

    @property
    def full(self) -> str:
        """The whole line as the room's list reads it: kind, words, owner, date."""
        return f"{self.kind_word} {self.plain}"


def entry_line(entry: Entry, language: str | None = None) -> EntryLine:
    """The entry as the room's list, the follow view and the notebook show it."""
    sides = entry.sides if entry.kind == "dispute" else ()
    return EntryLine(
        kind=entry.kind,
        kind_word=t(f"kind.{entry.kind}", language=language),
        text=entry.text,
        sides=tuple(side_parts(side, language) for side in sides),
        owner=f"@{entry.owner}" if entry.owner else "",
        due=format_date(entry.due, language) if entry.due else "",
        said=said_parts(entry.speaker, entry.text, language)
        if entry.kind == "point" and entry.speaker
        else (),
    )
