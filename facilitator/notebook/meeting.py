"""One meeting of the archive, as notebook cells show it: agenda, minutes, tasks, speaking."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from facilitator.app.follower import POLL_SECONDS
from facilitator.core.i18n import current_language, set_language, t
from facilitator.core.zones import zone_of
from facilitator.meeting.balance import departments_in_room
from facilitator.meeting.minutes import Minutes
from facilitator.meeting.state import MeetingState
from facilitator.notebook.cells import (
    TOPIC_STATUSES,
    LiveView,
    Notice,
    RoomLaunch,
    SpeakingTime,
    Table,
    notice_for,
)
from facilitator.notebook.display import (
    agenda_columns,
    minutes_html,
    open_item_columns,
    task_columns,
)
from facilitator.notebook.live import entry_text
from store.archive import MeetingRow

if TYPE_CHECKING:
    from facilitator.notebook.api import Notebook


@contextmanager
def _speaking(language: str) -> Iterator[None]:
    """Render in ``language`` for a moment (the minutes in their meeting's language)."""
    before = current_language()
    set_language(language)
    try:
        yield
    finally:
        set_language(before)


class Meeting:
    """One meeting of the archive: its agenda, minutes, tasks and speaking time.

    Read fresh from the archive on every access, so a cell shows the meeting
    as it stands even while a terminal is running it.
    """

    def __init__(self, notebook: Notebook, row: MeetingRow) -> None:
        self.notebook = notebook
        self.row = row

    @property
    def id(self) -> int:
        return self.row.id

    @property
    def title(self) -> str:
        return self.row.title

    @property
    def key(self) -> str:
        return self.row.key

    @property
    def is_closed(self) -> bool:
        return self.state.is_closed

    @property
    def state(self) -> MeetingState:
        return self.notebook.archive.state(self.id)

    @property
    def agenda(self) -> Table:
        """Topics with planned, extra and actual minutes, and how each went."""
        state = self.state
        now = state.closed_at or self.notebook.clock.now()
        records = []
        for position, topic_state in enumerate(state.topics_in_order(), start=1):
            topic = topic_state.topic
            records.append(
                {
                    "position": position,
                    "title": topic.title,
                    "owner": topic.owner,
                    "planned_minutes": topic.minutes,
                    "extra_minutes": topic_state.extra_minutes,
                    "actual_minutes": round(topic_state.elapsed(now) / 60, 1),
                    # The stable code (pending, running, paused, done, skipped); shown in words.
                    "status": topic_state.status,
                }
            )
        return Table(tuple(agenda_columns()), tuple(records), state.agenda.title, TOPIC_STATUSES)

    def minutes(self) -> Minutes:
        """The minutes: as closed, or as they would be if it closed now."""
        state = self.state
        if state.is_closed:
            # With each task's and open item's id and status as followed up since.
            from store.followup import followed_minutes

            return followed_minutes(self.notebook.archive, self.id, self.notebook.clock.now())
        from facilitator.meeting.minutes import build_minutes

        return build_minutes(state, self.notebook.clock.now())

    @property
    def decisions(self) -> Table:
        minutes = self.minutes()
        return Table(
            (("topic", t("notebook.topic")), ("text", t("minutes.decisions"))),
            tuple(
                {"meeting_id": self.id, "topic": topic, "text": text}
                for topic, text in minutes.decisions
            ),
            t("minutes.decisions"),
        )

    @property
    def entries(self) -> Table:
        """Everything captured, in order, as it stands (edits and retractions applied)."""
        state = self.state
        records = tuple(
            {
                "number": captured.number,
                "kind": captured.entry.kind,
                "topic": state.topic_title(captured.entry.topic),
                "text": entry_text(captured.entry),
                "at": captured.at.in_timezone(zone_of(state.agenda.start)).isoformat(),
            }
            for captured in state.entries
        )
        columns = (
            ("number", "#"),
            ("kind", t("notebook.kind")),
            ("topic", t("notebook.topic")),
            ("text", t("notebook.text")),
            ("at", t("minutes.time")),
        )
        return Table(columns, records, state.agenda.title)

    @property
    def tasks(self) -> Table:
        """The meeting's tasks, done ones too; once closed, with their ids and
        tracked status from the archive (as ``facilitator tasks --status all``)."""
        if self.is_closed:
            return self.notebook.tasks(status="all", meeting=self.id)
        minutes = self.minutes()
        records = tuple(
            {
                "id": None,  # given at the close
                "meeting_id": self.id,
                "meeting": self.title,
                "topic": minutes.topic_title(task.topic),
                "title": task.title,
                "owner": task.owner,
                "department": task.department,
                "due": task.due.isoformat() if task.due else None,
                "status": task.status,
                "status_label": t("status." + task.status),
            }
            for task in minutes.tasks
        )
        return Table(tuple(task_columns()), records, t("minutes.tasks"))

    @property
    def open_items(self) -> Table:
        """The meeting's open items; once closed, with their id and followed-up status."""
        if self.is_closed:
            return self.notebook.open_items(meeting=self.id)
        minutes = self.minutes()
        records = tuple(
            {
                "id": None,  # given at the close
                "meeting_id": self.id,
                "meeting": self.title,
                "text": item.text,
                "owner": item.owner,
                "deadline": item.deadline.isoformat() if item.deadline else None,
                "topic": minutes.topic_title(item.topic),
            }
            for item in minutes.open_items
        )
        return Table(tuple(open_item_columns()), records, t("minutes.open_items"))

    @property
    def speaking(self) -> SpeakingTime:
        minutes = self.minutes()
        lines = tuple(
            {
                "meeting_id": self.id,
                "meeting": self.title,
                "topic": minutes.topic_title(line.topic),
                "person": line.person,
                "department": line.department,
                "seconds": line.seconds,
            }
            for line in minutes.speaking
        )
        # Everyone present is on both charts, at 0 if they never spoke.
        present = minutes.present
        departments = departments_in_room(((a.name, a.department) for a in present), ())
        return SpeakingTime(lines, departments, tuple(a.name for a in present))

    def brief(self, absentee: str | None = None) -> Notice:
        """What each absentee's briefer passes on (``facilitator brief``), or one
        absentee's: the Markdown as text, the same as HTML in a cell."""
        from facilitator.export.brief import brief_html_body, render_brief
        from facilitator.followup.briefs import briefs

        minutes = self.minutes()
        found = briefs(minutes, absentee)
        html = "".join(brief_html_body(minutes, found))
        return Notice(render_brief(minutes, found), f'<div style="max-width:60em">{html}</div>')

    def notice(self) -> Notice:
        """The meeting notice (see :func:`notice_for`)."""
        return notice_for(self.state.agenda)

    def now(self) -> LiveView:
        """The meeting as the room's screen shows it right now."""
        return LiveView(self.state, self.notebook.clock.now())

    def follow(self, duration: float = 60.0, interval: float = POLL_SECONDS) -> None:
        """Show this meeting live while the cell runs (see :meth:`Notebook.follow`)."""
        self.notebook.follow(self.id, duration=duration, interval=interval)

    def open_room(self, tmux: bool = True, session: str | None = None) -> RoomLaunch:
        """Open the room on this meeting in a terminal (see :meth:`Notebook.open_room`).

        A closed meeting is refused (:class:`ArchiveError`): the room would not open it.
        """
        return self.notebook.open_room(self.id, tmux=tmux, session=session)

    def to_dict(self) -> dict[str, Any]:
        """Everything about the meeting as plain lists and dicts."""
        return {
            "id": self.id,
            "key": self.key,
            "title": self.title,
            "status": "closed" if self.is_closed else "open",
            "agenda": self.agenda.to_records(),
            "decisions": self.decisions.to_records(),
            "open_items": self.open_items.to_records(),
            "tasks": self.tasks.to_records(),
            "speaking": self.speaking.to_records(),
        }

    def _repr_html_(self) -> str:
        minutes = self.minutes()
        # The minutes in the meeting's language, as `facilitator minutes` writes them.
        with _speaking(minutes.agenda.language):
            tasks = self.tasks._shown() if self.is_closed else None
            banner = "" if self.is_closed else t("notebook.not_closed_yet")
            return minutes_html(minutes, tasks, banner)

    def __repr__(self) -> str:
        status = t("notebook.closed") if self.is_closed else t("notebook.open")
        return f"<Meeting {self.id}: {self.title} ({status})>"


class MeetingList(Table):
    """The archive's meetings as a table; ``Notebook.meeting(id)`` selects one."""
