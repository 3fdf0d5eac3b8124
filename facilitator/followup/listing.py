"""The task list as rows: what ``facilitator tasks``, its CSV and iCalendar, and
``nb.tasks()`` show, one plain tuple per task.

A follow-up list may hold tens of thousands of tasks: the archive computes
each row's status (``store.tasklist``, the same rule as :func:`effective_status
<facilitator.followup.tasks.effective_status>`, in SQL) and streams the rows;
nothing here builds an object per task beyond the tuple itself.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from facilitator.followup.statuses import TASK_STATUSES

ALL = "all"
"""``--status all``: done tasks too, in the same list as the open ones."""
STATUS_FILTERS = (*TASK_STATUSES, ALL)
"""What ``--status`` and ``nb.tasks(status=...)`` take; without one, every task not done."""


class TaskRow(NamedTuple):
    """One task as listed: stored text, dates as ISO 8601, statuses as codes."""

    id: int
    meeting_id: int
    meeting: str
    topic: str
    """The title of the topic it was captured under ('' before the first topic)."""
    title: str
    owner: str
    department: str
    due: str | None
    """``YYYY-MM-DD``, or None."""
    status: str
    """As shown: ``delayed`` once past due (in the meeting's zone) and not done."""
    stored_status: str
    """As last set (``open`` until someone updates it): an overdue task in
    progress is ``doing`` here, ``delayed`` in :attr:`status`."""
    created_at: str | None
    """UTC ISO 8601, as ``updated_at``."""
    updated_at: str | None
    completed_at: str | None
    """When it was marked done, for a done task."""
    timezone: str
    """The meeting's zone: an IANA name or a fixed offset like ``+01:00``."""

    def record(self, status_label: str) -> dict[str, Any]:
        """The row as a notebook record or a CSV line: ids first, the status as its
        code and, apart, as words (``status_label``)."""
        return {
            "id": self.id,
            "meeting_id": self.meeting_id,
            "meeting": self.meeting,
            "topic": self.topic,
            "title": self.title,
            "owner": self.owner,
            "department": self.department,
            "due": self.due,
            "status": self.status,
            "status_label": status_label,
        }


RECORD_KEYS = (
    "id",
    "meeting_id",
    "meeting",
    "topic",
    "title",
    "owner",
    "department",
    "due",
    "status",
    "status_label",
)
"""The keys of :meth:`TaskRow.record`: the CSV's header row, in order."""


class OpenItemRow(NamedTuple):
    """One open item (未决事项) as listed, with its meeting and topic."""

    id: int
    meeting_id: int
    meeting: str
    topic: str
    text: str
    owner: str
    deadline: str | None
    """``YYYY-MM-DD``, or None."""
    recorded_at: str | None
    """When its meeting closed (UTC ISO 8601)."""

    def record(self) -> dict[str, Any]:
        """The row as a notebook record: ids first."""
        return {
            "id": self.id,
            "meeting_id": self.meeting_id,
            "meeting": self.meeting,
            "topic": self.topic,
            "text": self.text,
            "owner": self.owner,
            "deadline": self.deadline,
        }
