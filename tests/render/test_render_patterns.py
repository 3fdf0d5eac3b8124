"""Catalogue patterns filled with people's words (facilitator/render/patterns.py): each
output escapes the words and keeps the pattern's own punctuation."""

from __future__ import annotations

from html import escape

import pytest

from facilitator.core.text import markdown
from facilitator.render.patterns import Part, fill, joined


def test_peoples_words_are_parts_of_their_own_and_our_numbers_are_not() -> None:
    parts = fill("minutes.topic_heading", "zh", words={"title": "发布*计划"}, number=2)
    assert parts == (Part("议题2："), Part("发布*计划", "title"))


def test_markdown_escapes_the_words_but_not_the_pattern() -> None:
    parts = fill("minutes.side", "en", words={"party": "R&D", "position": "*more* tests"})
    assert joined(parts, markdown) == "R&D: \\*more\\* tests"


def test_a_page_marks_the_party_after_escaping_it() -> None:
    parts = fill("minutes.side", "zh", words={"party": "<研发部>", "position": "多测"})
    strong = {"party": lambda text: f"<strong>{text}</strong>"}
    assert joined(parts, escape, strong) == "<strong>&lt;研发部&gt;</strong>：多测"


def test_a_word_that_is_empty_leaves_no_part() -> None:
    assert fill("minutes.labelled", "en", words={"value": ""}, label="Owner") == (Part("Owner: "),)


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ('=HYPERLINK("https://e.x","点击")', '=HYPERLINK("<https://e.x>","点击")'),
        ("ship (maybe) on 20 Sept!", "ship (maybe) on 20 Sept!"),
        ("#3 is done; 1+1=2", "#3 is done; 1+1=2"),
        ("# Heading", "\\# Heading"),
        ("- item", "\\- item"),
        ("1. first", "1\\. first"),
        ("---", "\\---"),
        ("**bold** [y](x)", "\\*\\*bold\\*\\* \\[y\\](x)"),
        ("see https://wiki.example.com/q3. Then", "see <https://wiki.example.com/q3>. Then"),
    ],
)
def test_markdown_escapes_only_what_would_change_the_meaning(typed: str, written: str) -> None:
    assert markdown(typed) == written
