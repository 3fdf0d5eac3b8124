"""The entries captured so far, grouped by topic, each one retractable or editable."""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from facilitator.core.i18n import t
from facilitator.meeting.events import Entry
from facilitator.meeting.state import MeetingState
from facilitator.render.entries import SIDES_SEPARATOR, TAIL_GAP, entry_line
from facilitator.render.patterns import Part
from screens.keys import localize_bindings

KIND_STYLES = {
    "point": "",
    "decision": "bold green",
    "action": "bold cyan",
    "unresolved": "bold yellow",
    "dispute": "bold magenta",
    # The owner's report: where it stands, what may go wrong, what they propose.
    "progress": "bold blue",
    "risk": "bold red",
    "proposal": "bold bright_cyan",
}


def styled(parts: Iterable[Part], **styles: str) -> Text:
    """Parts of a filled catalogue pattern as one line, people's words styled by field.

    The words and the punctuation between them come from :mod:`facilitator.render`
    (full-width in Chinese); this only adds the styles, and never reads markup.
    """
    text = Text()
    for part in parts:
        text.append(part.text, style=styles.get(part.field, ""))
    return text


def describe(entry: Entry) -> Text:
    """One entry as a line of plain (never markup) text, its words from :func:`entry_line`."""
    words = entry_line(entry)
    line = Text(overflow="fold")
    line.append(words.kind_word, style=KIND_STYLES[entry.kind])
    line.append(" ")
    if words.sides:
        for index, side in enumerate(words.sides):
            if index:
                line.append(SIDES_SEPARATOR, style="dim")
            line.append_text(styled(side, party="bold"))
    elif words.said:
        line.append_text(styled(words.said, speaker="bold"))
    else:
        line.append(words.text)
    if words.owner:
        line.append(TAIL_GAP + words.owner, style="bold")
    if words.due:
        line.append(TAIL_GAP + words.due, style="italic")
    return line


class EntryList(OptionList):
    """Entries numbered as ``/retract N`` expects, under their topic's title.

    F7 brings the cursor here; ``e`` (or Enter) edits the entry in the input
    line, ``Delete`` twice retracts it, ``Esc`` goes back to typing. No single
    key destroys an entry: the first Delete asks (the room shows which entry),
    the second, on the same entry within a few seconds, retracts it. Letters
    typed here go to the input line: the recorder was typing, not choosing.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("e", "edit", "keys.edit_entry"),
        Binding("delete", "retract", "keys.retract_entry"),
        Binding("escape", "leave", "keys.back_to_line"),
    ]

    CONFIRM_SECONDS = 4.0
    """How long the first Delete waits for the second."""

    class Chosen(Message):
        """The room asked to edit or retract the entry ``seq``."""

        def __init__(self, seq: int, action: str) -> None:
            super().__init__()
            self.seq = seq
            self.action = action

    class Left(Message):
        """Back to the input line."""

    class TypedAway(Message):
        """A letter typed while the list had the cursor: it belongs in the input line."""

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        localize_bindings(self)
        self._shown: tuple[object, ...] | None = None
        self._armed: tuple[int, float] | None = None

    def show(self, state: MeetingState, waiting: Sequence[str] = ()) -> None:
        """Redraw only when the entries changed, so the cursor stays where it was.

        ``waiting``: lines typed but not yet written (the archive is busy),
        shown after the entries, marked as not yet kept.
        """
        key = (tuple((c.seq, c.entry) for c in state.entries), tuple(state.order), tuple(waiting))
        if key == self._shown:
            return
        self._shown = key
        highlighted = self.highlighted_option.id if self.highlighted_option else None
        options: list[Option] = []
        if not state.entries and not waiting:
            options.append(Option(Text(t("room.no_entries"), style="dim"), disabled=True))
        titles = {topic_id: s.topic.title for topic_id, s in state.topics.items()}
        topic: object = object()
        for captured in state.entries:
            if captured.entry.topic != topic:
                topic = captured.entry.topic
                heading = titles.get(topic, "") if topic else t("room.before_topics")
                options.append(
                    Option(
                        Text("— " + heading, style="bold underline", overflow="ellipsis"),
                        disabled=True,
                    )
                )
            line = Text(f"{captured.number:>2} ", style="dim")
            line.append_text(describe(captured.entry))
            options.append(Option(line, id=str(captured.seq)))
        for label in waiting:
            line = Text("⋯  ", style="dim")
            line.append(label, style="dim italic")
            line.append("  " + t("room.not_yet_written"), style="yellow")
            options.append(Option(line, disabled=True))
        self.set_options(options)
        if self.has_focus and highlighted is not None and any(o.id == highlighted for o in options):
            self.highlighted = self.get_option_index(highlighted)
        else:
            self.highlight_last()

    def highlight_last(self) -> None:
        """Put the cursor on the newest entry: the one most likely to need a fix."""
        for index in range(self.option_count - 1, -1, -1):
            if not self.get_option_at_index(index).disabled:
                self.highlighted = index
                break
        self.scroll_end(animate=False)

    def _chosen(self, action: str) -> None:
        option = self.highlighted_option
        if option is not None and option.id is not None:
            self.post_message(self.Chosen(int(option.id), action))

    def action_edit(self) -> None:
        self._chosen("edit")

    def action_retract(self) -> None:
        """First Delete: ask. Second Delete on the same entry, soon after: retract."""
        option = self.highlighted_option
        if option is None or option.id is None:
            return
        seq, now = int(option.id), time.monotonic()
        armed = self._armed
        if armed is not None and armed[0] == seq and now - armed[1] <= self.CONFIRM_SECONDS:
            self._armed = None
            self.post_message(self.Chosen(seq, "retract"))
        else:
            self._armed = (seq, now)
            self.post_message(self.Chosen(seq, "ask_retract"))

    def on_key(self, event: events.Key) -> None:
        if event.is_printable and event.character and event.key != "e":
            event.stop()
            event.prevent_default()
            self._armed = None
            self.post_message(self.TypedAway(event.character))

    def action_select(self) -> None:
        self._chosen("edit")

    def action_leave(self) -> None:
        self.post_message(self.Left())
