"""A dispute typed the way people write one: each side's party and position.

``x: R&D: longer tests | Marketing: keep the date`` names each side with a
colon; the template's own sentence ``研发部门认为需延长测试周期，市场部门担心影响
推广节奏`` names them with a verb (认为, 担心, 主张...), and so does
``R&D thinks we need longer tests, Marketing worries about the date``. Sides
are split on ``|``, ``;`` or ``vs``, else on a comma that starts a new party.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from facilitator.line.names import mentions
from facilitator.meeting.events import Side

_SEPARATORS = re.compile(r"\s*(?:\||｜|\bvs\.?\b|；|;)\s*", re.IGNORECASE)
_COMMAS = re.compile(r"\s*[，,]\s*")
_COLON_SIDE = re.compile(r"^\s*(?P<party>@?[^:：]{1,40}?)\s*[:：]\s*(?P<position>.+)$", re.DOTALL)
STANCE_VERBS = (
    "认为",
    "担心",
    "主张",
    "坚持",
    "希望",
    "建议",
    "表示",
    "要求",
    "提出",
    "觉得",
    "倾向",
    "反对",
    "支持",
)
_ENGLISH_VERBS = (
    r"thinks?|says?|wants?|argues?|worr(?:y|ies)|prefers?|proposes?|insists?|believes?"
    r"|suggests?|objects?|asks?|fears?|feels?|would\s+rather"
)
_ZH_STANCE = re.compile(rf"^(?P<party>@?[^\s，,。：:]{{1,16}}?)(?P<verb>{'|'.join(STANCE_VERBS)})")
_EN_STANCE = re.compile(
    rf"^(?P<party>@?[\w&.\-/ ]{{1,40}}?)\s+(?P<verb>{_ENGLISH_VERBS})\b", re.IGNORECASE
)
_LONGEST_ENGLISH_PARTY_WORDS = 3


def _resolved(party: str, names: Sequence[str]) -> str:
    """The participant or department a party stands for, else the party as typed.

    ``研发部门`` is the agenda's ``研发部`` (one is the start of the other);
    ``@Li`` is Li.
    """
    typed = party.strip()
    if typed.startswith("@"):
        found = mentions(typed, list(names))
        return found[0].name if found and found[0].name else typed[1:]
    folded = typed.casefold()
    for name in sorted(names, key=len, reverse=True):
        known = name.casefold()
        if folded == known or folded.startswith(known) or known.startswith(folded):
            return name
    return typed


def _stance(part: str, names: Sequence[str]) -> Side | None:
    """``研发部认为…`` / ``R&D thinks …``: a side named by who holds it, verb kept."""
    part = part.strip()
    for pattern in (_ZH_STANCE, _EN_STANCE):
        match = pattern.match(part)
        if match is None:
            continue
        party = match.group("party").strip()
        known = _resolved(party, names)
        # In English a long subject is a clause, not a party: only a known
        # name or a short one ("the vendor") names a side.
        clause = len(party.split()) > _LONGEST_ENGLISH_PARTY_WORDS
        if pattern is _EN_STANCE and known == party and clause:
            continue
        return Side(known, part[match.start("verb") :].strip())
    return None


def _side(part: str, names: Sequence[str]) -> Side:
    colon = _COLON_SIDE.match(part)
    if colon:
        return Side(_resolved(colon.group("party"), names), colon.group("position").strip())
    return _stance(part, names) or Side("", part.strip())


def dispute_sides(body: str, names: Sequence[str]) -> tuple[Side, ...]:
    """Each side of the dispute ``body``, in the order written."""
    parts = [p for p in _SEPARATORS.split(body) if p.strip()]
    if len(parts) == 1:
        # No separator: a comma starts a new side only where a new party speaks.
        sides: list[Side] = []
        for segment in (s for s in _COMMAS.split(body) if s.strip()):
            stance = _stance(segment, names)
            if stance is not None or not sides:
                sides.append(stance or Side("", segment.strip()))
            else:
                last = sides[-1]
                joiner = "，" if not segment.isascii() else ", "
                sides[-1] = Side(last.party, last.position + joiner + segment.strip())
        if len(sides) > 1 or (sides and sides[0].party):
            return tuple(sides)
    return tuple(_side(part, names) for part in parts)
