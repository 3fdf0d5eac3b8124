"""Where the archive is and what "now" is: settings every entry point shares."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from facilitator.core.clock import Clock, FakeClock, SystemClock

SERVER_SCHEMES = ("postgresql", "postgres")
"""URL schemes of an archive on a database server (libpq's two spellings)."""

Location = Path | str
"""Where an archive is: a file (:class:`Path`) or a server URL (``postgresql://...``)."""


@dataclass
class Settings:
    """The archive (a file, or a server URL) and the clock a command runs with."""

    db: Location
    clock: Clock


def is_server_url(value: object) -> bool:
    """Whether ``value`` names an archive on a server (``postgresql://...``), not a file."""
    if not isinstance(value, str):
        return False
    scheme, sep, _rest = value.partition("://")
    return bool(sep) and scheme.lower() in SERVER_SCHEMES


def looks_like_url(value: str) -> bool:
    """``scheme://...`` of any kind: a URL we may not support, never a file name to create."""
    scheme, sep, _rest = value.partition("://")
    return bool(sep) and scheme.isascii() and scheme.replace("+", "").isalpha()


def location_of(value: str | Path) -> Location:
    """``--db`` / ``FACILITATOR_DB`` as given: a server URL stays text, anything else a path."""
    if is_server_url(value):
        return str(value)
    return Path(value).expanduser()


def shown(location: Location) -> str:
    """The archive as shown to people: a URL without its password."""
    if not is_server_url(location):
        return str(location)
    parts = urlsplit(str(location))
    netloc = parts.netloc
    if parts.password is not None:
        user, _colon, _password = netloc.rpartition("@")[0].partition(":")
        netloc = f"{user}:***@{netloc.rpartition('@')[2]}"
    query = "&".join(
        "password=***" if pair.lower().startswith("password=") else pair
        for pair in parts.query.split("&")
    )
    if (netloc, query) == (parts.netloc, parts.query):
        return str(location)
    return urlunsplit(parts._replace(netloc=netloc, query=query))


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
