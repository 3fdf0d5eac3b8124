"""The terminal's input as the room reads it: a bracketed paste whole, in order."""

from __future__ import annotations

from textual import events

from screens.paste import END, START, PasteParser


def read(*chunks: str) -> list[object]:
    """What the parser makes of ``chunks`` arriving in separate reads."""
    parser = PasteParser()
    found: list[object] = []
    for chunk in chunks:
        found += list(parser.feed(chunk))
    return found


def described(found: list[object]) -> list[str]:
    return [
        f"paste {e.text!r}" if isinstance(e, events.Paste) else f"key {e.key}"
        for e in found
        if isinstance(e, events.Paste | events.Key)
    ]


def test_escape_sequences_inside_a_paste_stay_text_in_order() -> None:
    found = read("a" + START + "colour \x1b[31mred\x1b[0m\nnext" + END + "b")
    assert described(found) == ["key a", "paste 'colour \\x1b[31mred\\x1b[0m\\nnext'", "key b"]


def test_a_paste_split_across_reads_arrives_whole() -> None:
    found = read(START + "first li", "ne\nsecond\x1b", "[201", "~x")
    assert described(found) == ["paste 'first line\\nsecond'", "key x"]


def test_a_start_marker_split_across_reads_is_still_a_paste() -> None:
    found = read("q\x1b[20", "0~pasted" + END)
    assert described(found) == ["key q", "paste 'pasted'"]


def test_keys_outside_a_paste_are_read_as_before() -> None:
    assert described(read("ab\r")) == ["key a", "key b", "key enter"]
