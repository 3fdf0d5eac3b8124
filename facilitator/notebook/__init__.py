"""The notebook API (a composition root): plan, read the archive, watch a meeting live.

``from facilitator.notebook import open_archive`` is the public entry point
(README, docs/notebook.ipynb); the rest of this package is its parts.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "AgendaPlan",
    "ArchiveError",
    "LiveView",
    "Meeting",
    "Notebook",
    "Notice",
    "RoomLaunch",
    "SeriesTrend",
    "SpeakingTime",
    "Table",
    "open_archive",
]


def __getattr__(name: str) -> Any:
    # Loaded when asked for: importing one part of the package (its cells, say)
    # need not load the archive and every renderer.
    if name in __all__:
        from facilitator.notebook import api

        return getattr(api, name)
    raise AttributeError(name)
