"""A fault nobody foresaw: the details in a private file, one line for the person.

A traceback on the terminal shows local values (typed text among them) and
tells a user nothing they can act on; the same details in a file (0600, in
the user's state directory) are what a bug report needs.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from facilitator.app.files import write_file


def crash_report(details: str) -> Path | None:
    """Write ``details`` to a new crash file and return its path (None if it
    could not be written: the one line then says so)."""
    from platformdirs import user_state_path

    where = user_state_path("facilitator", appauthor=False)
    report = where / f"crash-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}.log"
    try:
        where.mkdir(parents=True, exist_ok=True)
        write_file(report, details.encode("utf-8", "replace"))
    except OSError:
        return None
    return report
