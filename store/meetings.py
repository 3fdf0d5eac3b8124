"""Meetings as the archive lists them, and how a reference names one."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from facilitator.core.i18n import t
from facilitator.core.zones import zone
from store.errors import ArchiveError

if TYPE_CHECKING:
    from pendulum import DateTime


@dataclass(frozen=True)
class MeetingRow:
    """A meeting as listed in the archive."""

    id: int
    key: str
    title: str
    start: str
    """UTC ISO 8601, as stored (see :meth:`local_start`)."""
    status: str
    closed_at: str | None
    timezone: str = "UTC"
    """The meeting's zone: an IANA name or a fixed offset like ``+01:00``."""

    @property
    def is_closed(self) -> bool:
        return self.status == "closed"

    @property
    def local_start(self) -> DateTime:
        """The start in the meeting's own zone."""
        import pendulum  # not at the top: listing tasks needs no date library

        return pendulum.instance(dt.datetime.fromisoformat(self.start)).in_timezone(
            zone(self.timezone)
        )


def matching(rows: list[MeetingRow], reference: str) -> list[MeetingRow]:
    """Meetings named by id, else by key, else by their whole title, else by part of
    it (any case)."""
    if reference.isdigit():
        return [m for m in rows if m.id == int(reference)]
    found = [m for m in rows if m.key == reference]
    if not found:
        # A whole title names its meeting even when it is part of another's
        # ("Q3 sync" and "Q3 sync · follow-up 2026-03-09").
        needle = reference.strip().casefold()
        found = [m for m in rows if m.title.casefold() == needle]
    if not found:
        found = [m for m in rows if needle in m.title.casefold()]
    return found


def instant(value: str, where: str) -> DateTime:
    """A stored ISO 8601 time as an instant (text with different offsets sorts wrongly)."""
    import pendulum

    try:
        parsed = pendulum.parse(value)
    except (ValueError, pendulum.parsing.exceptions.ParserError):
        parsed = None
    if not isinstance(parsed, pendulum.DateTime):
        raise ArchiveError(t("archive.corrupt", path=where, reason=f"meetings: {value!r}"))
    return parsed
