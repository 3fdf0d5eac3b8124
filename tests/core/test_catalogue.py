"""Every message exists in both languages, with the same placeholders."""

from __future__ import annotations

import re
import string

from facilitator.core.i18n import catalogue, language_from_environment
from tests.support import ROOT


def test_every_key_exists_in_english_and_chinese() -> None:
    assert set(catalogue("en")) == set(catalogue("zh"))


def test_placeholders_match_between_languages() -> None:
    fields = string.Formatter()
    for key, english in catalogue("en").items():
        en = {f for _, f, _, _ in fields.parse(english) if f}
        zh = {f for _, f, _, _ in fields.parse(catalogue("zh")[key]) if f}
        assert en == zh, key


def test_every_key_used_in_code_is_in_the_catalogue() -> None:
    root = ROOT
    used: set[str] = set()
    pattern = re.compile(
        r"""["']((?:agenda|line|room|archive|minutes|summary|closing|keys|kind|
                             status|cli|cli_plan|plan|notice|followup|metrics|opening|balance|help|palette)
                             (?:\.[a-z_0-9]+)+)["']""",
        re.X,
    )
    for path in [
        *root.glob("facilitator/**/*.py"),
        *root.glob("screens/**/*.py"),
        *root.glob("store/**/*.py"),
    ]:
        used |= set(pattern.findall(path.read_text(encoding="utf-8")))
    known = set(catalogue("en"))
    assert {
        k for k in used if k not in known and not k.endswith((".toml", ".db", ".tcss"))
    } == set()


def test_language_comes_from_option_then_environment_then_locale(monkeypatch) -> None:
    assert language_from_environment("zh") == "zh"
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert language_from_environment() == "zh"
    monkeypatch.setenv("FACILITATOR_LANG", "en")
    assert language_from_environment() == "en"


def test_a_kept_catalogue_is_the_toml_and_a_damaged_one_is_read_again() -> None:
    import tomllib

    from facilitator.core.i18n import LOCALE, _flatten, catalogue

    source = LOCALE / "zh.toml"
    expected = _flatten(tomllib.loads(source.read_text("utf-8")))
    catalogue.cache_clear()
    assert catalogue("zh") == expected
    (kept,) = (LOCALE / "__pycache__").glob("zh.*.marshal")
    stat = source.stat()
    assert kept.name == f"zh.{stat.st_mtime_ns}.{stat.st_size}.marshal"
    kept.write_bytes(b"not marshal data")
    catalogue.cache_clear()
    assert catalogue("zh") == expected


def test_an_empty_message_is_said_as_nothing_not_as_its_key() -> None:
    from facilitator.core.i18n import t

    assert t("summary.owned_after", language="en") == ""
    assert t("summary.owned_after", language="zh") == "）"
    assert t("no.such.key", language="zh") == "no.such.key"


def test_chinese_writes_numbers_next_to_their_words_as_the_template_does() -> None:
    # 计划30分钟, 共3条: the minutes and the template write numbers without spaces,
    # and the room's messages must read the same.
    import re

    from facilitator.core.i18n import catalogue

    chinese = "[\u4e00-\u9fff（），。：；、“”]"
    number = r"\{(?:count|minutes|days|number|planned|available|topics|people|max|seconds)\}"
    spaced = re.compile(f"{chinese} {number}|{number} {chinese}")
    assert [key for key, text in catalogue("zh").items() if spaced.search(text)] == []
