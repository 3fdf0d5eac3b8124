"""One message catalogue for every person-facing string.

Catalogues are TOML files under ``facilitator/core/locale`` (``en.toml``,
``zh.toml``), keyed by dotted message ids and formatted with
``str.format`` fields. Keeping them as data means a translator edits one
file per language and a test checks that both hold the same keys.
"""

from __future__ import annotations

import marshal
import os
from collections.abc import Iterable
from functools import cache
from pathlib import Path

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


LOCALE = Path(__file__).with_name("locale")
"""The catalogues: package data installed beside this module."""


@cache
def catalogue(language: str) -> dict[str, str]:
    """All messages of one language, flattened to dotted keys.

    Parsed from the TOML once and kept, like Python's own bytecode, in a
    ``__pycache__`` beside it (when that can be written): every command
    speaks, and reading TOML is a tenth of a short command's time.
    """
    source = LOCALE / f"{language}.toml"
    stat = source.stat()
    cached = LOCALE / "__pycache__" / f"{language}.{stat.st_mtime_ns}.{stat.st_size}.marshal"
    try:
        loaded = marshal.loads(cached.read_bytes())
        if isinstance(loaded, dict):
            return loaded
    except (OSError, ValueError, EOFError, TypeError):
        pass
    import tomllib

    flat = _flatten(tomllib.loads(source.read_text("utf-8")))
    _keep(cached, flat)
    return flat


def _keep(cached: Path, flat: dict[str, str]) -> None:
    """Write the parsed catalogue for next time, whole or not at all; never fail."""
    try:
        cached.parent.mkdir(exist_ok=True)
        for old in cached.parent.glob(f"{cached.name.split('.')[0]}.*.marshal"):
            old.unlink(missing_ok=True)
        partial = cached.with_name(f".{cached.name}.{os.getpid()}")
        partial.write_bytes(marshal.dumps(flat))
        partial.replace(cached)
    except OSError:
        pass  # a read-only install parses each time, as before


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
    itself, so a missing translation never hides information. An empty
    message is a message: nothing to say in that language (a closing mark
    English does not need).
    """
    lang = language or _current
    template = catalogue(lang).get(key)
    if template is None:
        template = catalogue("en").get(key, key)
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template


def listed(items: Iterable[str], language: str | None = None) -> str:
    """``items`` as the language lists them: ``Li, Zhao`` / ``李雷、赵芳``."""
    return t("minutes.list_sep", language=language).join(items)
