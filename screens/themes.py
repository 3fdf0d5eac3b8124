"""Themes: a high-contrast one for projectors, whose washed-out colours eat subtle shades."""

from __future__ import annotations

from textual.theme import Theme

PROJECTOR = Theme(
    name="projector",
    primary="#FFFFFF",
    secondary="#FFD700",
    accent="#FFD700",
    warning="#FFB000",
    error="#FF3030",
    success="#30FF30",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#1A1A1A",
    dark=True,
    variables={
        "footer-key-foreground": "#FFD700",
        "block-cursor-background": "#FFD700",
        "block-cursor-foreground": "#000000",
        "input-selection-background": "#FFD700 40%",
    },
)
"""White on black with saturated signal colours: legible from the back of the room."""

DEFAULT_THEME = "textual-dark"
