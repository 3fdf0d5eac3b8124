"""The archive as a file: opened for writing or only for reading, copied safely.

Every way a file can be wrong (missing, a directory, not SQLite, damaged,
read-only, locked) becomes one :class:`ArchiveError` naming the file and
what to do, and the file is left exactly as it was.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

from facilitator.app.files import sync_directory
from facilitator.core.i18n import t
from store.errors import ArchiveError

SQLITE_HEADER = b"SQLite format 3\x00"


def _check_header(path: Path) -> None:
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise ArchiveError(t("archive.unreadable", path=path, reason=exc.strerror)) from None
    if header != SQLITE_HEADER:
        raise ArchiveError(t("archive.not_sqlite", path=path))


def _create(path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    except OSError as exc:
        raise ArchiveError(t("archive.cannot_create", path=path, reason=exc.strerror)) from None


def connect(
    path: Path, busy_ms: int, *, read_only: bool, create: bool, live: bool = False
) -> sqlite3.Connection:
    """A connection to the archive at ``path`` (see :meth:`store.archive.Archive.open`)."""
    if path.is_dir():
        raise ArchiveError(t("archive.is_directory", path=path))
    if path.exists() and not path.is_file():
        # /dev/null, a terminal, a pipe: SQLite would read nothing (or wait on a
        # pipe for ever), and "no archive there" would send the user looking.
        raise ArchiveError(t("archive.not_a_file", path=path))
    if not path.exists():
        if not create:
            raise ArchiveError(t("archive.missing", path=path))
        _create(path)
    elif path.stat().st_size > 0:
        _check_header(path)
    elif read_only:
        raise ArchiveError(t("archive.missing", path=path))
    try:
        if not read_only:
            return sqlite3.connect(
                str(path), timeout=busy_ms / 1000, isolation_level=None, check_same_thread=False
            )
        return _connect_read_only(path, busy_ms, live)
    except sqlite3.Error as exc:
        raise ArchiveError(t("archive.unreadable", path=path, reason=exc)) from None


def writer_present(path: Path) -> bool:
    """Whether a program may be writing the archive now: a WAL archive in use has
    its ``-wal`` file beside it (removed when the last writer closes)."""
    return path.with_name(path.name + "-wal").exists()


def reads_as_immutable(path: Path, live: bool) -> bool:
    """Whether a read-only open reads the file as immutable (see below)."""
    if writer_present(path):
        return False
    if not live:
        return True
    shm = path.with_name(path.name + "-shm")
    return not os.access(path.parent, os.W_OK) and not shm.exists()


def _connect_read_only(path: Path, busy_ms: int, live: bool) -> sqlite3.Connection:
    """``mode=ro``: SQLite refuses every write.

    A short read (minutes, a task list) with no writer present reads the file
    as immutable: SQLite then makes no ``-wal`` or ``-shm`` beside it, so the
    archive is left exactly as it was. A ``live`` reader (the follow view,
    the notebook) must see later writes, so it reads as immutable only where
    no program could write anyway (a read-only directory without the shared
    memory file), and reopens if a writer appears after all
    (:meth:`store.archive.Archive.reopen_if_written`).
    """
    uri = f"file:{quote(str(path.resolve()))}?mode=ro"
    if reads_as_immutable(path, live):
        uri += "&immutable=1"
    conn = sqlite3.connect(
        uri, uri=True, timeout=busy_ms / 1000, isolation_level=None, check_same_thread=False
    )
    conn.execute("PRAGMA query_only = ON")
    return conn


def opening_error(exc: sqlite3.DatabaseError | UnicodeDecodeError, path: Path) -> ArchiveError:
    """What a failure while preparing the archive means, for a person."""
    message = str(exc)
    lowered = message.lower()
    if "locked" in lowered or "busy" in lowered:
        return ArchiveError(t("archive.locked", path=path))
    if "readonly" in lowered or "read-only" in lowered:
        return ArchiveError(t("archive.read_only", path=path))
    if "unable to open" in lowered and not os.access(path.parent, os.W_OK):
        return ArchiveError(t("archive.read_only", path=path))
    return ArchiveError(t("archive.corrupt", path=path, reason=message))


def write_failure(exc: sqlite3.OperationalError, path: Path) -> str:
    """Why a write to the archive failed, for a person (the disk full, the
    storage failing, the file made read-only, another program's lock)."""
    lowered = str(exc).lower()
    if "full" in lowered:
        return t("trust.disk_full", path=path)
    if "readonly" in lowered or "read-only" in lowered:
        return t("archive.read_only", path=path)
    if "locked" in lowered or "busy" in lowered:
        return t("trust.archive_busy", path=path)
    return t("trust.write_failed", path=path, reason=exc)


@contextlib.contextmanager
def new_backup(target: Path, errors: tuple[type[Exception], ...] = (OSError,)) -> Iterator[Path]:
    """The hidden file beside ``target`` to write a backup into; once written, it is
    synced and renamed to ``target``, so a copy cut short never stands in for a whole
    one. An existing ``target`` or a missing directory is refused, and ``errors``
    while writing become one :class:`ArchiveError` line; the partial file never stays.
    """
    target = target.expanduser()
    if target.exists():
        raise ArchiveError(t("archive.backup_exists", path=target))
    if not target.parent.is_dir():
        raise ArchiveError(t("archive.backup_no_directory", path=target))
    partial = target.with_name(f".{target.name}.partial")
    with contextlib.suppress(OSError):
        partial.unlink()
    try:
        yield partial
        with open(partial, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(partial, target)
        sync_directory(target.parent)
    except errors as exc:
        raise ArchiveError(t("archive.backup_failed", path=target, reason=exc)) from None
    finally:
        with contextlib.suppress(OSError):
            partial.unlink()


def backup_to(conn: sqlite3.Connection, target: Path) -> None:
    """Copy the database behind ``conn`` to ``target`` (0600) with SQLite's backup API."""
    with new_backup(target, (OSError, sqlite3.Error)) as partial:
        os.close(os.open(partial, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600))
        copy = sqlite3.connect(str(partial))
        try:
            conn.backup(copy)
            copy.execute("PRAGMA journal_mode = DELETE")
        finally:
            copy.close()
