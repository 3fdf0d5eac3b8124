"""The archive's migrations by name: what opening an archive checks, cheaply.

Kept apart from ``store.schema`` (the migrations' SQL) so that opening an
up-to-date archive, as the room does at every start, loads none of it.
``store.schema`` refuses to import if this list and its migrations ever
disagree.
"""

from __future__ import annotations

MIGRATION_SET = "facilitator"

KNOWN = (
    "m001_journal_and_minutes",
    "m002_task_updates",
    "m003_exports",
    "m004_retrospectives",
    "m010_open_tasks_index",
)
"""Every migration, in the order they apply."""
