"""Follow-up after the meeting: task statuses, the weekly report, minutes due.

Pure rules over plain values; ``store.followup`` reads and writes the rows,
the CLI and the notebook show what these functions decide.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Protocol

from pendulum import Date, DateTime, Duration, duration

from facilitator.core.i18n import LANGUAGES, current_language, listed, t
from facilitator.core.zones import zone
from facilitator.followup.statuses import SETTABLE_STATUSES, TASK_STATUSES
from facilitator.render.times import format_date, format_datetime, zone_name_label

if TYPE_CHECKING:
    from facilitator.meeting.minutes import Minutes

# The reference workflow: minutes are sent within 24 hours of the close.
MINUTES_DUE_AFTER: Duration = duration(hours=24)
REPORT_PERIOD: Duration = duration(days=7)


@dataclass(frozen=True)
class TaskRecord:
    """A task as followed up across meetings (one row of the ``tasks`` table)."""

    id: int
    meeting_id: int
    meeting_title: str
    title: str
    owner: str
    department: str
    due: Date | None
    status: str  # as stored: open | doing | done | delayed
    created_at: DateTime
    updated_at: DateTime
    timezone: str = "UTC"
    """The meeting's zone: its dates (due, delayed) and times are read there."""

    def with_status(self, status: str) -> TaskRecord:
        """This task showing ``status`` (``dataclasses.replace`` is several times
        slower, and a follow-up list may mark tens of thousands as delayed)."""
        return TaskRecord(
            self.id,
            self.meeting_id,
            self.meeting_title,
            self.title,
            self.owner,
            self.department,
            self.due,
            status,
            self.created_at,
            self.updated_at,
            self.timezone,
        )


@dataclass(frozen=True)
class TaskUpdate:
    """One change to a task: its status, and its owner or due date when rescheduled.

    ``owner`` and ``due`` are set only when that update changed them
    (``previous_…`` then says what they were).
    """

    task_id: int
    at: DateTime
    previous: str
    status: str
    note: str = ""
    previous_owner: str = ""
    owner: str = ""
    previous_due: Date | None = None
    due: Date | None = None


def effective_status(task: TaskRecord, today: Date) -> str:
    """The status to show: a task past its due date and not done is delayed.

    ``today`` is the date in the task's meeting's zone (:func:`meeting_today`);
    the archive computes the same in SQL (``store.views``, the ``task_status`` view).
    """
    if task.status != "done" and task.due is not None and task.due < today:
        return "delayed"
    return task.status


class Held(Protocol):
    """A task or an open item: followed up in the zone of the meeting it came from."""

    @property
    def timezone(self) -> str: ...


def meeting_today(record: Held, now: DateTime) -> Date:
    """Today's date where the record's meeting was held: a due date or a deadline is
    a day there, whoever reads the list and wherever (the ``task_status`` view
    judges the same in SQL)."""
    return now.in_timezone(zone(record.timezone)).date()


def is_settable(status: str) -> bool:
    return status in SETTABLE_STATUSES


def parse_status(word: str, choices: Sequence[str] = TASK_STATUSES) -> str | None:
    """The status a person typed, in any case and either language: ``DONE``,
    ``完成``, ``In progress`` or ``进行中`` -> ``done``/``doing``; None if it is
    not one of ``choices``."""
    typed = word.strip().casefold()
    for status in choices:
        names = {status} | {t("status." + status, language=lang) for lang in LANGUAGES}
        if typed in {name.casefold() for name in names}:
            return status
    return None


def status_choices(choices: Sequence[str], language: str | None = None) -> str:
    """``done | doing | delayed``, with the words of the interface when not English."""
    lang = language or current_language()
    if lang == "en":
        return " | ".join(choices)
    return " | ".join(f"{t('status.' + s, language=lang)} ({s})" for s in choices)


def select_tasks(
    tasks: Iterable[TaskRecord],
    today: Date,
    *,
    owner: str | None = None,
    department: str | None = None,
    meeting_id: int | None = None,
    status: str | None = None,
) -> list[TaskRecord]:
    """Tasks matching the filters, with their effective status.

    Without ``status`` only tasks not done are kept (the follow-up list);
    ``owner`` and ``department`` match case-insensitively.
    """
    chosen = []
    for task in tasks:
        effective = effective_status(task, today)
        if status is None and effective == "done":
            continue
        if status is not None and effective != status:
            continue
        if owner and owner.casefold() != task.owner.casefold():
            continue
        if department and department.casefold() != task.department.casefold():
            continue
        if meeting_id is not None and task.meeting_id != meeting_id:
            continue
        chosen.append(task if effective == task.status else task.with_status(effective))
    return sorted(chosen, key=_due_order)


