"""One message catalogue for every person-facing string.

Catalogues are TOML files under ``facilitator/core/locale`` (``en.toml``,
``zh.toml``), keyed by dotted message ids and formatted with
``str.format`` fields. Keeping them as data means a translator edits one
file per language and a test checks that both hold the same keys.
"""

from __future__ import annotations

import os
import tomllib
from functools import cache
from importlib import resources

LANGUAGES = ("en", "zh")
_current = "en"


def _flatten(table: dict, prefix: str = "") -> dict[str, str]:
    flat: dict[str, str] = {}
    for key, value in table.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flatten(value, name + "."))
        else:
            flat[name] = str(value)
    return flat


@cache
def catalogue(language: str) -> dict[str, str]:
    """All messages of one language, flattened to dotted keys."""
    text = (
        resources.files("facilitator.core")
        .joinpath("locale", f"{language}.toml")
        .read_text("utf-8")
    )
    return _flatten(tomllib.loads(text))


def language_from_environment(explicit: str | None = None) -> str:
    """``--lang``, else ``FACILITATOR_LANG``, else the locale (``LANG=zh_CN`` -> zh)."""
    for candidate in (
        explicit,
        os.environ.get("FACILITATOR_LANG"),
        os.environ.get("LC_ALL"),
        os.environ.get("LC_MESSAGES"),
        os.environ.get("LANG"),
    ):
        if candidate:
            code = candidate.lower()[:2]
            if code in LANGUAGES:
                return code
            if explicit and candidate == explicit:
                break
    return "en"


def set_language(language: str) -> None:
    """Switch the process-wide UI language."""
    global _current
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; choose one of {', '.join(LANGUAGES)}")
    _current = language


def current_language() -> str:
    return _current


def t(key: str, /, language: str | None = None, **params: object) -> str:
    """The message ``key`` in the current (or given) language.

    A key missing from a catalogue falls back to English, then to the key
    itself, so a missing translation never hides information.
    """
    lang = language or _current
    template = catalogue(lang).get(key) or catalogue("en").get(key) or key
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template
