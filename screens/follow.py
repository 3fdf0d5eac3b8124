"""The follow view: the shared screen of a meeting another terminal runs.

Read-only by construction: it holds a :class:`Follower`, which can read the
journal but has no way to write to it. It asks for news every
``POLL_SECONDS`` and redraws when something arrived or the countdown's
second changed; when the meeting closes it ends on the summary.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.command import CommandPalette
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from facilitator.app.follower import POLL_SECONDS, Follower
from facilitator.core.i18n import listed, t
from facilitator.meeting.alerts import Alert, AlertWatch
from facilitator.meeting.minutes import Minutes
from facilitator.meeting.state import MeetingState
from facilitator.render.summary import closing_summary
from facilitator.render.times import format_span, format_time, format_times
from screens.follow_clock import FollowClock, StretchClock, block_scales
from screens.keys import localize_bindings
from screens.widgets.agenda import AgendaPanel
from screens.widgets.bigclock import ROWS
from screens.widgets.entries import describe
from screens.widgets.flash import flash
from screens.widgets.speakers import SpeakerPanel
from screens.widgets.stage import SpeakerStage

ENTRIES_SHOWN = 4
"""The latest entries on screen (more on a tall one); older ones are in the minutes."""
DECISIONS_SHOWN = 4
"""The latest decisions before the screen's size is known."""
TITLE_ROOM = 40
"""Columns the top bar keeps for the title before the date gives way to the hours."""


def decisions_text(state: MeetingState, limit: int = 4) -> Text:
    """The latest decisions of the meeting, newest last, as plain text."""
    text = Text(overflow="fold")
    decisions = state.entries_of("decision")
    heading = t("minutes.counted", heading=t("follow.decisions"), count=len(decisions))
    text.append(heading, style="bold")
    for captured in decisions[-limit:]:
        text.append("\n✓ ", style="bold green")
        text.append(captured.entry.text)
    return text


