"""A widget flashes: the clock at a time threshold, read from across the room."""

from __future__ import annotations

from textual.widget import Widget

FLASHES = 3
"""On and off this many times: seen, then out of the way."""
FLASH_SECONDS = 0.4


def flash(widget: Widget, times: int = FLASHES, seconds: float = FLASH_SECONDS) -> None:
    """Toggle the ``-flash`` class of ``widget`` on and off ``times`` times (its
    stylesheet says what a flash looks like)."""
    steps = [True, False] * times

    def step() -> None:
        if steps:
            widget.set_class(steps.pop(0), "-flash")

    step()
    widget.set_interval(seconds, step, repeat=len(steps))
