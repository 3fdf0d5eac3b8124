"""A task's statuses, the codes stored and shown (``open``, ``doing``, ``done``, ``delayed``).

Apart from the rules in ``facilitator.followup.tasks`` so that listing tasks
loads only these names.
"""

from __future__ import annotations

TASK_STATUSES = ("open", "doing", "done", "delayed")
SETTABLE_STATUSES = ("done", "doing", "delayed")
"""What a person sets (``facilitator task ID done``); ``open`` is how a task starts."""
