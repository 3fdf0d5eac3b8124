"""Sorting and matching of names that may be Chinese.

Chinese name lists are sorted by pinyin; ``@ll`` or ``@lilei`` find 李雷.
pypinyin is optional: without it Chinese names sort by code point and only
match by their own characters.
"""

from __future__ import annotations

from functools import cache
from typing import Any


@cache
def _pinyin(text: str) -> tuple[str, ...]:
    try:
        from pypinyin import Style, lazy_pinyin
    except ImportError:
        return tuple(text)
    # Characters without a reading (Latin letters, digits) stay one item each;
    # pypinyin accepts a list from ``errors`` though its hints say str.
    keep: Any = lambda chars: list(chars)  # noqa: E731
    return tuple(lazy_pinyin(text, style=Style.NORMAL, errors=keep))


def pinyin_key(text: str) -> str:
    """Syllables separated by spaces ("李雷" -> "li lei"); other text lower-cased."""
    return " ".join(_pinyin(text)).lower()


def pinyin_initials(text: str) -> str:
    """First letters of each syllable ("李雷" -> "ll")."""
    return "".join(s[:1] for s in _pinyin(text)).lower()


def name_sort_key(name: str) -> tuple[str, str]:
    """Sort key that puts 李雷 among the L's and stays stable on ties."""
    return (pinyin_key(name), name)


def sorted_names(names: list[str]) -> list[str]:
    return sorted(names, key=name_sort_key)


def warm(names: list[str]) -> None:
    """Work out the pinyin of ``names`` now (loading pypinyin's tables, ~130 ms once),
    so the first ``@l`` typed in the room does not pay for it. Cheap when every
    name is ASCII: then nothing is loaded."""
    for name in names:
        if not name.isascii():
            _pinyin(name)
