"""Open items (未决事项) followed like tasks: statuses, overdue, history, the report.

An open item is what the room could not settle: someone owes an answer by a
deadline. It stays open, across meetings, until someone settles it
(``resolved``) or the room gives it up (``dropped``). Pure rules over plain
values; ``store.items`` reads and writes the rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from pendulum import Date, DateTime

from facilitator.core.i18n import LANGUAGES, current_language, t
from facilitator.followup.tasks import meeting_today
from facilitator.meeting.minutes import Minutes
from facilitator.render.times import format_date, format_datetime, zone_name_label

ITEM_STATUSES = ("open", "overdue", "resolved", "dropped")
"""What an item shows as: ``overdue`` is an open item past its deadline."""
SETTABLE_ITEM_STATUSES = ("resolved", "open", "dropped")
SETTLED = ("resolved", "dropped")
"""An item in one of these no longer needs chasing, nor carrying to the next meeting."""
ALL_ITEMS = "all"
"""``--status all``: settled items too, in the same list as the open ones."""
ITEM_STATUS_FILTERS = (*ITEM_STATUSES, ALL_ITEMS)
"""What ``items --status`` and ``nb.open_items(status=...)`` take; without one,
every item not settled."""


@dataclass(frozen=True)
class ItemRecord:
    """An open item as followed up across meetings (one row of ``open_items``)."""

    id: int
    meeting_id: int
    meeting_title: str
    text: str
    owner: str
    department: str
    deadline: Date | None
    status: str  # as stored: open | resolved | dropped
    created_at: DateTime
    updated_at: DateTime
    topic: str = ""
    """The title of the topic it was raised under ("" before the first topic)."""
    timezone: str = "UTC"
    """The meeting's zone: the times of its history are read there."""

    @property
    def settled(self) -> bool:
        return self.status in SETTLED


@dataclass(frozen=True)
class ItemUpdate:
    """One change to an item: its status, its owner or its deadline, with a note.

    ``owner`` and ``deadline`` are set only when that update changed them
    (``previous_…`` then says what they were).
    """

    item_id: int
    at: DateTime
    previous: str
    status: str
    note: str = ""
    previous_owner: str = ""
    owner: str = ""
    previous_deadline: Date | None = None
    deadline: Date | None = None


def effective_item_status(item: ItemRecord, today: Date) -> str:
    """The status to show: an open item past its deadline is overdue."""
    if item.status == "open" and item.deadline is not None and item.deadline < today:
        return "overdue"
    return item.status


def item_status_now(item: ItemRecord, now: DateTime) -> str:
    """The status to show at ``now``: overdue from the day after its deadline where
    its meeting was held (:func:`~facilitator.followup.tasks.meeting_today`)."""
    return effective_item_status(item, meeting_today(item, now))


def parse_item_status(word: str, choices: Sequence[str] = ITEM_STATUSES) -> str | None:
    """The status a person typed, any case, either language (``已解决``, ``Resolved``)."""
    typed = word.strip().casefold()
    for status in choices:
        names = {status} | {t("item_status." + status, language=lang) for lang in LANGUAGES}
        if typed in {name.casefold() for name in names}:
            return status
    return None


def item_status_choices(choices: Sequence[str], language: str | None = None) -> str:
    """``resolved | open | dropped``, with the interface's words when not English."""
    lang = language or current_language()
    if lang == "en":
        return " | ".join(choices)
    return " | ".join(f"{t('item_status.' + s, language=lang)} ({s})" for s in choices)


def _deadline_order(item: ItemRecord) -> tuple:
    # Undated items last: nothing says they are late, but they are still open.
    return (item.deadline is None, item.deadline or Date(1, 1, 1), item.meeting_id, item.id)


def select_items(
    items: Iterable[ItemRecord],
    now: DateTime,
    *,
    owner: str | None = None,
    department: str | None = None,
    meeting_id: int | None = None,
    status: str | None = None,
) -> list[ItemRecord]:
    """Items matching the filters, showing their effective status, deadline first.

    Without ``status`` only the unsettled ones (open or overdue): the list to
    chase; with :data:`ALL_ITEMS`, every one. ``owner`` and ``department`` match
    in any case; an item owned by a department (``@Legal``) is that department's.
    """
    chosen = []
    for item in items:
        shown = item_status_now(item, now)
        if status is None and shown in SETTLED:
            continue
        if status not in (None, ALL_ITEMS) and shown != status:
            continue
        if owner and owner.casefold() != item.owner.casefold():
            continue
        if department and department.casefold() != item.department.casefold():
            continue
        if meeting_id is not None and item.meeting_id != meeting_id:
            continue
        chosen.append(item if shown == item.status else replace(item, status=shown))
    return sorted(chosen, key=_deadline_order)