def summary_sections(minutes: Minutes) -> list[tuple[str, Text]]:
    """What the meeting left behind, as the room confirmed it: (heading, text) per section.

    The sections, their order and their words are :func:`closing_summary`'s, as
    the room's closing screen and the terminal show them. Plain text, never markup.
    """
    sections = []
    for section in closing_summary(minutes):
        text = Text(overflow="fold")
        text.append(section.heading, style="bold underline")
        for item in section.items:
            text.append("\n  • ")
            text.append(item.text)
            if item.owned is not None:
                # The catalogue's pattern: "Li, Thu 10 Sep 2026" / "王强，2026年11月30日 星期一".
                text.append(item.owned.before)
                text.append(item.owned.text, style="bold")
                text.append(item.owned.after)
        if not section.items:
            text.append("\n  " + section.none, style="dim")
        sections.append((section.heading, text))
    return sections


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

    BINDINGS = [Binding("q", "app.quit", "keys.quit", id="quit")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (30, "-medium"), (40, "-tall")]

    def __init__(self, follower: Follower, poll_seconds: float = POLL_SECONDS) -> None:
        super().__init__()
        self.follower = follower
        self.poll_seconds = poll_seconds
        self._second: int | None = None
        self._ended = False
        self._sections: list[str] = []
        self.alert_watch = AlertWatch()
        localize_bindings(self)

    def compose(self) -> ComposeResult:
        with Vertical(id="follow"):
            with Horizontal(id="follow-bar"):
                yield Static(id="follow-title")
                yield Static(id="follow-when")
            yield Static(id="follow-gone")
            with Horizontal(id="follow-main"):
                yield AgendaPanel(id="follow-agenda")
                with Vertical(id="follow-centre"):
                    yield FollowClock(id="clock")
                    yield SpeakerStage(id="stage")
                    yield SpeakerPanel(id="speakers")
            yield Static(id="follow-decisions")
            yield LatestEntries(id="follow-entries")
        with Vertical(id="follow-summary"):
            yield Static(id="summary-title")
            yield VerticalScroll(id="summary-scroll")
            yield Static(id="summary-more")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.poller = self.set_interval(self.poll_seconds, self.tick)
        self.watch(self.query_one("#summary-scroll"), "scroll_y", self.show_more_below)
        self.refresh_view()
        self.call_after_refresh(self.fit_clock)

    def on_resize(self) -> None:
        self.refresh_view()
        self.call_after_refresh(self.fit_clock)
        self.call_after_refresh(self.show_more_below)

    def fit_clock(self) -> None:
        """Give the countdown every row of the centre that the rest leaves free; on a
        projector, half of them, and the speaker's and the next one's names the rest."""
        centre = self.query_one("#follow-centre", Vertical)
        big = self.query_one("#big-countdown", StretchClock)
        stage = self.query_one("#stage", SpeakerStage)
        if not centre.size.height or not big.size.width:
            return
        staged = stage.display
        used = sum(child.outer_size.height for child in centre.children if child.display)
        spare = centre.content_size.height - used
        free = big.size.height + spare + (stage.size.height if staged else 0)
        if not staged:
            down = max(1, free // ROWS)
        else:
            width = big.size.width

            def clock_rows(rows: int) -> int:
                return ROWS * block_scales(big.value, width, rows)[1]

            budget = max(2, free - clock_rows(free // 2))
            # Names that need fewer rows leave the rest to the clock.
            rows = max(free // 2, free - stage.rows(stage.size.width or width, budget))
            down = max(1, rows // ROWS)
            budget = max(2, free - clock_rows(ROWS * down))
            if budget != stage.budget:
                stage.budget = budget
        if down != big.down:
            big.down = down

    def tick(self) -> None:
        """Take in the room's news; redraw when it changed or the second turned."""
        changed = self.follower.poll()
        second = int(self.follower.clock.now().timestamp())
        if changed or second != self._second:
            self.refresh_view()
        if changed:
            # A longer title or a balance warning takes rows: the clock gives them back.
            self.call_after_refresh(self.fit_clock)

    def refresh_view(self) -> None:
        state = self.follower.state
        now = self.follower.clock.now()
        self._second = int(now.timestamp())
        self.show_bar(state)
        self.show_gone()
        self.query_one("#follow-agenda", AgendaPanel).show(state, now)
        self.query_one("#clock", FollowClock).show(state, now)
        stage = self.query_one("#stage", SpeakerStage)
        staged = self.has_class("-tall")
        if staged:
            stage.show(state, now)
        first = stage.shown_next if staged else 0
        self.query_one("#speakers", SpeakerPanel).show(state, now, speaker=not staged, first=first)
        decisions = self.query_one("#follow-decisions", Static)
        # As many of the latest as its rows hold under the heading (fixed per screen height,
        # so the countdown keeps its size as decisions come in).
        rows = decisions.content_size.height
        decisions.update(decisions_text(state, limit=rows - 1 if rows > 1 else DECISIONS_SHOWN))
        entries = self.query_one("#follow-entries", LatestEntries)
        entries.show(state, limit=entries.content_size.height or ENTRIES_SHOWN)
        # Nobody scrolls a projector: the newest entry must be the one in sight, also when
        # a long one wraps (so scroll once the new text is laid out).
        for widget in (decisions, entries):
            widget.call_after_refresh(widget.scroll_end, animate=False)
        if state.is_closed and not self._ended:
            self.end_on_summary(self.follower.minutes())
        self.alert(self.alert_watch.new(state, now))

    def alert(self, alerts: tuple[Alert, ...]) -> None:
        """What the room hears, the projector too: the bell once and a flash, as the
        meeting's ``alerts`` (the agenda, then ``/alerts`` in the room) says."""
        mode = self.follower.state.alerts
        if not alerts or mode == "off":
            return
        if mode == "bell":
            self.app.bell()
        if any(not a.about_speaker for a in alerts):
            flash(self.query_one("#clock", FollowClock))
        if any(a.about_speaker for a in alerts):
            flash(self.query_one("#stage", SpeakerStage))
            flash(self.query_one("#speakers", SpeakerPanel))

    def show_bar(self, state: MeetingState) -> None:
        """Title on the left, time on the right; a narrow screen keeps just the hours."""
        agenda = state.agenda
        title = Text(no_wrap=True, overflow="ellipsis")
        title.append(agenda.title, style="bold")
        title.append("  " + t("follow.read_only"), style="italic")
        when = format_span(agenda.start, agenda.end)
        if cell_len(when) + TITLE_ROOM > self.size.width:
            when = format_times(agenda.start, agenda.end)
        self.query_one("#follow-title", Static).update(title)
        self.query_one("#follow-when", Static).update(Text(when, style="dim", no_wrap=True))

    def show_gone(self) -> None:
        """Say, above everything, that the archive followed was deleted or replaced:
        what is shown is the last the room wrote there, and nothing more will come."""
        gone = self.follower.gone
        notice = self.query_one("#follow-gone", Static)
        notice.set_class(gone is not None, "-shown")
        if gone is not None:
            notice.update(Text("⚠ " + gone, style="bold"))

    def end_on_summary(self, minutes: Minutes) -> None:
        """The meeting closed in the room: show what it decided, and stop polling."""
        self._ended = True
        self.poller.stop()
        title = Text()
        title.append(t("follow.closed_title"), style="bold")
        title.append("\n")
        title.append(minutes.agenda.title)
        if minutes.closed_at is not None:
            title.append("  ")
            title.append(
                t("follow.left", time=format_time(minutes.closed_at, minutes.agenda.timezone)),
                style="dim",
            )
        self.query_one("#summary-title", Static).update(title)
        scroll = self.query_one("#summary-scroll", VerticalScroll)
        sections = summary_sections(minutes)
        self._sections = [heading for heading, _text in sections]
        scroll.mount_all(
            Static(text, classes="summary-section", name=heading) for heading, text in sections
        )
        self.add_class("-closed")
        # Whoever is at the keyboard can scroll at once (↓, PgDn).
        scroll.focus()
        self.call_after_refresh(self.show_more_below)

    def show_more_below(self) -> None:
        """Say which sections lie below the fold, so nothing is missed for want of scrolling."""
        more = self.query_one("#summary-more", Static)
        scroll = self.query_one("#summary-scroll", VerticalScroll)
        bottom = scroll.scroll_y + scroll.scrollable_content_region.height
        below = [
            section.name or ""
            for section in scroll.query(".summary-section")
            if section.virtual_region.bottom > bottom
        ]
        hidden = not below or scroll.max_scroll_y <= scroll.scroll_y
        more.set_class(hidden, "-hidden")
        more.update("" if hidden else t("follow.more_below", sections=listed(below)))


class FollowApp(App[Minutes | None]):
    """Follows one meeting; exits with its minutes if it closed while shown."""

    CSS_PATH = "follow.tcss"
    TITLE = "Facilitator"
    BINDINGS = [
        Binding("ctrl+q", "quit", "keys.quit", id="quit", priority=True, show=False),
        # Our own palette binding, so its footer label follows the language (as in the room).
        Binding("ctrl+p", "command_palette", "keys.palette", show=False, priority=True),
    ]

    def __init__(self, follower: Follower, poll_seconds: float = POLL_SECONDS) -> None:
        super().__init__()
        self.follower = follower
        self.poll_seconds = poll_seconds
        localize_bindings(self)

    def on_mount(self) -> None:
        self.title = self.follower.state.agenda.title
        self.push_screen(FollowScreen(self.follower, self.poll_seconds))

    def action_command_palette(self) -> None:
        """The palette, with its prompt in the interface language."""
        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            self.push_screen(
                CommandPalette(placeholder=t("follow.palette_search"), id="--command-palette")
            )

    def action_quit(self) -> None:  # type: ignore[override]
        state = self.follower.state
        self.exit(self.follower.minutes() if state.is_closed else None)
