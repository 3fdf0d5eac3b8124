"""Catalogue patterns filled with people's words, kept apart as parts.

A pattern like ``minutes.side`` ("{party}: {position}", "{party}：{position}"
in Chinese) owns the punctuation between the words; the words themselves are
people's. Every output treats the two differently: Markdown and HTML escape
people's words but not the pattern, the room shows the party in bold. So the
pattern is filled once, here, into :class:`Part` s that say which is which,
and each output joins them its own way (:func:`joined`) instead of rebuilding
the pattern and, as happened, dropping the full-width ``：``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from facilitator.core.i18n import t

_MARK = "\x00"
"""Around a field's name while the pattern is split: never typed, never in a catalogue."""


@dataclass(frozen=True)
class Part:
    """A piece of a filled pattern.

    ``field`` names the placeholder that people's words filled ("party",
    "owner", ...); it is empty for the pattern's own words and punctuation.
    """

    text: str
    field: str = ""


def fill(
    key: str,
    /,
    language: str | None = None,
    words: Mapping[str, str] | None = None,
    **ours: object,
) -> tuple[Part, ...]:
    """The catalogue pattern ``key`` with ``words`` (people's) as parts of their own.

    ``ours`` fills placeholders with our own text (numbers, durations, catalogue
    words): it becomes part of the pattern's text, never escaped as people's.
    Empty pieces are left out.
    """
    words = words or {}
    marks = {name: f"{_MARK}{name}{_MARK}" for name in words}
    parts: list[Part] = []
    for index, piece in enumerate(t(key, language=language, **ours, **marks).split(_MARK)):
        part = Part(words[piece], piece) if index % 2 else Part(piece)
        if part.text:
            parts.append(part)
    return tuple(parts)


def _as_is(text: str) -> str:
    return text


def joined(
    parts: Iterable[Part],
    escape: Callable[[str], str] = _as_is,
    mark: Mapping[str, Callable[[str], str]] | None = None,
) -> str:
    """The parts as one string: people's words through ``escape``, the pattern as it is.

    ``mark`` wraps the (escaped) words of a field, such as the party of a side
    in ``<strong>``; the pattern's punctuation is never escaped, so Markdown
    shows ``研发部：…`` and not a backslash before a bracket it does not need.
    """
    mark = mark or {}
    out = []
    for part in parts:
        if not part.field:
            out.append(part.text)
            continue
        text = escape(part.text)
        out.append(mark[part.field](text) if part.field in mark else text)
    return "".join(out)


def label_gap(label: str) -> str:
    """A label with the gap its value needs: a space after ``Speaking:``, none
    after a full-width colon (``发言：李雷``, as Chinese is written)."""
    return label if label.endswith(("：", "）", "】")) else label + " "
