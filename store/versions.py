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
    "m020_topic_reports",
    "m021_open_item_followup",
    "m022_task_reschedules",
    "m023_meeting_series",
    "m024_confirmations",
    "m030_instants_in_utc",
    "m031_task_status_view",
    "m032_open_tasks_listed_from_the_index",
    "m033_search_index",
    "m034_search_topic_reports",
)
"""Every migration, in the order they apply."""
