"""The recorder's recent lines, walked with ↑ and ↓ as in a shell.

Plain Python, apart from the input widget: what ↑ brings back is a rule the
recorder relies on (a refused line first, then the lines sent, newest first,
then back to the draft), and it is tested here without a screen.
"""

from __future__ import annotations

HISTORY = 50
"""Lines kept for ↑ (the recorder's own recent lines, refused ones included)."""


class LineHistory:
    """Lines sent and refused lines waiting to be fixed, with the walk through them."""

    def __init__(self, size: int = HISTORY) -> None:
        self.size = size
        self.lines: list[str] = []
        self.kept: list[str] = []
        """Refused lines waiting under ↑, not yet brought back (the room keeps saying so)."""
        self._at: int | None = None
        self._draft = ""

    def remember(self, text: str) -> None:
        """A line sent (or refused): the newest under ↑, not twice in a row."""
        if not (self.lines and self.lines[-1] == text):
            self.lines.append(text)
            del self.lines[: -self.size]

    def keep(self, text: str) -> None:
        """A refused line that could not go back into the input waits first under ↑."""
        self.remember(text)
        self.kept.append(text)

    def forget_kept(self) -> None:
        """The recorder lets the refused lines go: they stay among the lines sent."""
        self.kept.clear()

    def restart(self) -> None:
        """A line was sent: the next ↑ starts from the newest again."""
        self._at = None

    def recall(self, step: int, value: str) -> str | None:
        """The line ↑ (``step`` -1) or ↓ (+1) brings, given what the input holds now.

        A refused line still kept comes first; past the newest line, ↓ brings
        back what was being typed before ↑. ``None``: nothing to bring.
        """
        if step < 0 and self._at is None and self.kept:
            text = self.kept.pop()
            self._draft = value
            self._at = len(self.lines) - 1 - self.lines[::-1].index(text)
            return text
        if not self.lines:
            return None
        if self._at is None:
            if step > 0:
                return None
            self._draft = value
            index = len(self.lines) - 1
        else:
            index = max(self._at + step, 0)
        if index >= len(self.lines):
            self._at = None
            return self._draft
        self._at = index
        text = self.lines[index]
        if text in self.kept:
            self.kept.remove(text)
        return text
