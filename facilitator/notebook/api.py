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
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from facilitator.app.follower import POLL_SECONDS
from facilitator.core.clock import Clock, SystemClock
from facilitator.core.i18n import language_from_environment, set_language, t
from facilitator.meeting.agenda import Agenda
from facilitator.notebook.cells import (
    ITEM_STATUSES_PREFIX,
    MEETING_STATUSES,
    LiveView,
    Notice,
    RoomLaunch,
    SearchResults,
    SpeakingTime,
    Table,
)
from facilitator.notebook.display import (
    open_item_columns,
    task_columns,
)
from facilitator.notebook.meeting import Meeting, MeetingList
from facilitator.notebook.plan import AgendaPlan
from facilitator.notebook.search import local_instant
from facilitator.notebook.trend import SeriesTrend
from facilitator.notebook.watch import follow_in_cell, open_in_tmux, room_command
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
    "SearchResults",
    "SeriesTrend",
    "SpeakingTime",
    "Table",
    "open_archive",
]


TASK_STATUSES = ("open", "doing", "done", "delayed")
"""The statuses a task can be followed up as (``nb.tasks(status=...)``)."""
STATUS_FILTERS = (*TASK_STATUSES, "all")
"""What ``nb.tasks(status=...)`` takes, as ``facilitator tasks --status`` does."""


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
        # The archive keeps instants in UTC; a meeting reads in its own zone.
        records = tuple(
            {
                "id": m.id,
                "title": m.title,
                "start": m.local_start.isoformat(),
                "status": m.status,
                "closed_at": local_instant(m.closed_at, m.timezone),
                "key": m.key,
                "timezone": m.timezone,
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

        By default the tasks not done, as ``facilitator tasks`` lists them;
        ``status="all"`` for every task, or one status. ``status`` is the one
        people see: a task past its due date (in its meeting's zone) and not
        done reads ``delayed``. Each record has the task's ``id`` (the one
        ``facilitator task ID`` takes) and ``meeting_id``, the status as its
        code and, apart, as words (``status_label``).
        """
        from store.tasklist import task_rows

        if status is not None:
            # "Open" or "DELAYED" mean what they say; "bogus" must not read as "no tasks".
            if str(status).casefold() not in STATUS_FILTERS:
                valid = ", ".join(STATUS_FILTERS)
                raise ValueError(t("notebook.bad_status", status=status, valid=valid))
            status = str(status).casefold()
        labels = {code: t("status." + code) for code in TASK_STATUSES}
        rows = task_rows(self.archive, self.clock.now(), status=status, meeting_id=meeting)
        records = tuple(row.record(labels.get(row.status, row.status)) for row in rows)
        columns = tuple(task_columns(with_meeting=meeting is None))
        return Table(columns, records, t("minutes.tasks"))

    def open_items(self, status: str | None = None, meeting: int | None = None) -> Table:
        """Open items (未决事项) of every closed meeting (or one), as followed up since,
        the nearest deadline first.

        ``status`` is the one people see (``open``, ``overdue``, ``resolved``,
        ``dropped``): an open item past its deadline reads ``overdue``
        (``facilitator.followup.items.item_status_now``). Without it, the items
        not settled, as ``facilitator items`` lists them; ``all`` lists every one.
        Each record has the ``id`` that ``facilitator item ID`` takes.
        """
        from facilitator.followup.items import ITEM_STATUS_FILTERS, select_items
        from store.items import items

        if status is not None:
            if str(status).casefold() not in ITEM_STATUS_FILTERS:
                valid = ", ".join(ITEM_STATUS_FILTERS)
                raise ValueError(t("notebook.bad_status", status=status, valid=valid))
            status = str(status).casefold()
        records = []
        # The CLI's rule and order (``facilitator items``): deadline first.
        for item in select_items(items(self.archive, meeting), self.clock.now(), status=status):
            record: dict[str, Any] = {"id": item.id, "meeting_id": item.meeting_id}
            record |= {"meeting": item.meeting_title} if meeting is None else {}
            record |= {
                "text": item.text,
                "owner": item.owner,
                "department": item.department,
                "deadline": item.deadline.isoformat() if item.deadline else None,
                "status": item.status,
                "topic": item.topic,
            }
            records.append(record)
        columns = (
            *((("meeting", t("notebook.meeting")),) if meeting is None else ()),
            *open_item_columns(with_status=True),
        )
        return Table(columns, tuple(records), t("minutes.open_items"), ITEM_STATUSES_PREFIX)

    def series(self, name: str) -> SeriesTrend:
        """Trends across the closed meetings of a series (``facilitator metrics --series``):
        planned vs actual minutes, overruns, decisions per hour, rating, open items
        opened and settled; drawn as a chart above the table.

        An unknown series is :class:`ArchiveError` naming the series there are.
        """
        from facilitator.followup.series import series_trend
        from store.series import held_meetings, series_names

        held = held_meetings(self.archive, name)
        if not held:
            names = "; ".join(series_names(self.archive)) or "-"
            raise ArchiveError(t("metrics.no_series", name=name, names=names))
        return SeriesTrend(name, tuple(series_trend(held)))

    def search(
        self, text: str, meeting: str | int | None = None, kind: str | Sequence[str] = ()
    ) -> SearchResults:
        """Entries of every meeting holding every word of ``text``, as
        ``facilitator search`` finds them: points, decisions, disputes, open
        items and tasks, Chinese too (``nb.search("预算")``). ``meeting``: only
        that one (id, key or part of the title); ``kind``: one kind or several
        (``"decision"``, ``["task", "open_item"]``). Newest meeting first; each
        record has the entry's ``id`` in its own table and its ``meeting_id``.
        """
        from facilitator.notebook.search import search_results

        meeting_id = None if meeting is None else self.archive.find(str(meeting)).id
        kinds = [kind] if isinstance(kind, str) else list(kind)
        return search_results(self.archive, text, meeting_id, kinds)

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
        follow_in_cell(self.archive, row.id, self.clock, duration, interval, display)

    def room_command(self, meeting: str | int) -> tuple[str, ...]:
        """The command that opens the room on ``meeting`` in a terminal."""
        # A server's password stays out of the command (and the notebook's output):
        # the room finds it where libpq looks (~/.pgpass, PGPASSWORD).
        where = str(self.path.resolve()) if isinstance(self.path, Path) else self.archive.shown
        return room_command(where, self.archive.find(str(meeting)).id)

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
        return open_in_tmux(self.room_command(row.id), row.id, tmux, session)

    def _repr_html_(self) -> str:
        # The table's caption names the archive: once is enough.
        return self.meetings()._repr_html_()

    def __repr__(self) -> str:
        return f"<Notebook {self.archive.shown}: {len(self.archive.meetings())} meetings>"
