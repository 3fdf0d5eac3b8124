"""Finding what was said in any meeting: the query's words, the kinds, the highlight.

The archive answers (``store.search``, SQLite's trigram index); these rules
decide what a typed query means and how a match is shown, the same for the
command line, the notebook and the tests.
"""

from __future__ import annotations

import re

from facilitator.core.i18n import LANGUAGES, listed, t
from facilitator.core.text import clean
from facilitator.line.entries import PREFIXES

KINDS = ("progress", "risk", "proposal", "point", "decision", "dispute", "open_item", "task")
"""What can be searched, in the order the minutes show a topic's entries."""
KIND_LABELS = {
    "progress": "kind.progress",
    "risk": "kind.risk",
    "proposal": "kind.proposal",
    "point": "kind.point",
    "decision": "kind.decision",
    "dispute": "kind.dispute",
    "open_item": "kind.unresolved",
    "task": "kind.action",
}
"""Each kind's word in the catalogue (the room's own names for them)."""
_SEARCH_KIND = {"unresolved": "open_item", "action": "task"}
"""The searched kind of an entry kind, where the two names differ."""
SHORTEST_INDEXED = 3
"""The trigram index finds runs of three characters or more; shorter words
(``预算``) are looked for one entry at a time (``LIKE``)."""


def terms_of(text: str) -> tuple[str, ...]:
    """The words of a query, each to be found (``预算 审批`` is two): split on
    spaces (full-width ones too), without repeats or control characters."""
    return tuple(dict.fromkeys(clean(text).split()))


def parse_kind(word: str) -> str | None:
    """The kind a person typed: ``decision``, ``open-item``, ``决策``, ``未决``,
    ``Task`` (any case, either language), or a prefix the room accepts for it
    (``决定``, ``待定``); None if it is none of :data:`KINDS`."""
    typed = word.strip().casefold().replace("-", "_")
    for kind in KINDS:
        names = {kind, kind + "s"} | {
            t(KIND_LABELS[kind], language=language).casefold() for language in LANGUAGES
        }
        if typed in names:
            return kind
    entry_kind = PREFIXES.get(typed)
    return _SEARCH_KIND.get(entry_kind, entry_kind) if entry_kind else None


def highlighted(text: str, terms: tuple[str, ...]) -> tuple[tuple[str, bool], ...]:
    """``text`` in parts, each marked True where it matches one of ``terms``
    (in any case), for showing the match: ``(("ship on ", False), ("20 Sept", True))``."""
    if not terms or not text:
        return ((text, False),) if text else ()
    pattern = re.compile("|".join(map(re.escape, sorted(terms, key=len, reverse=True))), re.I)
    parts: list[tuple[str, bool]] = []
    at = 0
    for match in pattern.finditer(text):
        if match.start() > at:
            parts.append((text[at : match.start()], False))
        parts.append((match.group(), True))
        at = match.end()
    if at < len(text):
        parts.append((text[at:], False))
    return tuple(parts)


INDEXED_PEOPLE = ", "
"""How the search index joins a match's people (parties, owner and department)."""


def hit_words(kind: str, text: str, people: str, language: str | None = None) -> tuple[str, str]:
    """A match's text and people as its language writes them: a dispute (indexed as
    typed, ``研发部: 多测 | 市场部: 保持``) as the room shows it (``研发部：多测；市场部：保持``),
    people joined by ``、`` in Chinese (``, `` in English)."""
    from facilitator.line.disputes import dispute_sides
    from facilitator.render.entries import dispute_text

    if kind == "dispute":
        text = dispute_text(text, dispute_sides(text, ()), language)
    return text, listed(people.split(INDEXED_PEOPLE), language)
