"""What Tab, the ghost text and the list offer: one rule, agreeing with Enter."""

from __future__ import annotations

from facilitator.line.completion import apply, offer

PEOPLE = ["Ana", "Li", "Marta", "李雷"]
DEPARTMENTS = ["Marketing", "R&D"]


def test_an_alias_typed_whole_offers_its_own_command_first_and_no_ghost() -> None:
    found = offer("/s", 2, PEOPLE, DEPARTMENTS)
    assert found is not None
    assert found.choices[0] == "/speak"  # what Enter runs: /s is /speak
    assert "/skip" in found.choices
    assert found.ghost("/s") == ""  # no ghost suggesting /skip


def test_a_command_being_typed_shows_its_completion_as_ghost_text() -> None:
    found = offer("/ne", 3, PEOPLE, DEPARTMENTS)
    assert found is not None and found.choices == ("/next",)
    assert found.ghost("/ne") == "/next "


def test_a_chinese_alias_is_offered_under_the_alias_typed() -> None:
    found = offer("/下", 2, PEOPLE, DEPARTMENTS)
    assert found is not None and found.choices[0] == "/下一个"


def test_a_bare_at_sign_offers_every_name() -> None:
    found = offer("a: @", 4, PEOPLE, DEPARTMENTS)
    assert found is not None
    assert found.choices == ("@Ana", "@Li", "@Marta", "@李雷", "@Marketing", "@R&D")
    assert found.ghost("a: @") == ""  # nothing typed yet: the list, not a guess


def test_pinyin_finds_a_chinese_name_in_the_list_but_not_as_ghost_letters() -> None:
    found = offer("a: @ll", 6, PEOPLE, DEPARTMENTS)
    assert found is not None and found.choices == ("@李雷",)
    assert found.ghost("a: @ll") == ""


def test_people_commands_offer_people_only() -> None:
    found = offer("/speak @Ma", 10, PEOPLE, DEPARTMENTS)
    assert found is not None and found.choices == ("@Marta",)


def test_an_email_address_is_not_a_name_to_complete() -> None:
    assert offer("mail ana@exa", 12, PEOPLE, DEPARTMENTS) is None


def test_tab_writes_the_choice_and_a_space_keeping_the_rest_of_the_line() -> None:
    text = "a: @Mar by friday"
    found = offer(text, 7, PEOPLE, DEPARTMENTS)
    assert found is not None
    assert apply(text, found, "@Marta") == ("a: @Marta by friday", 10)
