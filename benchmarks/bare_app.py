"""The baseline for first paint and memory: a Textual app showing one word."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Static

WORD = "benchmark-ready"


class Bare(App[None]):
    def compose(self) -> ComposeResult:
        yield Static(WORD)


if __name__ == "__main__":
    Bare().run()
