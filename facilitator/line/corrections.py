"""Corrections of captured entries: what a corrected line would change.

The recorder corrects an entry by retyping its line. A typo can make the
line read as another kind (a task whose date is impossible is kept as a
plain point), so a correction is checked against the entry it replaces.
"""

from __future__ import annotations

from facilitator.core.i18n import t
from facilitator.core.notice import Notice
from facilitator.line.parsed import Capture, Parsed
from facilitator.meeting.events import Entry


def kind_change(old: Entry, parsed: Parsed) -> Notice | None:
    """The warning that ``parsed`` would turn ``old`` into another kind, if it would."""
    if not isinstance(parsed, Capture) or parsed.entry.kind == old.kind:
        return None
    return Notice(
        "room.kind_changes",
        {"old": t(f"kind.{old.kind}"), "new": t(f"kind.{parsed.entry.kind}")},
        "warning",
    )


def same_kind_refusal(old: Entry, parsed: Parsed) -> Notice | None:
    """Why a fix on the closing summary cannot be saved, if it cannot.

    The summary lists decisions, open items and tasks for the room to confirm:
    a fix there corrects an owner or a date, and must leave a task a task, with
    a date if it gives one. Saving a line that reads as a point would silently
    take the item off the list the room is confirming.
    """
    change = kind_change(old, parsed)
    if change is not None:
        return Notice("closing.must_keep_kind", change.params, "warning")
    # A date that is not one would leave the task without any: the fix was for it.
    notices = parsed.notices if isinstance(parsed, Capture) else ()
    bad = next((n for n in notices if n.key == "line.bad_date"), None)
    if bad is not None:
        return Notice("closing.bad_date", dict(bad.params), "warning")
    return None
