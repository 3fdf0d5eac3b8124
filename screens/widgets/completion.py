"""The list of @names and /commands that opens above the input line.

It never takes a key by itself: the input line decides what each key does
(see :class:`screens.widgets.capture.CaptureLine`), so Enter always means
the same thing whether or not the list is open. Nothing is highlighted until
the user moves into the list with ↓ or ↑.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.content import Content
from textual.geometry import Offset, Region, Spacing
from textual.widget import Widget
from textual.widgets import OptionList

from facilitator.line.completion import Offer

MAX_ROWS = 12
"""Lines the list shows at once (its stylesheet allows them and the border)."""


class CompletionMenu(Widget):
    """Shows an :class:`Offer`; the line moves through it and takes the pick."""

    DEFAULT_CSS = """
    CompletionMenu {
        overlay: screen;
        display: none;
        width: auto;
        height: auto;
        max-height: 14;
    }
    CompletionMenu OptionList {
        width: auto;
        height: auto;
        max-height: 14;
        text-wrap: nowrap;
    }
    """

    def __init__(self, above: str | None = None, id: str | None = None) -> None:
        """``above``: a selector of the widget the list must end above (the room
        keeps its status and preview lines readable under an open list)."""
        super().__init__(id=id)
        self.above = above
        self.choices: tuple[str, ...] = ()
        self.widths: list[int] = []
        """Cells of each line of the list (a choice, and what it does)."""
        self.navigated = False
        """The user moved into the list: Enter then takes the highlighted choice."""

    def compose(self) -> ComposeResult:
        options = OptionList()
        options.can_focus = False
        yield options

    @property
    def option_list(self) -> OptionList:
        return self.query_one(OptionList)

    def show_offer(self, offer: Offer | None, typed: str, anchor: Offset) -> None:
        """Show what ``offer`` proposes for the word ``typed``; hide when there is
        nothing to choose (no offer, or only the word as it is already typed).

        ``anchor``: the screen cell where the word starts in the line.
        """
        choices = offer.choices if offer else ()
        if not choices or choices == (typed,):
            self.hide()
            return
        if choices != self.choices or not self.display:
            self.choices = choices
            self.navigated = False
            options = self.option_list
            options.clear_options()
            options.add_options(self._lines(choices, offer.notes if offer else ()))
            options.highlighted = None
        self.display = True
        self._place(anchor)

    def _lines(self, choices: tuple[str, ...], notes: tuple[str, ...]) -> list[Content]:
        """Each choice, and what it does beside it when the offer says (commands)."""
        if not notes:
            self.widths = [cell_len(choice) for choice in choices]
            return [Content(choice) for choice in choices]
        column = max(cell_len(choice) for choice in choices) + 2
        lines = [
            Content.assemble(choice, " " * (column - cell_len(choice)), (note, "dim"))
            for choice, note in zip(choices, notes, strict=True)
        ]
        self.widths = [line.cell_length for line in lines]
        return lines

    def hide(self) -> None:
        self.display = False
        self.navigated = False
        self.choices = ()

    def move(self, step: int) -> None:
        """Move the highlight (↓ +1, ↑ -1), wrapping; the first move lands on an end."""
        options = self.option_list
        count = options.option_count
        if not count:
            return
        current = options.highlighted
        if current is None or not self.navigated:
            options.highlighted = 0 if step > 0 else count - 1
        else:
            options.highlighted = (current + step) % count
        self.navigated = True

    def picked(self) -> str | None:
        """The choice the user moved to, or None if they never moved into the list."""
        highlighted = self.option_list.highlighted
        if not self.display or not self.navigated or highlighted is None:
            return None
        return self.choices[highlighted]

    def _place(self, anchor: Offset) -> None:
        # The line sits at the bottom of the room: open the list upwards, over the
        # entries, and end it above the status and preview lines so they stay readable.
        width = max(self.widths or [cell_len(choice) for choice in self.choices]) + 4
        # Every command may be listed: past the list's height it scrolls (↓ ↑).
        height = min(len(self.choices), MAX_ROWS) + 2
        bottom = anchor.y
        if self.above is not None:
            bottom = min(bottom, self.screen.query_one(self.above).region.y)
        # Names in the list start where the word starts; the border and the
        # padding (two cells) stand to their left.
        x, y, _width, _height = Region(anchor.x - 2, bottom - height, width, height).constrain(
            "inside", "none", Spacing.all(0), self.screen.scrollable_content_region
        )
        self.absolute_offset = Offset(x, y)
