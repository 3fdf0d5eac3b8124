"""The paper the minutes print on follows the locale: A4, or Letter where it is used."""

from __future__ import annotations

import pytest

from facilitator.core.paper import paper_for


@pytest.mark.parametrize(
    ("environment", "paper"),
    [
        ({"LANG": "zh_CN.UTF-8"}, "a4"),
        ({"LANG": "en_GB.UTF-8"}, "a4"),
        ({"LANG": "de_DE.UTF-8"}, "a4"),
        ({"LANG": "C.UTF-8"}, "a4"),
        ({}, "a4"),
        ({"LANG": "en_US.UTF-8"}, "letter"),
        ({"LANG": "es_MX"}, "letter"),
        ({"LANG": "fr_CA.UTF-8"}, "letter"),
        ({"LANG": "zh_CN.UTF-8", "LC_PAPER": "en_US.UTF-8"}, "letter"),
        ({"LANG": "en_US.UTF-8", "LC_PAPER": "en_GB.UTF-8"}, "a4"),
        ({"LC_ALL": "zh_CN.UTF-8", "LC_PAPER": "en_US.UTF-8"}, "a4"),
    ],
)
def test_a4_unless_the_locale_prints_on_letter(environment: dict[str, str], paper: str) -> None:
    assert paper_for(environment) == paper
