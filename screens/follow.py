"""The follow view: the shared screen of a meeting another terminal runs.

Read-only by construction: it holds a :class:`Follower`, which can read the
journal but has no way to write to it. It asks for news every
``POLL_SECONDS`` and redraws when something arrived or the countdown's
second changed; when the meeting closes it ends on the summary.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from facilitator.follow import POLL_SECONDS, Follower
from facilitator.i18n import t
from facilitator.minutes import Minutes
from facilitator.state import MeetingState
from facilitator.timefmt import format_date, format_span, format_time
from screens.widgets.agenda import AgendaPanel
from screens.widgets.countdown import TopicClock
from screens.widgets.entries import describe
from screens.widgets.speakers import SpeakerPanel

ENTRIES_SHOWN = 4
"""The latest entries on screen; older ones are in the minutes."""


def decisions_text(state: MeetingState, limit: int = 4) -> Text:
    """The latest decisions of the meeting, newest last, as plain text."""
    text = Text(overflow="fold")
    decisions = state.entries_of("decision")
    text.append(f"{t('follow.decisions')} ({len(decisions)})", style="bold")
    for captured in decisions[-limit:]:
        text.append("\n✓ ", style="bold green")
        text.append(captured.entry.text)
    return text


def summary_text(minutes: Minutes) -> Text:
    """What the meeting left behind, as the room confirmed it (plain text, never markup)."""
    text = Text(overflow="fold")

    def heading(key: str, count: int) -> None:
        if text:
            text.append("\n\n")
        text.append(f"{t(key)} ({count})", style="bold underline")

    def bullet(line: str, owner: str = "", when: str = "") -> None:
        text.append("\n  • ")
        text.append(line)
        if owner or when:
            text.append(f" — {owner or t('summary.no_owner')}", style="bold")
            text.append(f", {when or t('summary.no_date')}")

    def none(items: object) -> None:
        if not items:
            text.append("\n  " + t("minutes.none"), style="dim")

    heading("minutes.decisions", len(minutes.decisions))
    for _topic, decision in minutes.decisions:
        bullet(decision)
    none(minutes.decisions)
    heading("minutes.open_items", len(minutes.open_items))
    for item in minutes.open_items:
        bullet(item.text, item.owner, format_date(item.deadline) if item.deadline else "")
    none(minutes.open_items)
    heading("minutes.tasks", len(minutes.tasks))
    for task in minutes.tasks:
        bullet(task.title, task.owner, format_date(task.due) if task.due else "")
    none(minutes.tasks)
    return text


class LatestEntries(Static):
    """The last few entries, numbered as in the room; nothing to select or edit here."""

    def show(self, state: MeetingState, limit: int) -> None:
        text = Text(overflow="fold")
        if not state.entries:
            # The room's empty text teaches the recorder's syntax; here nobody types.
            text.append(t("follow.no_entries"), style="dim")
        for index, captured in enumerate(state.entries[-limit:]):
            if index:
                text.append("\n")
            text.append(f"{captured.number:>2} ", style="dim")
            text.append_text(describe(captured.entry))
        self.update(text)


class FollowScreen(Screen[None]):
    """Topic, big countdown, speakers, decisions: never an input line."""

    BINDINGS = [Binding("q", "app.quit", t("keys.quit"), id="quit")]

    def __init__(self, follower: Follower, poll_seconds: float = POLL_SECONDS) -> None:
        super().__init__()
        self.follower = follower
        self.poll_seconds = poll_seconds
        self._second: int | None = None
        self._ended = False

    def compose(self) -> ComposeResult:
        with Vertical(id="follow"):
            yield Static(id="follow-bar")
            with Horizontal(id="follow-main"):
                yield AgendaPanel(id="follow-agenda")
                with Vertical(id="follow-centre"):
                    yield TopicClock(id="clock")
                    yield SpeakerPanel(id="speakers")
            yield Static(id="follow-decisions")
            yield LatestEntries(id="follow-entries")
        with VerticalScroll(id="follow-summary"):
            yield Static(id="summary-title")
            yield Static(id="summary-body")
        yield Footer()

    def on_mount(self) -> None:
        self.poller = self.set_interval(self.poll_seconds, self.tick)
        self.refresh_view()

    def tick(self) -> None:
        """Take in the room's news; redraw when it changed or the second turned."""
        changed = self.follower.poll()
        second = int(self.follower.clock.now().timestamp())
        if changed or second != self._second:
            self.refresh_view()

    def refresh_view(self) -> None:
        state = self.follower.state
        now = self.follower.clock.now()
        self._second = int(now.timestamp())
        agenda = state.agenda
        bar = Text(no_wrap=True, overflow="ellipsis")
        bar.append(agenda.title, style="bold")
        bar.append("  " + t("follow.read_only"), style="italic")
        bar.append("  " + format_span(agenda.start, agenda.end), style="dim")
        self.query_one("#follow-bar", Static).update(bar)
        self.query_one("#follow-agenda", AgendaPanel).show(state, now)
        clock = self.query_one("#clock", TopicClock)
        clock.show(state, now)
        if state.current_topic is None and not state.is_closed:
            # The room's hint is for the host's keyboard; the audience just waits.
            clock.query_one("#topic-status", Static).update(t("follow.waiting"))
        self.query_one("#speakers", SpeakerPanel).show(state, now)
        decisions = self.query_one("#follow-decisions", Static)
        decisions.update(decisions_text(state))
        decisions.scroll_end(animate=False)
        entries = self.query_one("#follow-entries", LatestEntries)
        entries.show(state, limit=ENTRIES_SHOWN)
        # Nobody scrolls a projector: the newest entry must be the one in sight.
        entries.scroll_end(animate=False)
        if state.is_closed and not self._ended:
            self.end_on_summary(self.follower.minutes())

    def end_on_summary(self, minutes: Minutes) -> None:
        """The meeting closed in the room: show what it decided, and stop polling."""
        self._ended = True
        self.poller.stop()
        title = Text(t("follow.closed_title"), style="bold")
        title.append("\n")
        title.append(minutes.agenda.title)
        if minutes.closed_at is not None:
            title.append("  ")
            title.append(
                t("follow.left", time=format_time(minutes.closed_at, minutes.agenda.timezone)),
                style="dim",
            )
        self.query_one("#summary-title", Static).update(title)
        self.query_one("#summary-body", Static).update(summary_text(minutes))
        self.add_class("-closed")


class FollowApp(App[Minutes | None]):
    """Follows one meeting; exits with its minutes if it closed while shown."""

    CSS_PATH = "follow.tcss"
    TITLE = "Facilitator"
    BINDINGS = [Binding("ctrl+q", "quit", t("keys.quit"), id="quit", priority=True, show=False)]

    def __init__(self, follower: Follower, poll_seconds: float = POLL_SECONDS) -> None:
        super().__init__()
        self.follower = follower
        self.poll_seconds = poll_seconds

    def on_mount(self) -> None:
        self.title = self.follower.state.agenda.title
        self.push_screen(FollowScreen(self.follower, self.poll_seconds))

    def action_quit(self) -> None:  # type: ignore[override]
        state = self.follower.state
        self.exit(self.follower.minutes() if state.is_closed else None)
