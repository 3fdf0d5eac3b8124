"""The one error every part of the store raises when the archive cannot be used."""

from __future__ import annotations


class ArchiveError(Exception):
    """The archive cannot be used; the message says why, for a person."""
