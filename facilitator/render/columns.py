"""Plain text columns, aligned by display width: long lists on a terminal.

Rich lays a table out beautifully, and takes seconds over 40,000 rows; a
follow-up list that long is read a screen at a time (or piped to ``less``),
so its lines are made here, fast: ASCII cells are measured by ``len``, and
only other text (Chinese is two columns a character) character by character.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from itertools import zip_longest

GAP = "  "


@lru_cache(maxsize=65536)
def _wide_width(text: str) -> int:
    return sum(
        0
        if unicodedata.combining(char)
        else 2
        if unicodedata.east_asian_width(char) in ("W", "F")
        else 1
        for char in text
    )


def display_width(text: str) -> int:
    """Columns ``text`` takes on a terminal (``李雷`` is 4)."""
    return len(text) if text.isascii() else _wide_width(text)


def _padded(cells: Sequence[str], width: int, right: bool) -> list[str]:
    """``cells`` padded to ``width`` display columns (a longer cell is left as it is)."""
    # Wide characters take two columns but count one in ljust: pad by the difference.
    extra = [0 if cell.isascii() else _wide_width(cell) - len(cell) for cell in cells]
    if right:
        return [cell.rjust(width - more) for cell, more in zip(cells, extra, strict=True)]
    return [cell.ljust(width - more) for cell, more in zip(cells, extra, strict=True)]


def aligned_columns(
    header: Sequence[str],
    columns: Sequence[Sequence[str]],
    right: frozenset[int] = frozenset(),
    max_width: int = 48,
) -> list[str]:
    """The header, a rule, then one line per row of ``columns`` (each a list of
    cells, all of the same length), padded to the widest cell of each column.

    Columns in ``right`` are right-aligned (numbers). A column is padded to at
    most ``max_width``: a longer cell is shown whole and pushes the rest of
    its line on, so nothing is ever cut. The last column is never padded.

    Made column by column, for long lists: a column of ASCII text is padded
    by the format (``%-12s``, in C); any other is measured and padded once
    per distinct cell (a list repeats its owners, statuses and dates).
    """
    last = len(header) - 1
    specs: list[str] = []
    values: list[Sequence[str]] = []
    widths: list[int] = []
    for index, (name, cells) in enumerate(zip(header[:last], columns[:last], strict=True)):
        if "".join(cells).isascii():
            width = min(max(display_width(name), max(map(len, cells), default=0)), max_width)
            specs.append(f"%{'' if index in right else '-'}{width}s")
            values.append(cells)
        else:
            distinct = list(set(cells))
            width = min(max(display_width(name), *map(display_width, distinct)), max_width)
            padded = dict(zip(distinct, _padded(distinct, width, index in right), strict=True))
            specs.append("%s")
            values.append(list(map(padded.__getitem__, cells)))
        widths.append(width)
    specs.append("%s")
    values.append(columns[last])
    line = GAP.join(specs).__mod__
    head = GAP.join(
        [
            *(
                _padded([name], width, i in right)[0]
                for i, (name, width) in enumerate(zip(header[:last], widths, strict=True))
            ),
            header[last],
        ]
    )
    rule = GAP.join(["-" * width for width in widths] + ["-" * display_width(header[last])])
    return [head.rstrip(), rule, *map(line, zip(*values, strict=True))]


MIN_FOLDED = 10
"""Columns a folded cell (a task's title, a meeting) keeps at the least."""


def folded_columns(
    header: Sequence[str],
    columns: Sequence[Sequence[str]],
    width: int,
    fold: frozenset[int],
    right: frozenset[int] = frozenset(),
) -> list[str]:
    """As :func:`aligned_columns`, for a terminal ``width`` columns wide: where the
    lines would run past its edge (where the terminal would break them anywhere),
    the columns in ``fold`` (free text) are narrowed and their cells folded onto
    further lines, words whole where they fit; the other cells stay on a row's
    first line. A row is then read down its own block, never across another's.
    """
    count = len(header)
    natural = [
        max(display_width(name), *map(display_width, set(cells)), 0)
        for name, cells in zip(header, columns, strict=True)
    ]
    words = {i: max(map(longest_word, set(columns[i])), default=0) for i in fold if i < count}
    heads = [display_width(name) for name in header]
    widths = _fitted(natural, width - len(GAP) * (count - 1), fold, words, heads)
    head = [
        _padded([name], w, i in right)[0]
        for i, (name, w) in enumerate(zip(header, widths, strict=True))
    ]
    rule = ["-" * w for w in widths[:-1]] + ["-" * display_width(header[-1])]
    lines = [GAP.join(head).rstrip(), GAP.join(rule)]
    # Each distinct cell is folded and padded once: a list repeats its owners,
    # statuses and dates, and a long one on a terminal should not wait on this.
    blocks: list[list[list[str]]] = []
    for index, (cells, w) in enumerate(zip(columns, widths, strict=True)):
        aligned = index in right
        if index in fold:
            shaped = {cell: _padded(fold_text(cell, w), w, aligned) for cell in set(cells)}
        else:
            shaped = {cell: _padded([cell], w, aligned) for cell in set(cells)}
        blocks.append(list(map(shaped.__getitem__, cells)))
    blanks = [" " * w for w in widths]
    for parts in zip(*blocks, strict=True):
        if max(map(len, parts)) == 1:
            lines.append(GAP.join([part[0] for part in parts]).rstrip())
            continue
        for level in zip_longest(*parts):
            cells = [
                blank if cell is None else cell for cell, blank in zip(level, blanks, strict=True)
            ]
            lines.append(GAP.join(cells).rstrip())
    return lines


def _fitted(
    natural: Sequence[int],
    room: int,
    fold: frozenset[int],
    words: dict[int, int],
    heads: Sequence[int],
) -> list[int]:
    """Column widths within ``room``: the columns not in ``fold`` as wide as their
    widest cell; the rest share what is left.

    Each folding column keeps :data:`MIN_FOLDED` at the least, or on a terminal
    too narrow for that an equal share, never less than its heading (``heads``).
    Then, column by column, the cheapest first, it keeps its longest word whole
    (``words``) while that still fits; what remains goes to those that need more,
    the least needy first (one that needs less than its share gives the
    difference to the others)."""
    widths = list(natural)
    left = room - sum(w for i, w in enumerate(natural) if i not in fold)
    folding = [i for i in fold if i < len(natural)]
    floors = {i: min(natural[i], MIN_FOLDED) for i in folding}
    if sum(floors.values()) > left:
        share = max(left, 0) // max(len(folding), 1)
        floors = {i: min(natural[i], max(heads[i], share)) for i in folding}
    for index in sorted(folding, key=lambda i: words.get(i, 0) - floors[i]):
        whole = min(natural[index], max(floors[index], words.get(index, 0)))
        if sum(floors.values()) - floors[index] + whole <= left:
            floors[index] = whole
    left -= sum(floors.values())
    needy = sorted(folding, key=lambda i: natural[i] - floors[i])
    for done, index in enumerate(needy):
        more = min(natural[index] - floors[index], max(left, 0) // (len(needy) - done))
        widths[index] = floors[index] + more
        left -= more
    return widths


def longest_word(text: str) -> int:
    """Columns the widest word of ``text`` takes (a Chinese character is a word)."""
    if text.isascii():
        return max(map(len, text.split()), default=0)
    return max((display_width(token.strip()) for token in _tokens(text)), default=0)


def fold_text(text: str, width: int) -> list[str]:
    """``text`` on lines of at most ``width`` columns: broken between words, or
    between two Chinese characters; a word longer than a line is broken inside."""
    if display_width(text) <= width:
        return [text]
    if text.isascii():  # most titles: words by split, not character by character
        return _fold_words(text.split(), width)
    lines: list[str] = []
    line = ""
    for token in _tokens(text):
        if display_width(line + token) <= width:
            line += token
            continue
        if line.strip():
            lines.append(line.rstrip())
        line = token.lstrip()
        while display_width(line) > width:  # a word wider than the line
            cut = _cut(line, width)
            lines.append(line[:cut])
            line = line[cut:]
    if line.strip():
        lines.append(line.rstrip())
    return lines or [""]


def _fold_words(words: list[str], width: int) -> list[str]:
    lines: list[str] = []
    line = ""
    for word in words:
        if not line:
            line = word
        elif len(line) + 1 + len(word) <= width:
            line += " " + word
            continue
        else:
            lines.append(line)
            line = word
        while len(line) > width:  # a word wider than the line
            lines.append(line[:width])
            line = line[width:]
    if line:
        lines.append(line)
    return lines or [""]


def _tokens(text: str) -> list[str]:
    """The pieces a line may break between: each word, or each wide character,
    with the blanks before it."""
    tokens: list[str] = []
    blanks = ""
    for char in text:
        if char.isspace():
            blanks += char
        elif blanks or not tokens or _is_wide(char) or _is_wide(tokens[-1][-1]):
            tokens.append(blanks + char)
            blanks = ""
        else:
            tokens[-1] += char
    return tokens


def _is_wide(char: str) -> bool:
    return not char.isascii() and _wide_width(char) == 2


def _cut(text: str, width: int) -> int:
    """How many of ``text``'s characters fill ``width`` columns (one at the least)."""
    used = 0
    for index, char in enumerate(text):
        used += display_width(char)
        if used > width:
            return max(index, 1)
    return len(text)


def fits_after(used: int, part: str, width: int, separator: str) -> bool:
    """Whether ``part`` still fits on a line of ``width`` columns, after ``separator``,
    once ``used`` columns are taken (a width of 0, not laid out yet: it does)."""
    return not width or used + display_width(separator) + display_width(part) <= width


def break_between(parts: Sequence[str], width: int, separator: str = " · ", used: int = 0) -> str:
    """``parts`` joined by ``separator``, with a line break between two parts instead
    wherever the next one would run past ``width`` columns, so a hint such as
    ``F2 first topic`` never ends on one line and goes on at the next.

    ``used``: columns already taken on the first line (a label before the parts).
    A part wider than the line is left whole (the screen folds it). A ``width``
    of 0 (not laid out yet) joins them all on one line.
    """
    before = joints(parts, width, separator, used)
    return "".join(joint + part for joint, part in zip(before, parts, strict=True))


def joints(parts: Sequence[str], width: int, separator: str, used: int = 0) -> list[str]:
    """What goes before each of ``parts`` laid out as :func:`break_between` lays them:
    nothing before the first, then ``separator``, or a line break where the part
    would not fit after it. For a caller that styles each part itself."""
    before: list[str] = []
    for index, part in enumerate(parts):
        if not index:
            before.append("")
            used += display_width(part)
        elif fits_after(used, part, width, separator):
            before.append(separator)
            used += display_width(separator + part)
        else:
            before.append("\n")
            used = display_width(part)
    return before