def _due_order(task: TaskRecord) -> tuple:
    # Undated tasks last: they cannot be late, but they should not be forgotten.
    return (task.due is None, task.due or Date(1, 1, 1), task.meeting_id, task.id)


def latest_notes(updates: Iterable[TaskUpdate]) -> dict[int, str]:
    """Each task's latest non-empty note, by task id (tasks without one are left out)."""
    return {u.task_id: u.note for u in sorted(updates, key=lambda u: u.at) if u.note}


def describe_task(
    task: TaskRecord,
    updates: Sequence[TaskUpdate],
    today: Date,
    language: str | None = None,
) -> list[str]:
    """A task as ``facilitator task ID`` shows it: what, who, when, where from,
    its status as of ``today``, then its history with the notes, oldest first."""

    def tr(key: str, **params: object) -> str:
        return t(key, language=language, **params)

    def labelled(label: str, value: str) -> str:
        return tr("minutes.labelled", label=tr(label), value=value)

    owner = (
        tr("minutes.person_in_department", name=task.owner, department=task.department)
        if task.department and task.department != task.owner
        else task.owner
    )
    lines = [
        tr("followup.task_heading", id=task.id, title=task.title),
        labelled("minutes.owner", owner or "-"),
        labelled("minutes.due", format_date(task.due, language) if task.due else "-"),
        labelled(
            "followup.meeting",
            tr("followup.from_meeting", title=task.meeting_title, id=task.meeting_id),
        ),
        labelled("minutes.status", tr("status." + effective_status(task, today))),
        tr("followup.history", zone=zone_name_label(task.timezone, language)),
        "  "
        + tr(
            "followup.history_created",
            at=format_datetime(task.created_at, language, task.timezone),
            status=tr("status.open"),
        ),
    ]
    for update in sorted(updates, key=lambda u: u.at):
        entry = tr(
            "followup.history_entry",
            at=format_datetime(update.at, language, task.timezone),
            previous=tr("status." + (update.previous or "open")),
            status=tr("status." + update.status),
        )
        if update.status == (update.previous or "open") and not update.owner and update.due is None:
            # A note and nothing else (the status given again, or none): not "Done → Done".
            entry = tr(
                "followup.history_changes",
                at=format_datetime(update.at, language, task.timezone),
                changes=tr("followup.noted"),
            )
        if update.owner or update.due is not None:
            # Rescheduled: say what moved, and the status only if it changed too.
            changes = reschedule_lines(update, language)
            if update.status != update.previous:
                changes.insert(
                    0,
                    tr(
                        "followup.changed_status",
                        previous=tr("status." + (update.previous or "open")),
                        now=tr("status." + update.status),
                    ),
                )
            entry = tr(
                "followup.history_changes",
                at=format_datetime(update.at, language, task.timezone),
                changes=tr("followup.change_sep").join(changes),
            )
        if update.note:
            entry = tr("followup.history_note", entry=entry, note=update.note)
        lines.append("  " + entry)
    return lines


def reschedule_lines(update: TaskUpdate, language: str | None = None) -> list[str]:
    """``due Fri 20 Mar → Fri 27 Mar``, ``owner Marta → Li``: what a reschedule moved."""
    lines = []
    if update.due is not None:
        before = format_date(update.previous_due, language) if update.previous_due else "-"
        lines.append(
            t(
                "followup.changed_due",
                language=language,
                previous=before,
                now=format_date(update.due, language),
            )
        )
    if update.owner:
        lines.append(
            t(
                "followup.changed_owner",
                language=language,
                previous=update.previous_owner or "-",
                now=update.owner,
            )
        )
    return lines


@dataclass(frozen=True)
class Finished:
    """When a task was done, against its due date: the weekly report's mark."""

    on: Date
    days_late: int
    """Calendar days after the due date in force (0: on time or early)."""
    first_due: Date | None
    """The due date it was first given, when rescheduled since (None if never moved)."""


def finished(task: TaskRecord, updates: Sequence[TaskUpdate], zone_name: str) -> Finished | None:
    """When ``task`` was last marked done (a day where the user is), and how late.

    Late is measured against the due date in force, the one agreed in the open
    (``task ID --due``); the first due date is kept to show that it moved.
    """
    own = sorted((u for u in updates if u.task_id == task.id), key=lambda u: u.at)
    done = [u for u in own if u.status == "done" and u.previous != "done"]
    if task.status != "done" or not done:
        return None
    day = done[-1].at.in_timezone(zone(zone_name)).date()
    late = (day - task.due).days if task.due is not None else 0
    moved = [u for u in own if u.due is not None]
    first = moved[0].previous_due if moved else None
    return Finished(day, max(0, late), first if first != task.due else None)


