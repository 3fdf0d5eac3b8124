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
from textual.screen import Screen
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
    binding_key: str = ""
    action: str = ""
    enabled: bool = True
    tooltip: str = ""

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
    It may name keys to leave out for now with ``footer_hidden()`` (they
    still work, and say why they do nothing yet).
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
        # Laid out in the first frame (Textual's footer waits for a first
        # bindings update, drawing the keys a moment after the screen).
        self._bindings_ready = True
        self._laid_out_for: tuple[int, ...] | None = None
        self._shown: tuple[object, ...] | None = None
        self._pending = False

    def on_mount(self) -> None:
        super().on_mount()
        # The screen's height decides the second row, not only the footer's width.
        self.screen.screen_layout_refresh_signal.subscribe(self, self._screen_resized)

    def _screen_resized(self, _screen: object = None) -> None:
        if self._bindings_ready and self._laid_out_for != tuple(self.screen.size):
            self._laid_out_for = tuple(self.screen.size)
            self._relayout()

    def refresh_keys(self) -> None:
        """Lay the keys out again (the screen's priorities changed)."""
        if self._bindings_ready:
            self._relayout()

    def bindings_changed(self, screen: Screen) -> None:
        """Textual calls this on every focus change and action: lay out once, later."""
        self._bindings_ready = True
        if self.is_attached and screen is self.screen:
            self._relayout()

    def _relayout(self) -> None:
        # One pending layout at a time, and none when the keys shown would not
        # change: mounting thirty keys took 15-40 ms, and a burst of binding
        # updates (the first key gives the app focus) queued six of them just
        # as the first line was typed.
        if not self._pending:
            self._pending = True
            self.call_after_refresh(self._recompose_if_changed)

    async def _recompose_if_changed(self) -> None:
        self._pending = False
        if self.is_attached and self._signature() != self._shown:
            await self.recompose()

    def _signature(self) -> tuple[object, ...]:
        """What the footer would show now: a layout is redone only when this changes."""
        rows, palette = self._layout()
        return (
            tuple(tuple((k.id, k.key, k.label, k.enabled) for k in row) for row in rows),
            None if palette is None else (palette.binding.key, palette.enabled),
        )

    def _layout(self) -> tuple[list[list[Key]], ActiveBinding | None]:
        """The rows of keys that fit, and the palette's binding shown apart on the right."""
        screen, app = self.screen, self.app
        width, height = screen.size
        active_bindings = screen.active_bindings
        palette = active_bindings.get(app.COMMAND_PALETTE_BINDING)
        if not (self.show_command_palette and app.ENABLE_COMMAND_PALETTE):
            palette = None
        seen: set[str] = set(getattr(screen, "footer_hidden", tuple)())
        keys: list[Key] = []
        focused: list[str] = []
        for active in active_bindings.values():
            binding = active.binding
            key_id = binding.id or binding.action
            if not binding.show or active is palette or key_id in seen:
                continue
            seen.add(key_id)
            keys.append(
                Key(
                    key_id,
                    app.get_key_display(binding),
                    binding.description,
                    binding.key,
                    binding.action,
                    active.enabled,
                    active.tooltip,
                )
            )
            if active.node is not screen and active.node is not app:
                focused.append(key_id)  # the focused widget's own keys: what to do here
        room = width
        if palette is not None:
            # its left border, key, space and label; no margin (which let a letter show)
            room -= 2 + cell_len(app.get_key_display(palette.binding))
            room -= cell_len(palette.binding.description)
        priority = [*focused, *getattr(screen, "footer_priority", tuple)()]
        return fit_keys(keys, room, 2 if height >= TALL_ROWS else 1, priority), palette

    def compose(self) -> ComposeResult:
        if not self._bindings_ready:
            return
        self._laid_out_for = tuple(self.screen.size)
        self._shown = self._signature()
        rows, palette = self._layout()
        app = self.app
        for row in rows or [[]]:
            with HorizontalGroup(classes="footer-row"):
                for key in row:
                    yield FooterKey(
                        key.binding_key,
                        key.key,
                        key.label,
                        key.action,
                        disabled=not key.enabled,
                        tooltip=key.tooltip,
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
