"""SQLite storage through sqlite-utils: the archive, its journal and minutes tables."""

from store.archive import Archive, ArchiveError, MeetingRow, SqliteJournal

__all__ = ["Archive", "ArchiveError", "MeetingRow", "SqliteJournal"]
