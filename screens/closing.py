"""The closing summary: decisions, disputes, open items and tasks, to fix and confirm."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, OptionList, Static
from textual.widgets.option_list import Option

from facilitator.app.live import LiveMeeting
from facilitator.core.i18n import t
from facilitator.core.text import clean
from facilitator.line.corrections import kind_change
from facilitator.line.entries import kept_as_point
from facilitator.render.summary import SummarySection, closing_summary
from screens.keys import localize_bindings
from screens.widgets.capture import LinePreview
from screens.widgets.entries import styled
from screens.widgets.footer import KeyFooter

WARNINGS = ("left", "unread")
"""Sections that warn before confirming: the agenda is not finished, or a task
or open item was kept as a point and nobody would chase it."""


def _heading(section: SummarySection) -> Option:
    style = "bold underline yellow" if section.kind in WARNINGS else "bold underline"
    return Option(Text(section.heading, style=style), disabled=True)


def unread_points(meeting: LiveMeeting) -> dict[str, list[int]]:
    """The seqs of the points kept from task or open item lines, by their text (the
    summary lists them by text, topic by topic)."""
    found: dict[str, list[int]] = {}
    for captured in meeting.state.entries_of("point"):
        if kept_as_point(captured.entry.text):
            found.setdefault(clean(captured.entry.text), []).append(captured.seq)
    return found


def _none(section: SummarySection) -> Option:
    return Option(Text("  " + section.none, style="dim"), disabled=True)


def summary_options(meeting: LiveMeeting) -> list[Option]:
    """The summary as a list: tasks and open items can be picked to fix owner or date.

    The sections, their order and their words are :func:`closing_summary`'s, as
    the follow view and the terminal show them; this adds the styles, and gives
    each task and open item the id of the entry a fix corrects.
    """
    state = meeting.state
    options: list[Option] = []
    unread = unread_points(meeting)
    for section in closing_summary(meeting.minutes()):
        options.append(_heading(section))
        # The minutes list open items and tasks as the room captured them.
        captured = state.entries_of(section.kind)
        for item in section.items:
            line = Text("  • " + item.text, overflow="fold")
            if section.kind in WARNINGS:
                line.stylize("yellow")
            if section.kind == "unread" and unread.get(item.text):
                # Picked, its line comes back to be read again: a task at last.
                options.append(Option(line, id=str(unread[item.text].pop(0))))
                continue
            if item.owned is None or item.index is None:
                options.append(Option(line, disabled=True))
                continue
            owned = item.owned
            line.append(owned.before)
            # What is still missing stands out: the room is about to confirm it.
            line.append_text(
                styled(
                    owned.parts,
                    owner="bold red"
                    if owned.owner_missing
                    else "bold yellow"
                    if owned.outside
                    else "bold",
                    date="bold red" if owned.date_missing or owned.date_passed else "",
                )
            )
            line.append(owned.after)
            options.append(Option(line, id=str(captured[item.index].seq)))
        if not section.items:
            options.append(_none(section))
    return options


class SummaryList(OptionList):
    """The summary; Enter or ``e`` on a task or open item fixes it in the line below."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("e", "select", "keys.fix_item")]

    def __init__(self, *options: Option, **kwargs: object) -> None:
        super().__init__(*options, **kwargs)  # type: ignore[arg-type]
        # Without this the footer showed the catalogue key itself ("keys.fix_item").
        localize_bindings(self)

    def on_resize(self) -> None:
        # The fix line takes rows from the list when it opens: keep the item
        # being fixed in sight, however long the summary (topics left, many tasks).
        self.scroll_to_highlight()


REFRESH_SECONDS = 0.5
"""How often the summary looks for lines another terminal wrote."""


