"""The one input line: capture for the recorder, commands for the host.

Plain text is a discussion point; a prefix picks another kind of entry
(``facilitator.line.entries``); a slash starts a command
(``facilitator.line.grammar``). Whatever cannot be read is kept as a plain
point, with the reason, so nothing typed is ever thrown away.
"""

from __future__ import annotations

from dataclasses import replace

from facilitator.core.notice import Notice
from facilitator.core.text import clean
from facilitator.line.entries import capture, parse_entry, said_prefix
from facilitator.line.grammar import parse_command
from facilitator.line.parsed import Invalid, LineContext, Parsed


def is_command(text: str) -> bool:
    """Whether a line typed into the room is a command (``/next``), not an entry."""
    stripped = text.strip()
    return stripped.startswith("/") and len(stripped) > 1


def parse_line(text: str, context: LineContext) -> Parsed:
    """Read one line typed into the room."""
    raw = text
    # The entry keeps what was typed in ``raw``; its text never carries escape
    # sequences or control characters to a screen or an export.
    if context.max_chars is not None and len(text) > context.max_chars:
        # Checked before any reading: the preview asks on every key.
        too_long = {"count": len(text), "most": context.max_chars}
        return Invalid(Notice("line.too_long", too_long, "warning"), raw)
    stripped = clean(text).strip()
    if not stripped:
        return Invalid(Notice("line.empty_entry", severity="warning"), raw)
    if is_command(stripped):
        return parse_command(stripped[1:], context, raw)
    speaker, stripped, notice = said_prefix(stripped, context.people)
    if not stripped.strip():
        return Invalid(Notice("line.empty_entry", severity="warning"), raw)
    read = parse_entry(stripped, raw)
    if isinstance(read, Invalid):
        return read
    kind, body = read
    captured = capture(kind, body, raw, context)
    if kind != "point" and captured.entry.kind == "point":
        if speaker is None:
            # The recorder's task line, unread: nobody said it, whoever speaks.
            speaker = ""
        else:
            # Kept as typed after who said it: the minutes name the speaker once,
            # and the close still finds the task line.
            captured = replace(captured, entry=replace(captured.entry, text=stripped))
    notices = (notice, *captured.notices) if notice else captured.notices
    return replace(captured, speaker=speaker, notices=notices)
