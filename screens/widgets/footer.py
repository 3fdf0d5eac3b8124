"""The footer: as many keys as fit, whole, the most useful first.

Textual's Footer lays every key out in one row and lets the row run off the
edge: at 80 columns labels were cut mid-word, the Ctrl+P key (docked on the
right over the row) hid part of another, and its margin let one letter of
the hidden row show at the very edge. This footer measures each key and
leaves out whole keys, least important first; F1 (help, which lists every
key) and Ctrl+P (the palette, which finds every action) always show. On a
tall screen, a second row takes the keys the first cannot.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import ActiveBinding
from textual.containers import HorizontalGroup
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

TALL_ROWS = 36
"""From this many rows (a projector) the footer may take a second row."""

ALWAYS = ("help",)
"""Binding ids shown whatever the width (Ctrl+P is shown apart, on the right)."""


@dataclass(frozen=True)
class Key:
    """One key as the footer would show it."""

    id: str
    key: str
    label: str

    @property
    def width(self) -> int:
        """Cells taken: key, space, label, and the space before the next key."""
        return cell_len(self.key) + 1 + cell_len(self.label) + 1


def fit_keys(
    keys: Sequence[Key], width: int, rows: int = 1, priority: Sequence[str] = ()
) -> list[list[Key]]:
    """The keys that fit in ``rows`` rows of ``width`` cells, in their own order.

    Keys are taken by importance: those in :data:`ALWAYS`, then ``priority``
    (binding ids, most important first), then the rest in order. A key that
    does not fit is left out whole; a shorter, less important one may still fit.
    """
    rank = {key_id: index for index, key_id in enumerate((*ALWAYS, *priority))}
    by_importance = sorted(keys, key=lambda k: (rank.get(k.id, len(rank)), keys.index(k)))
    chosen: list[Key] = []
    for key in by_importance:
        trial = sorted([*chosen, key], key=keys.index)
        if len(_rows(trial, width)) <= rows:
            chosen = trial
    return _rows(chosen, width)


def _rows(keys: Sequence[Key], width: int) -> list[list[Key]]:
    """Fill rows left to right in the keys' order."""
    rows: list[list[Key]] = [[]]
    used = 0
    for key in keys:
        if rows[-1] and used + key.width > width:
            rows.append([])
            used = 0
        if key.width > width:
            return [*rows, [], []]  # never fits: counts as too many rows
        rows[-1].append(key)
        used += key.width
    return rows if rows[0] else []


class KeyFooter(Footer):
    """A footer whose keys never run off the edge (see the module's docstring).

    A screen may name its most useful keys, by binding id, with a
    ``footer_priority()`` method; the focused widget's own keys come first.
    """

    DEFAULT_CSS = """
    KeyFooter {
        height: auto;
        layout: vertical;
    }
    KeyFooter .footer-row {
        width: 1fr;
        height: 1;
    }
    KeyFooter.-compact FooterKey.-command-palette {
        margin-right: 0;
    }
    """

    def __init__(self) -> None:
        super().__init__(compact=True)
        self._laid_out_for: tuple[int, int] | None = None

    def on_mount(self) -> None:
        super().on_mount()
        # The screen's height decides the second row, not only the footer's width.
        self.screen.screen_layout_refresh_signal.subscribe(self, self._screen_resized)

    def _screen_resized(self, _screen: object = None) -> None:
        if self._bindings_ready and self._laid_out_for != tuple(self.screen.size):
            self._laid_out_for = tuple(self.screen.size)
            self.call_after_refresh(self.recompose)

    def refresh_keys(self) -> None:
        """Lay the keys out again (the screen's priorities changed)."""
        if self._bindings_ready:
            self.call_after_refresh(self.recompose)

    def compose(self) -> ComposeResult:
        if not self._bindings_ready:
            return
        screen, app = self.screen, self.app
        width, height = screen.size
        self._laid_out_for = (width, height)
        active_bindings = screen.active_bindings
        palette = active_bindings.get(app.COMMAND_PALETTE_BINDING)
        if not (self.show_command_palette and app.ENABLE_COMMAND_PALETTE):
            palette = None
        by_id: dict[str, ActiveBinding] = {}
        keys: list[Key] = []
        focused: list[str] = []
        for active in active_bindings.values():
            binding = active.binding
            key_id = binding.id or binding.action
            if not binding.show or active is palette or key_id in by_id:
                continue
            by_id[key_id] = active
            keys.append(Key(key_id, app.get_key_display(binding), binding.description))
            if active.node is not screen and active.node is not app:
                focused.append(key_id)  # the focused widget's own keys: what to do here
        room = width
        if palette is not None:
            # its left border, key, space and label; no margin (which let a letter show)
            room -= 2 + cell_len(app.get_key_display(palette.binding))
            room -= cell_len(palette.binding.description)
        priority = [*focused, *getattr(screen, "footer_priority", tuple)()]
        rows = fit_keys(keys, room, 2 if height >= TALL_ROWS else 1, priority)
        for row in rows or [[]]:
            with HorizontalGroup(classes="footer-row"):
                for key in row:
                    active = by_id[key.id]
                    yield FooterKey(
                        active.binding.key,
                        key.key,
                        key.label,
                        active.binding.action,
                        disabled=not active.enabled,
                        tooltip=active.tooltip,
                    )
        if palette is not None:
            yield FooterKey(
                palette.binding.key,
                app.get_key_display(palette.binding),
                palette.binding.description,
                palette.binding.action,
                classes="-command-palette",
                disabled=not palette.enabled,
                tooltip=palette.binding.tooltip or palette.binding.description,
            )
