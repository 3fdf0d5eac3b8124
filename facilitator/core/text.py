"""Text from people is data, never markup: cleaning and escaping for each output."""

from __future__ import annotations

import re

# C0/C1 control characters and ANSI escape sequences; tabs and newlines are folded.
_ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Characters that change how the text around them reads without being seen:
# direction overrides and isolates (text that lies about its own order),
# marks, the byte-order mark and word joiner. Zero-width joiners stay: emoji
# and some scripts need them.
_INVISIBLE = re.compile("[\u061c\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]")
_SEPARATORS = re.compile("[\u2028\u2029\u0085]")
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")
_MD_ENTITY = re.compile(r"&(?=#?\w+;)")
_MD_LINE_START = re.compile(r"^(\s*)(\d*)([-+>=.)])")


def clean(text: str) -> str:
    """Drop escape sequences, control characters and invisible direction and format
    characters (``ship \u202eevil\u202c`` must not read reversed); fold newlines,
    line separators and tabs to spaces."""
    text = _ANSI.sub("", text)
    text = text.replace("\r\n", " ").replace("\n", " ").replace("\t", " ")
    text = _SEPARATORS.sub(" ", text)
    return _INVISIBLE.sub("", _CONTROL.sub("", text))


def markdown(text: str) -> str:
    """Text that a Markdown renderer shows exactly as typed (one line)."""
    # "&" only matters where it would start an entity: "R&D" stays readable.
    escaped = _MD_ENTITY.sub("&amp;", _MD_SPECIAL.sub(r"\\\1", clean(text)))
    # Only punctuation can be escaped: "1. first" must become "1\. first", not "\1. first".
    return _MD_LINE_START.sub(lambda m: m.group(1) + m.group(2) + "\\" + m.group(3), escaped)


def markdown_cell(text: str) -> str:
    """Like :func:`markdown`, for inside a table row."""
    return markdown(text) or " "
