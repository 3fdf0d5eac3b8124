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
    text = ""
    for index, part in enumerate(parts):
        if not index:
            text, used = part, used + display_width(part)
        elif fits_after(used, part, width, separator):
            text += separator + part
            used += display_width(separator + part)
        else:
            text += "\n" + part
            used = display_width(part)
    return text
