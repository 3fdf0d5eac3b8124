"""One term per concept: every message of both catalogues uses the glossary's word.

The words are the template's (未决事项, 待办任务, 责任人, 议题负责人, 截止日期,
会后传达人); a synonym anywhere (待定事项 in the room, 待解决问题 in the help,
截止时间 in a table, 同步 for the briefer) reads as a second thing.
"""

from __future__ import annotations

import tomllib

import pytest

from facilitator.core.glossary import CONCEPTS, misworded, synonyms_in, term
from facilitator.core.i18n import LOCALE, _flatten, t


def _values(language: str) -> dict[str, str]:
    """Every message of the catalogue file itself, as written (not a kept copy)."""
    return _flatten(tomllib.loads((LOCALE / f"{language}.toml").read_text("utf-8")))


@pytest.mark.parametrize("language", ["zh", "en"])
def test_no_message_uses_a_synonym_of_a_glossary_term(language: str) -> None:
    assert misworded(language) == {}
    # ...and the walk covers the file as written, every value of it.
    for key, text in _values(language).items():
        if key.startswith("glossary.") or key == "notice.place_tba":
            continue
        assert synonyms_in(text, language) == [], (key, text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("尚无记录：决定、任务、待定事项", "待定事项"),
        ("列出待解决问题", "待解决问题"),
        ("待解决事项两项", "待解决事项"),
        ("任务分配", "任务分配"),
        ("截止时间 3月20日", "截止时间"),
        ("负责人：李雷", "负责人 (not 议题负责人)"),
        ("王强（由赵芳同步）", "同步 (for the briefer)"),
        ("缺席人员同步：韩梅梅", "同步 (for the briefer)"),
        ("待定", "待定"),
    ],
)
def test_the_glossary_test_finds_each_forbidden_synonym(text: str, word: str) -> None:
    assert word in [synonym.word for synonym in synonyms_in(text, "zh")]


@pytest.mark.parametrize(
    "text",
    ["议题负责人：李雷", "同步显示 · 只读", "定期进度同步", "同步各部门工作进展", "截止确认时间"],
)
def test_the_words_that_mean_something_else_pass(text: str) -> None:
    assert synonyms_in(text, "zh") == []


def test_english_says_open_item_not_unresolved_item() -> None:
    assert [s.word for s in synonyms_in("Unresolved items (1)", "en")] == ["unresolved item"]
    assert misworded("en") == {}


@pytest.mark.parametrize("language", ["zh", "en"])
def test_every_concept_has_one_word_in_each_language(language: str) -> None:
    for concept in CONCEPTS:
        assert term(concept, language), concept
        assert term(concept, language, short=True), concept


def test_the_chinese_words_are_the_templates() -> None:
    assert [term(c, "zh") for c in CONCEPTS] == [
        "未决事项",
        "待办任务",
        "责任人",
        "议题负责人",
        "截止日期",
        "时间节点",
        "会后传达人",
        "会后传达",
        "决策",
    ]
    # Short forms only where a label is tiny: an entry's kind, a command's placeholder.
    assert term("open_item", "zh", short=True) == "未决"
    assert term("task", "zh", short=True) == "任务"
    assert term("briefer", "zh", short=True) == "传达人"


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_places_people_meet_a_concept_use_its_word(language: str) -> None:
    def word(concept: str, short: bool = False) -> str:
        return term(concept, language, short).casefold()

    assert t("kind.unresolved", language=language).casefold() in (
        word("open_item"),
        word("open_item", short=True),
    )
    assert t("kind.action", language=language).casefold() in (word("task"), word("task", True))
    assert t("kind.decision", language=language).casefold() == word("decision")
    assert word("open_item") in t("minutes.open_items", language=language).casefold()
    assert word("open_item") in t("minutes.open_items_in_topic", language=language).casefold()
    assert word("task") in t("minutes.tasks", language=language).casefold()
    assert t("minutes.owner", language=language).casefold() == word("owner")
    assert t("minutes.due", language=language).casefold() in (word("due"), word("due", True))
    assert t("minutes.deadline", language=language).casefold() == word("deadline")
    assert word("brief") in t("minutes.absent_with_briefer", language=language).casefold() or (
        language == "en" and "briefed" in t("minutes.absent_with_briefer", language="en")
    )


def test_the_chinese_topic_owner_and_task_owner_are_told_apart() -> None:
    assert t("minutes.topic_owner", language="zh") == "议题负责人"
    assert t("room.owned_by", language="zh", name="李雷") == "议题负责人：李雷"
    assert t("minutes.owner", language="zh") == "责任人"
    assert t("room.preview_owner", language="zh", name="李雷") == "责任人 李雷"
