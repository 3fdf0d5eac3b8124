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
# Escaped wherever they are: emphasis, code, links and raw HTML, table cells,
# strikethrough, and the escape itself. Parentheses, braces, "!" and "#" only
# mean something after "[" or at the start of a line, and are left as typed.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<|~])")
_MD_ENTITY = re.compile(r"&(?=#?\w+;)")
# What makes a line a heading, a list item, a quote or a rule, at its start only.
_MD_LINE_START = re.compile(r"^(\s*)(#{1,6}(?=\s|$)|[-+](?=\s|$)|\d{1,9}(?=[.)](?:\s|$))|>)")
_MD_RULE = re.compile(r"^\s*([-=])(?:\s*\1)*\s*$")
URL = re.compile(r"https?://[^\s<>\"'`()\[\]{}|\\^]+", re.IGNORECASE)
"""A web address in people's text: shown as a link in HTML and Markdown, the same
in every renderer (a bare address is linked by some and not by others)."""
_URL_TAIL = ".,;:!?"


def clean(text: str) -> str:
    """Drop escape sequences, control characters and invisible direction and format
    characters (``ship \u202eevil\u202c`` must not read reversed); fold newlines,
    line separators and tabs to spaces."""
    text = _ANSI.sub("", text)
    text = text.replace("\r\n", " ").replace("\n", " ").replace("\t", " ")
    text = _SEPARATORS.sub(" ", text)
    return _INVISIBLE.sub("", _CONTROL.sub("", text))


def url_parts(text: str) -> list[tuple[str, bool]]:
    """``text`` in pieces, each marked True if it is a web address (``https://…``);
    punctuation that ends a sentence is not part of the address."""
    parts: list[tuple[str, bool]] = []
    at = 0
    for match in URL.finditer(text):
        address = match.group().rstrip(_URL_TAIL)
        if "://" not in address or address.endswith("://"):
            continue
        if match.start() > at:
            parts.append((text[at : match.start()], False))
        parts.append((address, True))
        at = match.start() + len(address)
    if at < len(text):
        parts.append((text[at:], False))
    return parts


def _markdown_text(text: str) -> str:
    # "&" only matters where it would start an entity: "R&D" stays readable.
    return _MD_ENTITY.sub("&amp;", _MD_SPECIAL.sub(r"\\\1", text))


def markdown(text: str) -> str:
    """Text that a Markdown renderer shows exactly as typed (one line).

    Only what would change its meaning is escaped (``=HYPERLINK("x")`` stays
    as it is); a web address becomes an autolink (``<https://…>``), linked
    the same by CommonMark and GitHub's renderer, showing the address itself.
    """
    cleaned = clean(text)
    escaped = "".join(
        f"<{piece}>" if is_url else _markdown_text(piece) for piece, is_url in url_parts(cleaned)
    )
    if _MD_RULE.match(escaped):  # "---" or "===": a rule, or a heading's underline
        return escaped.replace(escaped.strip()[0], "\\" + escaped.strip()[0], 1)
    # Only punctuation can be escaped: "1. first" becomes "1\. first", not "\1. first".
    return _MD_LINE_START.sub(_escape_line_start, escaped)


def _escape_line_start(match: re.Match[str]) -> str:
    spaces, marker = match.group(1), match.group(2)
    if marker[0].isdigit():
        return spaces + marker + "\\"  # before the "." or ")" that follows the number
    return spaces + "\\" + marker


def markdown_cell(text: str) -> str:
    """Like :func:`markdown`, for inside a table row."""
    return markdown(text) or " "
