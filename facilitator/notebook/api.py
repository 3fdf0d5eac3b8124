"""The notebook API: plan meetings, read the archive, watch a meeting live.

A composition root (like ``facilitator.cli.main``): it wires the domain to the
archive. Everything a cell returns shows itself as HTML in Jupyter
(``_repr_html_``) and as plain text in a console (``__repr__``), and turns
into plain records for pandas (``.to_records()``)::

    from facilitator.notebook import open_archive
    nb = open_archive("team.db")
    nb.meetings()                       # every meeting, as a table
    m = nb.meeting("launch")            # by id, key or part of the title
    m                                   # its minutes
    m.tasks, m.open_items, m.speaking   # tables and a bar chart
    import pandas as pd; pd.DataFrame(nb.tasks().to_records())
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from facilitator.app.follower import POLL_SECONDS, Follower
from facilitator.core.clock import Clock, SystemClock
from facilitator.core.i18n import current_language, language_from_environment, set_language, t
from facilitator.meeting.agenda import Agenda
from facilitator.meeting.minutes import Minutes
from facilitator.meeting.state import MeetingState
from facilitator.notebook.cells import (
    MEETING_STATUSES,
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
    entry_text,
    minutes_html,
    open_item_columns,
    task_columns,
)
from facilitator.notebook.plan import AgendaPlan
from store.archive import Archive, MeetingRow
from store.errors import ArchiveError

__all__ = [
    "AgendaPlan",
    "ArchiveError",
    "LiveView",
    "Meeting",
    "Notebook",
    "Notice",
    "RoomLaunch",
    "SpeakingTime",
    "Table",
    "open_archive",
]


TASK_STATUSES = ("open", "doing", "done", "delayed")
"""The statuses a task can be followed up as (``nb.tasks(status=...)``)."""


def open_archive(
    path: str | Path | None = None,
    *,
    clock: Clock | None = None,
    language: str | None = None,
    create: bool = False,
) -> Notebook:
    """Open the archive at ``path`` (else ``FACILITATOR_DB``, else the user's default).

    A missing file is :class:`FileNotFoundError` (a typo must not quietly
    start an empty archive) unless ``create=True``. Tables and charts speak
    ``language`` (else ``FACILITATOR_LANG``, else the locale, as the
    commands do); minutes speak their meeting's language.
    """
    if path is None:
        from facilitator.app.settings import default_archive_path

        path = os.environ.get("FACILITATOR_DB") or default_archive_path()
    set_language(language_from_environment(language))
    path = Path(path).expanduser()
    if not create and not path.exists():
        raise FileNotFoundError(t("notebook.no_archive", path=path))
    return Notebook(Archive.open(path), clock or SystemClock())


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
            return self.notebook.archive.minutes(self.id)
        from facilitator.meeting.minutes import build_minutes

        return build_minutes(state, self.notebook.clock.now())

    @property
    def decisions(self) -> Table:
        minutes = self.minutes()
        return Table(
            (("topic", t("notebook.topic")), ("text", t("minutes.decisions"))),
            tuple({"topic": topic, "text": text} for topic, text in minutes.decisions),
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
                "topic": (state.agenda.topic(captured.entry.topic).title)
                if captured.entry.topic and state.agenda.topic(captured.entry.topic)
                else "",
                "text": entry_text(captured.entry),
                "at": captured.at.in_timezone(state.agenda.timezone).isoformat(),
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
        """The meeting's tasks; once closed, with their tracked status from the archive."""
        if self.is_closed:
            return self.notebook.tasks(meeting=self.id)
        minutes = self.minutes()
        records = tuple(
            {
                "title": task.title,
                "owner": task.owner,
                "department": task.department,
                "due": task.due.isoformat() if task.due else None,
                "status": task.status,
            }
            for task in minutes.tasks
        )
        return Table(tuple(task_columns()), records, t("minutes.tasks"))

    @property
    def open_items(self) -> Table:
        minutes = self.minutes()
        records = tuple(
            {
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
        departments = tuple(dict.fromkeys(a.department for a in present))
        return SpeakingTime(lines, departments, tuple(a.name for a in present))

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


# -- the archive -----------------------------------------------------------------------------


@dataclass
class Notebook:
    """An open archive, seen from a notebook."""

    archive: Archive
    clock: Clock = field(default_factory=SystemClock)

    @property
    def path(self) -> Path:
        return self.archive.path

    def close(self) -> None:
        self.archive.close()

    def __enter__(self) -> Notebook:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # meetings

    def meetings(self) -> MeetingList:
        rows = self.archive.meetings()
        records = tuple(
            {
                "id": m.id,
                "title": m.title,
                "start": m.start,
                "status": m.status,
                "closed_at": m.closed_at,
                "key": m.key,
            }
            for m in rows
        )
        columns = (
            ("id", "#"),
            ("title", t("notebook.meeting")),
            ("start", t("minutes.time")),
            ("status", t("minutes.status")),
            ("closed_at", t("notebook.closed_at")),
        )
        return MeetingList(columns, records, str(self.path), MEETING_STATUSES)

    def meeting(self, reference: str | int | None = None, closed: bool | None = None) -> Meeting:
        """A meeting by id, key or part of its title.

        Without one: the meeting in progress, else the one closed last, else
        the planned one due next (:func:`facilitator.app.selection.default_meeting`).
        ``closed=True`` picks among closed meetings only, ``False`` among open ones.
        """
        row = self.archive.find(
            None if reference is None else str(reference), closed=closed, now=self.clock.now()
        )
        return Meeting(self, row)

    # planning

    def load_agenda(self, path: str | Path) -> AgendaPlan:
        """Read an agenda file; problems are listed, not raised (see ``.check()``)."""
        return AgendaPlan.from_file(path, self.clock.now())

    def agenda(
        self,
        title: str,
        start: datetime | str,
        end: datetime | str,
        people: Iterable[Mapping[str, Any] | Sequence[str]],
        topics: Iterable[Mapping[str, Any] | Sequence[Any]],
        **meeting: Any,
    ) -> AgendaPlan:
        """Build an agenda in code, checked by the same rules as a file.

        ``people`` as ``("Ana", "Ops", "host")`` or dicts; ``topics`` as
        ``("Release checklist", "Ana", 20)`` or dicts; other ``[meeting]``
        fields (goal, place, kind, language...) as keywords.
        """
        return AgendaPlan.from_code(
            title, start, end, people, topics, now=self.clock.now(), **meeting
        )

    def plan(self, agenda: AgendaPlan | Agenda) -> Meeting:
        """Put the meeting in the archive, ready for the room (the same one if planned before).

        The same title and start as a meeting already held and closed is
        refused (:class:`ArchiveError`), as ``facilitator run`` refuses it:
        the room would not reopen it, and the new topics would be lost.
        """
        value = agenda.require() if isinstance(agenda, AgendaPlan) else agenda
        existing = self.archive.find_by_key(value.key)
        if existing is not None and existing.is_closed:
            raise ArchiveError(t("cli.meeting_closed", title=value.title, id=existing.id))
        if existing is None:
            journal = self.archive.create_meeting(value, self.clock.now())
            existing = self.archive.find(str(journal.meeting_id))
        return Meeting(self, existing)

    # across meetings

    def tasks(self, status: str | None = None, meeting: int | None = None) -> Table:
        """Tasks of every closed meeting (or one), as followed up since.

        ``status`` is the one people see: a task past its due date and not
        done reads ``delayed`` (``facilitator.followup.tasks.effective_status``).
        """
        from facilitator.followup.tasks import effective_status
        from store.followup import tasks as stored_tasks

        if status is not None:
            # "Open" or "DELAYED" mean what they say; "bogus" must not read as "no tasks".
            if str(status).casefold() not in TASK_STATUSES:
                valid = ", ".join(TASK_STATUSES)
                raise ValueError(t("notebook.bad_status", status=status, valid=valid))
            status = str(status).casefold()
        today = self.clock.now().date()
        records = []
        for task in stored_tasks(self.archive, meeting):
            shown = effective_status(task, today)
            if status is not None and shown != status:
                continue
            record: dict[str, Any] = {"meeting": task.meeting_title} if meeting is None else {}
            record |= {
                "title": task.title,
                "owner": task.owner,
                "department": task.department,
                "due": task.due.isoformat() if task.due else None,
                "status": shown,
            }
            records.append(record)
        records.sort(key=lambda r: (r["due"] is None, r["due"] or ""))
        columns = tuple(task_columns(with_meeting=meeting is None))
        return Table(columns, tuple(records), t("minutes.tasks"))

    def open_items(self) -> Table:
        """Unresolved items of every closed meeting."""
        sql = (
            "SELECT m.title AS meeting, o.text, o.owner, o.deadline, "
            "COALESCE(tp.title, '') AS topic "
            "FROM open_items o JOIN meetings m ON m.id = o.meeting_id "
            "LEFT JOIN topics tp ON tp.id = o.topic_id "
            "ORDER BY o.deadline IS NULL, o.deadline, o.id"
        )
        columns = (("meeting", t("notebook.meeting")), *open_item_columns())
        return Table(columns, tuple(self._query(sql, [])), t("minutes.open_items"))

    def speaking(self) -> SpeakingTime:
        """Speaking time over every closed meeting; everyone who attended, silent ones at 0."""
        sql = (
            "SELECT m.title AS meeting, COALESCE(tp.title, '') AS topic, s.person, s.department, "
            "s.seconds FROM speaking s JOIN meetings m ON m.id = s.meeting_id "
            "LEFT JOIN topics tp ON tp.id = s.topic_id ORDER BY s.id"
        )
        present = self._query(
            "SELECT name, department FROM attendance WHERE status != 'absent' ORDER BY id", []
        )
        return SpeakingTime(
            tuple(self._query(sql, [])),
            tuple(dict.fromkeys(p["department"] for p in present)),
            tuple(dict.fromkeys(p["name"] for p in present)),
        )

    def _query(self, sql: str, params: Sequence[Any]) -> list[dict[str, Any]]:
        cursor = self.archive.conn.execute(sql, params)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    # live

    def follow(
        self,
        meeting: str | int | None = None,
        duration: float = 60.0,
        interval: float = POLL_SECONDS,
        display: Callable[..., Any] | None = None,
    ) -> None:
        """Show a meeting that a terminal is running, refreshed while the cell runs.

        The cell's output is updated in place (``display_id``) from the
        journal, polled every ``interval`` seconds; it stops after ``duration``
        seconds, when the meeting closes, or on interrupt (the stop button).
        It reads the journal only: the notebook never writes to a meeting it
        follows. ``meeting.now()`` gives a single snapshot instead.
        """
        reference = None if meeting is None else str(meeting)
        row = self.archive.find(
            reference, closed=None if reference else False, now=self.clock.now()
        )
        follower = Follower(self.archive.journal(row.id), self.clock, self.archive.data_version)
        show = display or _display
        view = LiveView(follower.state, self.clock.now())
        handle = show(view, display_id=True)
        deadline = time.monotonic() + duration
        drawn = time.monotonic()
        try:
            while time.monotonic() < deadline and not follower.state.is_closed:
                time.sleep(interval)
                changed = follower.poll()
                # Redraw on news, and every second for the countdown.
                if changed or time.monotonic() - drawn >= 1.0:
                    view = LiveView(follower.state, self.clock.now())
                    if handle is not None:
                        handle.update(view)
                    drawn = time.monotonic()
        except KeyboardInterrupt:
            pass
        if handle is not None:
            handle.update(LiveView(follower.state, self.clock.now()))

    def room_command(self, meeting: str | int) -> tuple[str, ...]:
        """The command that opens the room on ``meeting`` in a terminal."""
        row = self.archive.find(str(meeting))
        script = Path(sys.executable).parent / "facilitator"
        program = [str(script)] if script.exists() else [sys.executable, "-m", "facilitator"]
        return (*program, "--db", str(self.path.resolve()), "open", str(row.id))

    def open_room(
        self, meeting: str | int, tmux: bool = True, session: str | None = None
    ) -> RoomLaunch:
        """Open the room in a new tmux window (or session); else return the command to run.

        Inside tmux the room gets a new window of the current session;
        otherwise a detached session (``session``, default
        ``facilitator-<id>``), or a new window of it if it already exists.
        """
        row = self.archive.find(str(meeting))
        if row.is_closed:
            raise ArchiveError(t("notebook.room_closed", title=row.title, id=row.id))
        command = self.room_command(meeting)
        if not tmux:
            return RoomLaunch(command, without_tmux="asked")
        if shutil.which("tmux") is None:
            return RoomLaunch(command, without_tmux="missing")
        shell = shlex.join(command)
        where = ["-P", "-F", "#{session_name}:#{window_index}"]
        name = session or f"facilitator-{row.id}"
        inside = bool(os.environ.get("TMUX")) and session is None
        if inside:
            attempts = [["tmux", "new-window", *where, "-n", f"meeting-{row.id}", shell]]
        else:
            attempts = [
                ["tmux", "new-session", "-d", *where, "-s", name, "-x", "120", "-y", "36", shell],
                ["tmux", "new-window", *where, "-t", f"{name}:", shell],
            ]
        said = ""
        for args in attempts:
            result = subprocess.run(args, capture_output=True, text=True, check=False)
            if result.returncode == 0:
                return RoomLaunch(command, result.stdout.strip() or name, inside_tmux=inside)
            said = result.stderr.strip() or said
        return RoomLaunch(command, without_tmux="failed", reason=said)

    def _repr_html_(self) -> str:
        # The table's caption names the archive: once is enough.
        return self.meetings()._repr_html_()

    def __repr__(self) -> str:
        return f"<Notebook {self.path}: {len(self.archive.meetings())} meetings>"


class _PrintHandle:
    """Outside IPython: print each update instead of replacing it in place."""

    def update(self, value: object) -> None:
        print(repr(value))


def _display(value: object, display_id: bool = False) -> Any:
    try:
        from IPython.display import display
    except ImportError:
        print(repr(value))
        return _PrintHandle()
    return display(value, display_id=display_id)
