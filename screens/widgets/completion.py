"""A dropdown under the input line: @names (letters or pinyin) and /commands."""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from textual import events
from textual.geometry import Offset, Region, Spacing
from textual.widgets import Input
from textual_autocomplete import AutoComplete, DropdownItem, TargetState

from facilitator.line import COMMANDS, names_to_offer
from facilitator.names import complete

MAX_ITEMS = 8


def word_before_cursor(state: TargetState) -> str:
    """The ``/command`` or ``@name`` being typed at the cursor, or "" if none."""
    before = state.text[: state.cursor_position]
    if before.startswith("/") and " " not in before:
        return before
    at = before.rfind("@")
    if at == -1 or any(c.isspace() for c in before[at:]):
        return ""
    return before[at:]


class LineCompletion(AutoComplete):
    """Offers the people and commands that fit what is typed at the cursor.

    The dropdown stays hidden once the word is complete (it matches a name or
    command exactly), so Enter then records the line as it always did.
    """

    def __init__(
        self,
        target: Input,
        people: Sequence[str],
        departments: Sequence[str] = (),
        above: str | None = None,
    ) -> None:
        """``above``: a selector of the widget the list must end above (the room
        keeps its status and preview lines readable under an open list)."""
        super().__init__(target, id="completion")
        self.people = list(people)
        self.departments = list(departments)
        self.above = above

    def _listen_to_messages(self, event: events.Event) -> None:
        # Typed fast (or pasted), Enter can arrive before the Changed of the last
        # letter: decide on the line as it is now, so a finished "@Marta" + Enter
        # records the line instead of being taken as picking from a stale list.
        if isinstance(event, events.Key) and event.key in ("enter", "tab"):
            before, highlighted = self._offered(), self.option_list.highlighted
            self._handle_target_update()
            if highlighted is not None and self._offered() == before:
                self.option_list.highlighted = highlighted  # keep the one picked with ↓
        super()._listen_to_messages(event)

    def _offered(self) -> list[str]:
        options = self.option_list
        return [options.get_option_at_index(i).value for i in range(options.option_count)]

    def get_search_string(self, target_state: TargetState) -> str:
        return word_before_cursor(target_state)

    def get_candidates(self, target_state: TargetState) -> list[DropdownItem]:
        word = word_before_cursor(target_state)
        if word.startswith("/"):
            typed = word[1:].casefold()
            found = [c for c in COMMANDS if c.casefold().startswith(typed)]
            return [DropdownItem("/" + c) for c in found[:MAX_ITEMS]]
        if word.startswith("@") and len(word) > 1:
            names = names_to_offer(target_state.text, self.people, self.departments)
            return [DropdownItem("@" + n) for n in complete(word[1:], names)[:MAX_ITEMS]]
        return []

    def get_matches(
        self, target_state: TargetState, candidates: list[DropdownItem], search_string: str
    ) -> list[DropdownItem]:
        # Candidates are already matched (pinyin too); fuzzy matching would drop 李雷 for "@li".
        return candidates

    def should_show_dropdown(self, search_string: str) -> bool:
        options = self._offered()
        return bool(search_string) and bool(options) and search_string not in options

    def _align_to_target(self) -> None:
        # The line sits at the bottom of the room: open the list upwards, over the
        # entries, and end it above the status and preview lines so they stay readable.
        target = self.target
        width, height = self.option_list.outer_size
        bottom = target.region.y
        if self.above is not None:
            bottom = min(bottom, self.screen.query_one(self.above).region.y)
        # Names in the list start where the word being completed starts; the
        # border and the padding (two cells) stand to their left.
        state = self._get_target_state()
        start = state.cursor_position - len(word_before_cursor(state))
        x = target.content_region.x + cell_len(state.text[:start]) - target.scroll_offset.x - 2
        x, y, _width, _height = Region(x, bottom - height, width, height).constrain(
            "inside", "none", Spacing.all(0), self.screen.scrollable_content_region
        )
        self.absolute_offset = Offset(x, y)

    def post_completion(self) -> None:
        super().post_completion()
        # The completion was written with Input.Changed held back (so the list
        # is not rebuilt mid-way); announce the new value now, or the preview
        # would go on reading "@M could be Marta, Marketing" under "@Marta".
        target = self.target
        target.post_message(Input.Changed(target, target.value))

    def apply_completion(self, value: str, state: TargetState) -> None:
        word = word_before_cursor(state)
        start = state.cursor_position - len(word)
        rest = state.text[state.cursor_position :]
        text = state.text[:start] + value + " " + rest.lstrip(" ")
        target = self.target
        target.value = text
        target.cursor_position = start + len(value) + 1
