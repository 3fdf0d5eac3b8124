"""Speaking time in full: per department against an equal share, the whole
meeting per department, per person.

On a wide screen the room shows this beside the clock; on a small one the
host opens it here (Shift+F10 or the palette).
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from facilitator.app.live import LiveMeeting
from facilitator.core.i18n import t
from screens.keys import localize_bindings
from screens.widgets.footer import KeyFooter
from screens.widgets.speakers import BalancePanel, imbalance_warning


class BalanceScreen(ModalScreen[None]):
    """The balance view, redrawn from the clock while it is open."""

    BINDINGS = [Binding("escape,shift+f10,q", "dismiss_balance", "keys.close_view")]

    def __init__(self, meeting: LiveMeeting) -> None:
        super().__init__()
        self.meeting = meeting
        localize_bindings(self)

    def compose(self) -> ComposeResult:
        with Vertical(id="balance-box"):
            # The warning first: it is what the host opened this view for.
            yield Static(id="balance-warning")
            with VerticalScroll(id="balance-body"):
                yield BalancePanel(id="balance-full")
            yield Static(Text(t("balance.close_hint"), style="dim"))
        yield KeyFooter()

    def on_mount(self) -> None:
        self.redraw()
        self.set_interval(1.0, self.redraw)

    def redraw(self) -> None:
        state = self.meeting.state
        now = self.meeting.clock.now()
        self.query_one("#balance-full", BalancePanel).show(state, now, full=True)
        warning = imbalance_warning(state, now)
        self.query_one("#balance-warning", Static).update(warning or "")

    def action_dismiss_balance(self) -> None:
        self.dismiss(None)
