"""Files the program writes for people (minutes, notices, agendas): whole, and private.

A file is written beside its target and renamed over it, so a reader never
sees half of one and a crash leaves the old file, not a torn one. Exports
hold meeting content, so a new file is readable by its owner only (0600,
like the archive); a file that already exists keeps the mode its owner gave
it. The temporary file goes on every way out, a Ctrl+C included.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

NEW_FILE_MODE = 0o600
TEMP_SUFFIX_LENGTH = 8
"""tempfile's random part, as ``mkstemp`` names our partial copies."""


def write_file(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` atomically and durably (file and directory
    synced before and after the rename). Raises OSError, having left nothing."""
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        mode = NEW_FILE_MODE
    _remove_leftovers(target)
    import tempfile  # here: every command loads this module, few write a file

    handle, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, mode)
        os.replace(temp, target)
        sync_directory(target.parent)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)


def _remove_leftovers(target: Path) -> None:
    """A write killed outright (SIGKILL, power cut) cannot clean up after itself: its
    hidden partial copy (``.minutes.md.k3j9x2a1``, our own naming) goes the next
    time the same file is written."""
    for leftover in target.parent.glob(f".{target.name}.*"):
        suffix = leftover.name[len(target.name) + 2 :]
        if len(suffix) == TEMP_SUFFIX_LENGTH and suffix.isalnum():
            with contextlib.suppress(OSError):
                leftover.unlink()


def sync_directory(directory: Path) -> None:
    """Make a rename in ``directory`` durable (where the system allows it)."""
    try:
        handle = os.open(directory, os.O_RDONLY)
    except OSError:
        return  # a system that cannot open directories: the rename is all we have
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)
