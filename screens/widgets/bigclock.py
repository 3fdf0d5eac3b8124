"""A countdown drawn in blocks, as large as the space allows: read from the back row."""

from __future__ import annotations

from rich.text import Text
from textual.geometry import Size
from textual.reactive import reactive
from textual.widget import Widget

# 5-row pixel font; "#" is lit. Narrow glyphs keep "+15:00" compact.
GLYPHS: dict[str, tuple[str, ...]] = {
    "0": ("###", "#.#", "#.#", "#.#", "###"),
    "1": (".#.", "##.", ".#.", ".#.", "###"),
    "2": ("###", "..#", "###", "#..", "###"),
    "3": ("###", "..#", "###", "..#", "###"),
    "4": ("#.#", "#.#", "###", "..#", "..#"),
    "5": ("###", "#..", "###", "..#", "###"),
    "6": ("###", "#..", "###", "#.#", "###"),
    "7": ("###", "..#", "..#", "..#", "..#"),
    "8": ("###", "#.#", "###", "#.#", "###"),
    "9": ("###", "#.#", "###", "..#", "###"),
    ":": (".", "#", ".", "#", "."),
    "+": ("...", ".#.", "###", ".#.", "..."),
    "-": ("...", "...", "###", "...", "..."),
}
ROWS = 5
WIDEST = "+00:00"
MAX_SCALE = 4


def pixel_width(value: str) -> int:
    """Width in pixels, one blank pixel between glyphs."""
    glyphs = [GLYPHS[c] for c in value if c in GLYPHS]
    return sum(len(g[0]) for g in glyphs) + max(0, len(glyphs) - 1)


def render_blocks(value: str, scale: int, down: int | None = None) -> Text:
    """``value`` in blocks; each pixel is ``2 * scale`` cells wide and ``down`` rows tall.

    ``down`` defaults to ``scale`` (square pixels); the follow view stretches
    the digits taller into the rows it has free.
    """
    glyphs = [GLYPHS[c] for c in value if c in GLYPHS]
    lines: list[str] = []
    for row in range(ROWS):
        pixels = ".".join(g[row] for g in glyphs)
        line = "".join(("██" if p == "#" else "  ") * scale for p in pixels)
        lines.extend([line.rstrip()] * (scale if down is None else down))
    return Text("\n".join(lines), no_wrap=True, overflow="crop")


class BigClock(Widget):
    """The countdown at the largest scale that fits its width (1 to 4) and, when
    the screen shares the rows out (``max_rows``), its height."""

    value: reactive[str] = reactive("--:--", layout=True)
    max_rows: reactive[int] = reactive(0, layout=True)

    def scale(self, width: int) -> int:
        # Sized for the widest value ("+00:00"), so the clock keeps its size at overrun.
        pixels = max(pixel_width(WIDEST), pixel_width(self.value))
        return max(1, min(MAX_SCALE, width // (2 * pixels)))

    def down(self, width: int, max_rows: int | None = None) -> int:
        """Rows per pixel: the scale, or as many as ``max_rows`` allows (at most twice
        the scale, so the digits stand tall but never turn into bars)."""
        across = self.scale(width)
        rows = self.max_rows if max_rows is None else max_rows
        if not rows:
            return across
        return max(1, min(2 * across, rows // ROWS))

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return ROWS * self.down(width)

    def render(self) -> Text:
        width = self.content_size.width
        return render_blocks(self.value, self.scale(width), self.down(width))

    def update(self, value: str) -> None:
        self.value = value
