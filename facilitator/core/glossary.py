"""One word per concept: the glossary the catalogues follow.

The template names each thing once (未决事项, 待办任务, 责任人, 截止日期...), and
a reader who meets 待定事项 in the room, 待解决问题 in the help and 未决事项 in
the minutes wonders whether they are three things. The words themselves are
the catalogue's ``[glossary]`` table (a translator edits them there); here are
the synonyms each language must not use for them, which a test looks for in
every message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from facilitator.core.i18n import catalogue

CONCEPTS = (
    "open_item",
    "task",
    "owner",
    "topic_owner",
    "due",
    "deadline",
    "briefer",
    "brief",
    "decision",
)
"""The concepts the glossary names, each ``glossary.<concept>`` in both catalogues
(``glossary.<concept>_short`` where a tiny label may shorten it)."""


@dataclass(frozen=True)
class Synonym:
    """A word that must not stand for a concept: ``pattern`` finds it in a message."""

    concept: str
    word: str
    pattern: re.Pattern[str]


def _synonym(concept: str, word: str, pattern: str | None = None) -> Synonym:
    return Synonym(concept, word, re.compile(pattern or re.escape(word)))


SYNONYMS: dict[str, tuple[Synonym, ...]] = {
    "zh": (
        _synonym("open_item", "待定事项"),
        _synonym("open_item", "待解决问题"),
        _synonym("open_item", "待解决事项"),
        # The room once showed the kind as 待定; the recorder may still type 待定:
        # (an input alias, see facilitator.line.entries), but nothing shows it.
        _synonym("open_item", "待定"),
        _synonym("task", "任务分配"),
        _synonym("task", "行动项"),
        _synonym("owner", "负责人 (not 议题负责人)", r"(?<!议题)负责人"),
        _synonym("owner", "跟进人"),
        _synonym("due", "截止时间"),
        # 同步 is the follow view (同步显示) and the template's progress meeting
        # (定期进度同步, 同步各部门工作进展); the briefer passes on (会后传达).
        _synonym("briefer", "同步 (for the briefer)", r"(?<!进度)同步(?!显示|各部门)"),
    ),
    "en": (
        _synonym("open_item", "unresolved item", r"(?i)\bunresolved items?\b"),
        _synonym("open_item", "pending item", r"(?i)\bpending items?\b"),
        _synonym("task", "action item", r"(?i)\baction items?\b"),
        _synonym("task", "actions (for tasks)", r"(?i)\bdecisions, actions\b"),
        _synonym("owner", "assignee", r"(?i)\bassignees?\b"),
        _synonym("due", "due time", r"(?i)\bdue time\b"),
    ),
}
"""What each language must not say for a concept of the glossary."""

ALLOWED: dict[str, frozenset[str]] = {
    "zh": frozenset({"notice.place_tba"}),
    "en": frozenset(),
}
"""Messages where a listed word means something else: the notice's place "to be
decided" (地点待定) is not an open item."""


def term(concept: str, language: str, short: bool = False) -> str:
    """The word for ``concept`` in ``language`` (its short form for a tiny label)."""
    words = catalogue(language)
    if short:
        return words.get(f"glossary.{concept}_short") or words[f"glossary.{concept}"]
    return words[f"glossary.{concept}"]


def synonyms_in(text: str, language: str) -> list[Synonym]:
    """The forbidden synonyms ``text`` uses, in the order they are listed."""
    return [s for s in SYNONYMS.get(language, ()) if s.pattern.search(text)]


def misworded(language: str) -> dict[str, list[str]]:
    """Every message of ``language`` that uses a synonym: key -> the words it used.

    The glossary's own table is left out (it names the words, it does not use
    them), and so are the messages in :data:`ALLOWED`.
    """
    found: dict[str, list[str]] = {}
    for key, text in catalogue(language).items():
        if key.startswith("glossary.") or key in ALLOWED.get(language, ()):
            continue
        words = [s.word for s in synonyms_in(text, language)]
        if words:
            found[key] = words
    return found