def finished_text(done: Finished, language: str | None = None) -> str:
    """``Mon 9 Mar 2026, 4 days late (first due Thu 26 Feb 2026)``, or just the date."""
    day = format_date(done.on, language)
    key = "followup.done_late_one" if done.days_late == 1 else "followup.done_late"
    text = t(key, language=language, date=day, days=done.days_late) if done.days_late else day
    if done.first_due is not None:
        first = format_date(done.first_due, language)
        text = t("followup.first_due", language=language, text=text, date=first)
    return text


def counts_as_export(to_file: bool, stdout_is_terminal: bool) -> bool:
    """Whether writing the minutes sends them out: a file (``-o``), or stdout piped
    or redirected somewhere. Minutes read on one's own terminal went nowhere, so
    the "never exported" reminder must keep reminding."""
    return to_file or not stdout_is_terminal


def minutes_overdue(closed_at: DateTime | None, exported: bool, now: DateTime) -> bool:
    """Minutes not exported although the meeting closed more than 24 hours ago."""
    return closed_at is not None and not exported and now - closed_at > MINUTES_DUE_AFTER


# More meetings than this to remind of make one line, not one each: an archive
# never exported from would otherwise bury the list the reminders follow.
REMINDED_ONE_BY_ONE = 3
REMINDED_IDS_LISTED = 10


def minutes_reminders(
    unexported: Iterable[tuple[int, str, DateTime | None]], now: DateTime
) -> list[str]:
    """The "never exported" reminders for the closed meetings in ``unexported``
    ((id, title, closed at), in the order to list them) that are overdue by
    :func:`minutes_overdue`: a line each, or one line for them all when many."""
    due = [(mid, title) for mid, title, closed in unexported if minutes_overdue(closed, False, now)]
    if len(due) <= REMINDED_ONE_BY_ONE:
        return [t("followup.minutes_overdue", title=title, id=mid) for mid, title in due]
    ids = listed(str(mid) for mid, _title in due[:REMINDED_IDS_LISTED])
    if len(due) > REMINDED_IDS_LISTED:
        ids = t("followup.ids_and_more", ids=ids)
    return [t("followup.minutes_overdue_many", count=len(due), ids=ids)]


@dataclass(frozen=True)
class WeeklyReport:
    """The weekly follow-up: what the coordinator reads and escalates."""

    since: DateTime
    until: DateTime
    done: tuple[TaskRecord, ...]
    doing: tuple[TaskRecord, ...]
    delayed: tuple[TaskRecord, ...]  # oldest due date first: escalate from the top
    new: tuple[TaskRecord, ...]
    waiting: tuple[TaskRecord, ...]  # open, not yet started, not late


def weekly_report(
    tasks: Sequence[TaskRecord], updates: Sequence[TaskUpdate], now: DateTime
) -> WeeklyReport:
    """The last seven days up to ``now``: done, in progress, delayed, new, waiting."""
    since = now - REPORT_PERIOD
    finished_this_week = {u.task_id for u in updates if u.status == "done" and since <= u.at <= now}
    shown = [
        replace(task, status=effective_status(task, meeting_today(task, now))) for task in tasks
    ]
    return WeeklyReport(
        since=since,
        until=now,
        done=tuple(t for t in shown if t.status == "done" and t.id in finished_this_week),
        doing=tuple(sorted((t for t in shown if t.status == "doing"), key=_due_order)),
        delayed=tuple(sorted((t for t in shown if t.status == "delayed"), key=_due_order)),
        new=tuple(t for t in shown if since <= t.created_at <= now),
        waiting=tuple(sorted((t for t in shown if t.status == "open"), key=_due_order)),
    )


def with_follow_up(minutes: Minutes, records: Sequence[TaskRecord], today: Date) -> Minutes:
    """The minutes with each task's archive id, its status as of ``today``, and its
    owner and due date as they stand (the history keeps what they were).

    The tasks table keeps the close-time order, so the n-th record belongs to
    the n-th task; a shorter list leaves the remaining tasks as they were.
    The id is the one ``facilitator task ID`` takes, never a row number.
    """
    tasks = tuple(
        replace(
            task,
            id=records[n].id,
            status=effective_status(records[n], today),
            # Rescheduled since (`task ID --due/--owner`): as it stands now.
            owner=records[n].owner,
            department=records[n].department,
            due=records[n].due,
        )
        if n < len(records)
        else task
        for n, task in enumerate(minutes.tasks)
    )
    return replace(minutes, tasks=tasks)
