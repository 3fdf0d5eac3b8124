"""The entries captured so far, grouped by topic, each one retractable or editable."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from facilitator.core.i18n import t
from facilitator.meeting.events import Entry
from facilitator.meeting.state import MeetingState
from facilitator.render.times import format_date
from screens.keys import localize_bindings

KIND_STYLES = {
    "point": "",
    "decision": "bold green",
    "action": "bold cyan",
    "unresolved": "bold yellow",
    "dispute": "bold magenta",
}


def from_pattern(key: str, **parts: Text | str) -> Text:
    """A catalogue pattern ("{party}：{position}") filled with styled parts.

    The punctuation comes from the catalogue (full-width in Chinese); the
    parts keep their own styles and are never read as markup.
    """
    marks = {name: f"\x00{name}\x00" for name in parts}
    text = Text()
    for index, piece in enumerate(t(key, **marks).split("\x00")):
        if index % 2:
            part = parts[piece]
            text.append_text(part if isinstance(part, Text) else Text(part))
        else:
            text.append(piece)
    return text


def describe(entry: Entry) -> Text:
    """One entry as a line of plain (never markup) text."""
    line = Text(overflow="fold")
    line.append(t(f"kind.{entry.kind}"), style=KIND_STYLES[entry.kind])
    line.append(" ")
    if entry.kind == "dispute" and entry.sides:
        for index, side in enumerate(entry.sides):
            if index:
                line.append(" | ", style="dim")
            if side.party:
                side_text = from_pattern(
                    "minutes.side", party=Text(side.party, style="bold"), position=side.position
                )
                line.append_text(side_text)
            else:
                line.append(side.position)
    else:
        line.append(entry.text)
    if entry.owner:
        line.append(f"  @{entry.owner}", style="bold")
    if entry.due:
        line.append(f"  {format_date(entry.due)}", style="italic")
    return line


class EntryList(OptionList):
    """Entries numbered as ``/retract N`` expects, under their topic's title.

    F7 brings the cursor here; ``e`` (or Enter) edits the entry in the input
    line, ``Delete`` retracts it, ``Esc`` goes back to typing.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("e", "edit", "keys.edit_entry"),
        Binding("delete,backspace,r", "retract", "keys.retract_entry"),
        Binding("escape", "leave", "keys.back_to_line"),
    ]

    class Chosen(Message):
        """The room asked to edit or retract the entry ``seq``."""

        def __init__(self, seq: int, action: str) -> None:
            super().__init__()
            self.seq = seq
            self.action = action

    class Left(Message):
        """Back to the input line."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        localize_bindings(self)
        self._shown: tuple[object, ...] | None = None

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
        self._chosen("retract")

    def action_select(self) -> None:
        self._chosen("edit")

    def action_leave(self) -> None:
        self.post_message(self.Left())
