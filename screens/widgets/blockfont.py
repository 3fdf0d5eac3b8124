"""Names in block letters, large enough to read from the back of the room.

A 5-row pixel font for the Latin letters (accents dropped: ``José`` is drawn
``JOSE``), digits and the few marks names carry. Scripts it cannot draw
(Chinese names among them) get the widest legible fallback a terminal has:
the name letter-spaced in bold on a band three rows tall, since a terminal
cell cannot be made larger than the terminal's font.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from rich.cells import cell_len
from rich.text import Text

from screens.widgets.bigclock import GLYPHS as DIGITS
from screens.widgets.bigclock import ROWS

LETTERS: dict[str, tuple[str, ...]] = {
    "A": (".##.", "#..#", "####", "#..#", "#..#"),
    "B": ("###.", "#..#", "###.", "#..#", "###."),
    "C": (".###", "#...", "#...", "#...", ".###"),
    "D": ("###.", "#..#", "#..#", "#..#", "###."),
    "E": ("####", "#...", "###.", "#...", "####"),
    "F": ("####", "#...", "###.", "#...", "#..."),
    "G": (".###", "#...", "#.##", "#..#", ".###"),
    "H": ("#..#", "#..#", "####", "#..#", "#..#"),
    "I": ("###", ".#.", ".#.", ".#.", "###"),
    "J": ("..##", "...#", "...#", "#..#", ".##."),
    "K": ("#..#", "#.#.", "##..", "#.#.", "#..#"),
    "L": ("#...", "#...", "#...", "#...", "####"),
    "M": ("#...#", "##.##", "#.#.#", "#...#", "#...#"),
    "N": ("#...#", "##..#", "#.#.#", "#..##", "#...#"),
    "O": (".##.", "#..#", "#..#", "#..#", ".##."),
    "P": ("###.", "#..#", "###.", "#...", "#..."),
    "Q": (".##.", "#..#", "#..#", "#.#.", ".#.#"),
    "R": ("###.", "#..#", "###.", "#.#.", "#..#"),
    "S": (".###", "#...", ".##.", "...#", "###."),
    "T": ("#####", "..#..", "..#..", "..#..", "..#.."),
    "U": ("#..#", "#..#", "#..#", "#..#", ".##."),
    "V": ("#...#", "#...#", "#...#", ".#.#.", "..#.."),
    "W": ("#...#", "#...#", "#.#.#", "##.##", "#...#"),
    "X": ("#...#", ".#.#.", "..#..", ".#.#.", "#...#"),
    "Y": ("#...#", ".#.#.", "..#..", "..#..", "..#.."),
    "Z": ("####", "...#", ".##.", "#...", "####"),
    " ": ("..", "..", "..", "..", ".."),
    ".": (".", ".", ".", ".", "#"),
    "'": ("#", "#", ".", ".", "."),
    "&": (".#..", "#.#.", ".#.#", "#.#.", ".#.#"),
    "(": (".#", "#.", "#.", "#.", ".#"),
    ")": ("#.", ".#", ".#", ".#", "#."),
    "/": ("...#", "..#.", ".#..", "#...", "#..."),
}
GLYPHS: dict[str, tuple[str, ...]] = {**DIGITS, **LETTERS}

FALLBACK_ROWS = 3
"""The band a name the font cannot draw gets: a row above and below it."""


def drawable(text: str) -> str | None:
    """``text`` as the font draws it (upper case, accents dropped), or None if
    some character has no glyph (a Chinese name, say)."""
    plain = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in plain if not unicodedata.combining(c)).upper()
    return plain if plain and all(c in GLYPHS for c in plain) else None


def pixels_wide(text: str) -> int:
    """Width in pixels of drawable ``text``, a blank pixel between glyphs."""
    return sum(len(GLYPHS[c][0]) for c in text) + max(0, len(text) - 1)


@dataclass(frozen=True)
class Size:
    """How a name is drawn: ``across`` cells per pixel, ``rows`` in all."""

    across: int
    rows: int
    mode: str
    """``blocks`` (full-block pixels), ``half`` (two pixel rows per cell row) or ``band``."""


def sizes(text: str, largest: int = 4) -> list[Size]:
    """Every way to draw ``text``, largest first: blocks at ``largest`` down to 1
    (each pixel 2n cells wide, n rows tall), then one cell a pixel (5 rows),
    then half-height (3 rows), then the band."""
    if drawable(text) is None:
        return [Size(1, FALLBACK_ROWS, "band")]
    found = [Size(2 * n, ROWS * n, "blocks") for n in range(largest, 0, -1)]
    found += [Size(1, ROWS, "blocks"), Size(1, (ROWS + 1) // 2, "half"), Size(1, 1, "band")]
    return found


def width_of(text: str, size: Size) -> int:
    """Cells ``text`` takes drawn at ``size``."""
    plain = drawable(text)
    if size.mode == "band" or plain is None:
        return cell_len(spaced(text)) + 4
    return pixels_wide(plain) * size.across


def fit(text: str, width: int, rows: int, largest: int = 4) -> Size:
    """The largest size of ``text`` within ``width`` cells and ``rows`` rows (the band
    if nothing larger fits: it is cut at the edge rather than left out)."""
    for size in sizes(text, largest):
        if size.rows <= rows and width_of(text, size) <= width:
            return size
    return Size(1, min(FALLBACK_ROWS, max(1, rows)), "band")


def spaced(text: str) -> str:
    """A name letter-spaced for the band: ``李 雷``, ``J o s é``."""
    return " ".join(text)


def render(text: str, size: Size, style: str = "") -> Text:
    """``text`` drawn at ``size`` (lines of block characters, or the band)."""
    plain = drawable(text)
    if size.mode == "band" or plain is None:
        band = f"  {spaced(text)}  "
        lines = [" " * cell_len(band)] * size.rows
        lines[size.rows // 2] = band
        return Text("\n".join(lines), style=f"bold reverse {style}".strip(), no_wrap=True)
    rows = [".".join(GLYPHS[c][row] for c in plain) for row in range(ROWS)]
    if size.mode == "half":
        rows += ["." * len(rows[0])]
        pairs = zip(rows[0::2], rows[1::2], strict=True)
        lines = [
            "".join(_HALF[(a, b)] for a, b in zip(top, low, strict=True)) for top, low in pairs
        ]
    else:
        down = size.rows // ROWS
        lines = []
        for row in rows:
            line = "".join(("█" if p == "#" else " ") * size.across for p in row)
            lines.extend([line.rstrip()] * down)
    return Text("\n".join(lines), style=style, no_wrap=True, overflow="crop")


_HALF = {("#", "#"): "█", ("#", "."): "▀", (".", "#"): "▄", (".", "."): " "}
