"""Where the archive is and what "now" is: settings every entry point shares."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from facilitator.core.clock import Clock, FakeClock, SystemClock


@dataclass
class Settings:
    """The archive file and the clock a command runs with."""

    db: Path
    clock: Clock


def default_archive_path() -> Path:
    """The archive in the user's data directory (per OS)."""
    from platformdirs import user_data_path

    return user_data_path("facilitator", appauthor=False) / "archive.db"


class BadNow(ValueError):
    """FACILITATOR_NOW is set but is not an instant (the message names the value)."""


def clock_from_environment() -> Clock:
    """The wall clock, or a fixed "now" from FACILITATOR_NOW (a testing aid).

    ``FACILITATOR_NOW=2026-03-16T10:00:00+01:00 facilitator tasks`` runs any
    command as if it were that instant, so follow-up over weeks can be
    tried from the shell without waiting. Raises :class:`BadNow`.
    """
    value = os.environ.get("FACILITATOR_NOW")
    if not value:
        return SystemClock()
    import pendulum

    try:
        instant = pendulum.parse(value)
    except (ValueError, pendulum.parsing.exceptions.ParserError):
        raise BadNow(value) from None
    if not isinstance(instant, pendulum.DateTime):
        raise BadNow(value)
    return FakeClock(instant)
