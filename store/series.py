"""Meetings of one series (``meetings.series``, m023): what carries over and trends read."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from facilitator.followup.series import HeldMeeting
from store.archive import Archive


def _instant(value: str) -> dt.datetime:
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        return dt.datetime.min.replace(tzinfo=dt.UTC)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


@dataclass(frozen=True)
class SeriesMeeting:
    """One meeting of a series, as listed in the archive."""

    id: int
    title: str
    start: str
    status: str
    closed_at: str | None


def series_of(archive: Archive, meeting_id: int) -> str:
    """The series a meeting belongs to ("" if there is no such meeting)."""
    row = archive.conn.execute(
        "SELECT COALESCE(series, title) FROM meetings WHERE id = ?", (meeting_id,)
    ).fetchone()
    return row[0] if row else ""


def series_meetings(archive: Archive, series: str, *, closed: bool = True) -> list[SeriesMeeting]:
    """The meetings of ``series`` (named in any case), oldest start first; only the
    closed ones unless ``closed=False``."""
    rows = archive.conn.execute(
        # lower() on both sides: SQLite's NOCASE, which PostgreSQL has not (both
        # fold ASCII letters; PostgreSQL every script's).
        "SELECT id, title, start, status, closed_at FROM meetings "
        "WHERE lower(COALESCE(series, title)) = lower(?) "
        + ("AND status = 'closed' " if closed else "")
        + "ORDER BY id",
        (series.strip(),),
    ).fetchall()
    # Compared as instants: text with different UTC offsets sorts wrongly.
    return sorted((SeriesMeeting(*row) for row in rows), key=lambda m: (_instant(m.start), m.id))


def series_names(archive: Archive) -> list[str]:
    """Every series in the archive, by its first meeting."""
    rows = archive.conn.execute(
        "SELECT MIN(COALESCE(series, title)) FROM meetings "
        "GROUP BY lower(COALESCE(series, title)) ORDER BY MIN(start)"
    ).fetchall()
    return [name for (name,) in rows]


def held_meetings(archive: Archive, series: str) -> list[HeldMeeting]:
    """Every closed meeting of ``series`` with its minutes, retrospective and open items."""
    from store.followup import retrospective
    from store.items import items

    return [
        HeldMeeting(
            meeting.id,
            archive.minutes(meeting.id),
            retrospective(archive, meeting.id),
            tuple(items(archive, meeting.id)),
        )
        for meeting in series_meetings(archive, series)
    ]
