"""Input read safely: a bracketed paste whole, and bytes that are not UTF-8 survived.

Terminals send a paste as ``ESC[200~ text ESC[201~``. Textual's parser
(8.x) treats an escape sequence *inside* the text as keys: pasting
``colour ESC[31mred`` typed ``^[31mred`` as keystrokes ahead of the rest,
which arrived later as the paste, out of order (and a newline among those
keys was an Enter). This parser cuts the paste out of the input before
Textual's parser sees it and hands it on as one ``Paste`` event, in order,
with every byte of it literal; everything else goes to Textual's parser
unchanged.
"""

from __future__ import annotations

import codecs
import sys
import time
from collections.abc import Callable, Iterable

from textual import events
from textual._xterm_parser import XTermParser  # no public parser API to extend
from textual.driver import Driver
from textual.message import Message

START = "\x1b[200~"
END = "\x1b[201~"
HOLD_SECONDS = 0.05
"""How long the start of a marker split across two reads waits for the rest."""


def _partial_tail(text: str, marker: str, least: int = 1) -> int:
    """How many characters (``least`` or more) at the end of ``text`` could begin ``marker``."""
    for size in range(min(len(marker) - 1, len(text)), least - 1, -1):
        if marker.startswith(text[-size:]):
            return size
    return 0


class PasteParser(XTermParser):
    """Textual's XTerm parser, with bracketed pastes taken out whole first."""

    def __init__(self, debug: bool = False) -> None:
        super().__init__(debug)
        self._pasting: list[str] | None = None
        self._held = ""
        self._held_since = 0.0

    def feed(self, data: str) -> Iterable[Message]:
        if not data:
            held, self._held = self._held, ""
            if held:
                yield from self._pass_on(held)
            yield from super().feed(data)
            return
        text, self._held = self._held + data, ""
        while text:
            if self._pasting is not None:
                end = text.find(END)
                if end == -1:
                    keep = _partial_tail(text, END)
                    self._pasting.append(text[: len(text) - keep])
                    self._hold(text[len(text) - keep :])
                    return
                self._pasting.append(text[:end])
                pasted, self._pasting = "".join(self._pasting), None
                yield events.Paste(pasted.replace("\x00", ""))
                text = text[end + len(END) :]
                continue
            start = text.find(START)
            if start == -1:
                # A lone ESC is the Escape key far more often than half a marker:
                # it goes on at once (Textual waits for its own timeout anyway).
                keep = _partial_tail(text, START, least=2)
                yield from self._pass_on(text[: len(text) - keep])
                self._hold(text[len(text) - keep :])
                return
            yield from self._pass_on(text[:start])
            self._pasting = []
            text = text[start + len(START) :]

    def tick(self) -> Iterable[Message]:
        # A lone ESC (the Escape key) looks like the start of a marker: pass it on
        # once it is clear no more is coming, as Textual does with its own timeout.
        if self._held and time.monotonic() - self._held_since >= HOLD_SECONDS:
            held, self._held = self._held, ""
            if self._pasting is not None:
                self._pasting.append(held)
            else:
                yield from self._pass_on(held)
        yield from super().tick()

    def _hold(self, text: str) -> None:
        if text:
            self._held = text
            self._held_since = time.monotonic()

    def _pass_on(self, text: str) -> Iterable[Message]:
        if text:
            yield from super().feed(text)


def _lenient_decoder(encoding: str) -> Callable[[], codecs.IncrementalDecoder]:
    """The drivers' incremental decoder, replacing bytes that are not UTF-8 (a GBK
    or Latin-1 terminal) with U+FFFD instead of dying on them mid-meeting."""
    decoder = codecs.getincrementaldecoder(encoding)
    return lambda: decoder(errors="replace")


def install_paste_parser(driver_class: type[Driver]) -> None:
    """Make ``driver_class`` (Textual's terminal or web driver) read input with
    :class:`PasteParser`.

    The drivers build their parser from the ``XTermParser`` name in their own
    module, with no hook to choose another: the name is pointed at ours.
    """
    module = sys.modules.get(driver_class.__module__)
    if module is not None and getattr(module, "XTermParser", None) is XTermParser:
        module.XTermParser = PasteParser  # type: ignore[attr-defined]
    # The same module reads bytes with a strict UTF-8 decoder: a byte from a
    # misconfigured terminal raised UnicodeDecodeError and ended the room.
    if module is not None and getattr(module, "getincrementaldecoder", None) is (
        codecs.getincrementaldecoder
    ):
        module.getincrementaldecoder = _lenient_decoder  # type: ignore[attr-defined]