class ClosingScreen(ModalScreen[bool]):
    """Answers True when the room confirms the summary, False to go back.

    Before confirming, the room can fix an owner or a date: pick the item,
    correct its line, Enter. Each fix is an EntryEdited event.
    """

    BINDINGS = [
        Binding("escape", "cancel", "keys.back_to_meeting"),
        Binding("f10", "confirm", "keys.confirm"),
    ]

    def __init__(self, meeting: LiveMeeting, unrecorded: tuple[str, ...] = ()) -> None:
        super().__init__()
        self.meeting = meeting
        self.unrecorded = unrecorded
        """Lines the room has not recorded (typed, never entered; refused): said
        above the buttons, so the room goes back for them before confirming."""
        self.fixing: int | None = None
        self._kind_may_change = False
        self._drawn = meeting.state.last_seq
        localize_bindings(self)

    def compose(self) -> ComposeResult:
        with Vertical(id="closing"):
            yield Static(
                Text(
                    t("closing.title", title=self.meeting.state.agenda.title),
                    style="bold",
                    overflow="ellipsis",
                    no_wrap=True,
                ),
                id="closing-title",
            )
            yield SummaryList(*summary_options(self.meeting), id="closing-summary")
            if self.unrecorded:
                lines = " · ".join(self.unrecorded)
                warning = t("closing.unrecorded", lines=lines)
                yield Static(Text(warning, style="bold yellow"), id="closing-unrecorded")
            yield Static(Text(t("closing.hint"), style="dim"), id="closing-hint")
            # Nothing selected on focus: the first key typed must not wipe the line.
            yield Input(id="closing-fix", select_on_focus=False)
            yield LinePreview(id="closing-preview")
            with Horizontal(id="closing-buttons"):
                yield Button(t("closing.confirm"), variant="success", id="confirm")
                yield Button(t("closing.back"), id="cancel")
        yield KeyFooter()

    def on_mount(self) -> None:
        self._editing(False)
        self.query_one("#confirm", Button).focus()
        self.set_interval(REFRESH_SECONDS, self._refresh)

    def _refresh(self) -> None:
        """Take in what another terminal writes while the summary is read: what
        the room confirms is what the minutes will hold, not a snapshot."""
        self.meeting.sync(wait=False)
        # The room behind this screen syncs too: compare with what was drawn.
        if self.meeting.state.last_seq == self._drawn:
            return
        self._drawn = self.meeting.state.last_seq
        summary = self.query_one("#closing-summary", SummaryList)
        highlighted = summary.highlighted
        summary.set_options(summary_options(self.meeting))
        if highlighted is not None and highlighted < summary.option_count:
            summary.highlighted = highlighted

    def _editing(self, editing: bool) -> None:
        """Show the fix line and its preview, or the buttons: never both.

        At 80x24 the buttons would leave the list too few rows to keep the
        item being fixed in sight; Enter saves and Esc cancels meanwhile.
        """
        self.query_one("#closing-fix", Input).display = editing
        self.query_one("#closing-preview", LinePreview).display = editing
        self.query_one("#closing-buttons").display = not editing

    @on(OptionList.OptionSelected, "#closing-summary")
    def fix_item(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is None:
            return
        captured = self.meeting.state.entry(int(event.option.id))
        if captured is None:
            return
        self.fixing = captured.seq
        # A point kept from a task line may become the task it was typed as.
        self._kind_may_change = captured.entry.kind == "point"
        self._editing(True)
        fix = self.query_one("#closing-fix", Input)
        fix.value = captured.entry.raw.strip() or captured.entry.text
        fix.cursor_position = len(fix.value)
        fix.focus()
        self._preview(fix.value)
        self._hint(t("closing.fixing"))
        summary = self.query_one("#closing-summary", SummaryList)
        # After the layout has given the list its smaller height.
        self.call_after_refresh(summary.scroll_to_highlight)

    @on(Input.Changed, "#closing-fix")
    def preview_fix(self, event: Input.Changed) -> None:
        self._preview(event.value)

    def _preview(self, text: str) -> None:
        """How the corrected line reads, and whether it would change the item's kind."""
        preview = self.query_one("#closing-preview", LinePreview)
        captured = self.meeting.state.entry(self.fixing) if self.fixing is not None else None
        parsed = self.meeting.preview(text) if text.strip() else None
        change = kind_change(captured.entry, parsed) if captured and parsed else None
        preview.show(parsed, change=change)

    @on(Input.Submitted, "#closing-fix")
    def save_fix(self, event: Input.Submitted) -> None:
        if self.fixing is None:
            return
        outcome = self.meeting.edit(self.fixing, event.value, keep_kind=not self._kind_may_change)
        if not outcome.accepted:
            # The line stays to be fixed; the preview under it shows why it reads wrong.
            self._hint("⚠ " + (outcome.notices[0].text() if outcome.notices else ""))
            return
        self.fixing = None
        self._editing(False)
        summary = self.query_one("#closing-summary", SummaryList)
        highlighted = summary.highlighted
        summary.set_options(summary_options(self.meeting))
        summary.highlighted = highlighted
        warnings = [n.text() for n in outcome.notices if n.severity == "warning"]
        self._hint(("⚠ " + "  ".join(warnings)) if warnings else t("closing.fixed"))
        summary.focus()

    def _hint(self, message: str) -> None:
        self.query_one("#closing-hint", Static).update(Text(message, style="bold"))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "confirm")

    def action_confirm(self) -> None:
        self.dismiss(True)

    def action_cancel(self) -> None:
        if self.fixing is not None:
            self.fixing = None
            self._editing(False)
            self._hint(t("closing.hint"))
            self.query_one("#closing-summary", SummaryList).focus()
            return
        self.dismiss(False)