def latest_item_notes(updates: Iterable[ItemUpdate]) -> dict[int, str]:
    """Each item's latest non-empty note, by item id."""
    return {u.item_id: u.note for u in sorted(updates, key=lambda u: u.at) if u.note}


def change_lines(
    previous_owner: str,
    owner: str,
    previous_date: Date | None,
    date: Date | None,
    date_key: str,
    language: str | None = None,
) -> list[str]:
    """``owner Legal → Li``, ``deadline Thu 5 Mar → Thu 12 Mar``: what an update moved."""
    lines = []
    if owner:
        lines.append(
            t(
                "followup.changed_owner",
                language=language,
                previous=previous_owner or "-",
                now=owner,
            )
        )
    if date is not None:
        before = format_date(previous_date, language) if previous_date else "-"
        lines.append(
            t(date_key, language=language, previous=before, now=format_date(date, language))
        )
    return lines


def describe_item(
    item: ItemRecord, updates: Sequence[ItemUpdate], today: Date, language: str | None = None
) -> list[str]:
    """An item as ``facilitator item ID`` shows it: what, who, by when, where from,
    its status as of ``today``, then every change with its note, oldest first."""

    def tr(key: str, **params: object) -> str:
        return t(key, language=language, **params)

    def labelled(label: str, value: str) -> str:
        return tr("minutes.labelled", label=tr(label), value=value)

    owner = (
        tr("minutes.person_in_department", name=item.owner, department=item.department)
        if item.department and item.department != item.owner
        else item.owner
    )
    lines = [
        tr("items.heading", id=item.id, text=item.text),
        labelled("minutes.owner", owner or "-"),
        labelled(
            "minutes.deadline", format_date(item.deadline, language) if item.deadline else "-"
        ),
        labelled(
            "followup.meeting",
            tr("followup.from_meeting", title=item.meeting_title, id=item.meeting_id),
        ),
        labelled("minutes.status", tr("item_status." + effective_item_status(item, today))),
        tr("followup.history", zone=zone_name_label(item.timezone, language)),
        "  "
        + tr(
            "followup.history_created",
            at=format_datetime(item.created_at, language, item.timezone),
            status=tr("item_status.open"),
        ),
    ]
    for update in sorted(updates, key=lambda u: u.at):
        at = format_datetime(update.at, language, item.timezone)
        changes = change_lines(
            update.previous_owner,
            update.owner,
            update.previous_deadline,
            update.deadline,
            "followup.changed_deadline",
            language,
        )
        if update.status != update.previous:
            changes.insert(
                0,
                tr(
                    "followup.changed_status",
                    previous=tr("item_status." + (update.previous or "open")),
                    now=tr("item_status." + update.status),
                ),
            )
        said = tr("followup.change_sep").join(changes) or tr("followup.noted")
        entry = tr("followup.history_changes", at=at, changes=said)
        if update.note:
            entry = tr("followup.history_note", entry=entry, note=update.note)
        lines.append("  " + entry)
    return lines


@dataclass(frozen=True)
class ItemsReport:
    """The open items in the weekly report: what to chase, what got settled."""

    unsettled: tuple[ItemRecord, ...]  # overdue first, then by deadline
    settled: tuple[ItemRecord, ...]  # settled within the week


def items_report(
    items: Sequence[ItemRecord],
    updates: Sequence[ItemUpdate],
    since: DateTime,
    until: DateTime,
    now: DateTime,
) -> ItemsReport:
    """Items still open (overdue ones first: chase them), and those settled in the period."""
    settled_now = {
        u.item_id
        for u in updates
        if u.status in SETTLED and u.previous not in SETTLED and since <= u.at <= until
    }
    shown = [replace(i, status=item_status_now(i, now)) for i in items]
    unsettled = sorted(
        (i for i in shown if i.status not in SETTLED),
        key=lambda i: (i.status != "overdue", *_deadline_order(i)),
    )
    return ItemsReport(
        unsettled=tuple(unsettled),
        settled=tuple(i for i in shown if i.status in SETTLED and i.id in settled_now),
    )


def with_item_follow_up(minutes: Minutes, records: Sequence[ItemRecord], today: Date) -> Minutes:
    """The minutes with each open item's archive id, its status as of ``today``, and
    its owner and deadline as they stand (the history keeps what they were).

    The ``open_items`` table keeps the close-time order, so the n-th record
    belongs to the n-th item (as :func:`facilitator.followup.tasks.with_follow_up`).
    """
    items = tuple(
        replace(
            item,
            id=records[n].id,
            status=effective_item_status(records[n], today),
            # Handed on or moved since (`item ID --owner/--deadline`): as it stands now.
            owner=records[n].owner,
            department=records[n].department,
            deadline=records[n].deadline,
        )
        if n < len(records)
        else item
        for n, item in enumerate(minutes.open_items)
    )
    return replace(minutes, open_items=items)
