"""The room on a fixed agenda (fixed zone and times) for screen tests and snapshots."""

from __future__ import annotations

from pathlib import Path

from facilitator.app.live import LiveMeeting
from facilitator.core.clock import FakeClock
from facilitator.planning.agenda_file import load_agenda
from screens.app import FacilitatorApp
from store.archive import Archive

ROOM_AGENDA = Path(__file__).parent / "data" / "room.toml"
ROOM_AGENDA_ZH = Path(__file__).parent / "data" / "room_zh.toml"


def room_app(
    archive: Archive, clock: FakeClock, theme: str | None = None, agenda_file: Path = ROOM_AGENDA
) -> FacilitatorApp:
    """A fresh meeting on tests/data/room.toml (or ``agenda_file``), opened in the app."""
    agenda = load_agenda(agenda_file)
    journal = archive.create_meeting(agenda, clock.now())
    return FacilitatorApp(LiveMeeting(journal, clock), theme=theme)
