"""Helpers to drive the room as a person at the keyboard would."""

from __future__ import annotations

from textual.pilot import Pilot

_KEYS = {" ": "space"}


async def type_text(pilot: Pilot, text: str) -> None:
    """Type ``text`` key by key into the focused widget."""
    for char in text:
        await pilot.press(_KEYS.get(char, char))


async def enter_line(pilot: Pilot, text: str) -> None:
    """Type a line into the room and press Enter."""
    await type_text(pilot, text)
    await pilot.press("enter")
    await pilot.pause()


async def after_refusal(pilot: Pilot) -> None:
    """Wait until a refused line is back in the input (it returns once typing stops)."""
    from screens.widgets.capture import QUIET_SECONDS

    await pilot.pause(QUIET_SECONDS + 0.2)
