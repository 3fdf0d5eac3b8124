"""The Facilitator app: one meeting, on the shared screen."""

from __future__ import annotations

from textual.app import App
from textual.binding import Binding

from facilitator.i18n import t
from facilitator.minutes import Minutes
from facilitator.session import LiveMeeting
from screens.room import RoomScreen


class FacilitatorApp(App[Minutes | None]):
    """Runs the room; exits with the minutes when the meeting is closed there."""

    CSS_PATH = "room.tcss"
    TITLE = "Facilitator"
    BINDINGS = [Binding("ctrl+q", "quit", t("keys.quit"), id="quit", priority=True)]

    def __init__(self, meeting: LiveMeeting) -> None:
        super().__init__()
        self.meeting = meeting

    def on_mount(self) -> None:
        self.title = self.meeting.state.agenda.title
        self.push_screen(RoomScreen(self.meeting))
