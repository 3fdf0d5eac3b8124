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
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from facilitator.app.follower import POLL_SECONDS, Follower
from facilitator.core.clock import Clock, SystemClock
from facilitator.core.i18n import language_from_environment, set_language, t
from facilitator.meeting.agenda import Agenda
from facilitator.notebook.cells import (
    MEETING_STATUSES,
    LiveView,
    Notice,
    RoomLaunch,
    SpeakingTime,
    Table,
    show_in_notebook,
)
from facilitator.notebook.display import (
    open_item_columns,
    task_columns,
)
from facilitator.notebook.meeting import Meeting, MeetingList
from facilitator.notebook.plan import AgendaPlan
from store.archive import Archive
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

    ``path`` is a file, or the organisation's server as a URL
    (``postgresql://host/facilitator``). A missing file (or a database with
    no archive in it) is an error (:class:`FileNotFoundError`,
    :class:`ArchiveError`): a typo must not quietly start an empty archive,
    unless ``create=True``. Tables and charts speak ``language`` (else
    ``FACILITATOR_LANG``, else the locale, as the commands do); minutes
    speak their meeting's language.
    """
    from facilitator.app.settings import location_of

    if path is None:
        from facilitator.app.settings import default_archive_path

        path = os.environ.get("FACILITATOR_DB") or default_archive_path()
    set_language(language_from_environment(language))
    location = location_of(path)
    if isinstance(location, Path):
        if not create and not location.exists():
            raise FileNotFoundError(t("notebook.no_archive", path=location))
        if create and not location.exists():
            Archive.open(location).close()  # a new archive, with its tables
    elif create:
        Archive.open(location).close()  # the tables, in an empty database
    # Reading never writes: the notebook reads through a connection the engine
    # forbids to write; planning a meeting opens a writer for that moment.
    return Notebook(
        Archive.open(location, read_only=True, live=True, create=False), clock or SystemClock()
    )


# -- the archive -----------------------------------------------------------------------------


@dataclass
class Notebook:
    """An open archive, seen from a notebook."""

    archive: Archive
    clock: Clock = field(default_factory=SystemClock)

    @property
    def path(self) -> Path | str:
        """The archive's file, or its server's URL."""
        return self.archive.location

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
        return MeetingList(columns, records, self.archive.shown, MEETING_STATUSES)

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
            with Archive.open(self.path, create=False) as writer:
                journal = writer.create_meeting(value, self.clock.now())
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
        from store.queries import open_items

        columns = (("meeting", t("notebook.meeting")), *open_item_columns())
        return Table(columns, tuple(open_items(self.archive)), t("minutes.open_items"))

    def speaking(self) -> SpeakingTime:
        """Speaking time over every closed meeting; everyone who attended, silent ones at 0."""
        from store.queries import attendees, speaking_lines

        present = attendees(self.archive)
        return SpeakingTime(
            tuple(speaking_lines(self.archive)),
            tuple(dict.fromkeys(p["department"] for p in present)),
            tuple(dict.fromkeys(p["name"] for p in present)),
        )

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
        reader = self.archive.followed(row.id)
        follower = Follower(reader, self.clock, reader.version)
        show = display or show_in_notebook
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
        # A server's password stays out of the command (and the notebook's output):
        # the room finds it where libpq looks (~/.pgpass, PGPASSWORD).
        where = str(self.path.resolve()) if isinstance(self.path, Path) else self.archive.shown
        return (*program, "--db", where, "open", str(row.id))

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
        return f"<Notebook {self.archive.shown}: {len(self.archive.meetings())} meetings>"
