"""Resolve what follows ``@`` to a participant or a department.

Chinese names are written without spaces ("@李雷提交测试表"), so the longest
known name that the text starts with wins; otherwise the typed word is taken
as the start of a name ("@Mar" finds Marta) if exactly one name fits.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

_WORD_END = re.compile(r"[\s,;，；、。]")


@dataclass(frozen=True)
class Mention:
    """A resolved (or not) ``@`` mention in a line."""

    start: int  # index of "@"
    end: int  # index after the name as typed
    typed: str
    name: str | None  # None: unknown or ambiguous
    candidates: tuple[str, ...] = ()


def _fold(text: str) -> str:
    return text.casefold()


def _matches_prefix(candidate: str, typed: str) -> bool:
    from facilitator.core.pinyin import pinyin_initials, pinyin_key

    folded = _fold(typed)
    if _fold(candidate).startswith(folded):
        return True
    if typed.isascii() and not candidate.isascii():
        plain = typed.lower()
        return pinyin_key(candidate).replace(" ", "").startswith(plain) or pinyin_initials(
            candidate
        ).startswith(plain)
    return False


def complete(typed: str, names: Sequence[str]) -> list[str]:
    """Names that ``typed`` could be the start of (by letters or pinyin)."""
    return [name for name in names if _matches_prefix(name, typed)]


LONGEST_TYPED = 64
"""A word after ``@`` longer than this is not a name being typed."""


@dataclass(frozen=True)
class _Names:
    """The names a line is read against, folded once for the whole line."""

    names: tuple[str, ...]
    folded: tuple[str, ...]
    window: int
    """How far after an ``@`` a name can reach: the longest name, and a word
    being typed. Only that much is read, so a line of thousands of mentions
    is read in linear time."""

    @classmethod
    def of(cls, names: Sequence[str]) -> _Names:
        window = max((len(n) for n in names), default=0) + LONGEST_TYPED
        return cls(tuple(names), tuple(_fold(n) for n in names), window)


def resolve_at(text: str, at: int, names: Sequence[str]) -> Mention:
    """Resolve the mention whose ``@`` stands at index ``at`` of ``text``."""
    return _resolve(text, at, _Names.of(names))


def _resolve(text: str, at: int, known: _Names) -> Mention:
    rest = text[at + 1 : at + 1 + known.window]
    folded = _fold(rest)
    whole = [
        n
        for n, folded_name in zip(known.names, known.folded, strict=True)
        if folded.startswith(folded_name)
        and not (
            len(rest) > len(n)
            and n[-1:].isascii()
            and n[-1:].isalnum()
            and rest[len(n)].isascii()
            and rest[len(n)].isalnum()
        )
    ]
    if whole:
        best = max(whole, key=len)
        return Mention(at, at + 1 + len(best), rest[: len(best)], best)
    word_end = _WORD_END.search(rest)
    typed = rest[: word_end.start()] if word_end else rest
    typed = typed.rstrip(":：")
    if not typed:
        return Mention(at, at + 1, "", None)
    candidates = complete(typed, known.names)
    name = candidates[0] if len(candidates) == 1 else None
    return Mention(at, at + 1 + len(typed), typed, name, tuple(candidates))


def mentions(text: str, names: Sequence[str]) -> list[Mention]:
    """Every ``@`` mention in ``text``, resolved against ``names``."""
    known = _Names.of(names)
    found = []
    index = text.find("@")
    while index != -1:
        # an e-mail address is not a mention
        if index == 0 or not (text[index - 1].isascii() and text[index - 1].isalnum()):
            mention = _resolve(text, index, known)
            found.append(mention)
            index = text.find("@", max(mention.end, index + 1))
        else:
            index = text.find("@", index + 1)
    return found
