"""Correcting a captured entry: what the corrected line would change (no terminal)."""

from __future__ import annotations

from facilitator.app.live import LiveMeeting
from facilitator.core.i18n import set_language
from facilitator.line.corrections import kind_change, same_kind_refusal
from facilitator.meeting.events import EntryEdited
from tests.support import type_lines


def _task(meeting: LiveMeeting) -> int:
    type_lines(meeting, "/next", "a: @Li send training list by 9/10")
    return meeting.state.entries[-1].seq


def test_a_task_retyped_with_an_impossible_date_is_not_saved_on_the_summary(meeting):
    seq = _task(meeting)
    outcome = meeting.edit(seq, "a: @Wang send training list by 2/30", keep_kind=True)
    assert not outcome.accepted
    reasons = [n.text() for n in outcome.notices]
    assert reasons[0] == "not saved: '2/30' is not a date; correct it, or Esc cancels"
    assert len(meeting.state.entries_of("action")) == 1  # the task is still there, as it was
    assert meeting.state.entry(seq).entry.owner == "Li"
    assert not [e for e in meeting.journal.read() if isinstance(e, EntryEdited)]


def test_a_summary_fix_that_keeps_the_kind_is_saved(meeting):
    seq = _task(meeting)
    outcome = meeting.edit(seq, "a: @Wang send training list by 9/30", keep_kind=True)
    assert outcome.accepted
    entry = meeting.state.entry(seq).entry
    assert (entry.kind, entry.owner, entry.due.isoformat()) == ("action", "Wang", "2026-09-30")


def test_the_entries_list_may_change_a_kind_but_says_so(meeting):
    type_lines(meeting, "d: ship on 20 Sept")
    old = meeting.state.entries[-1].entry
    assert kind_change(old, meeting.preview("d: ship on 21 Sept")) is None
    change = kind_change(old, meeting.preview("ship on 21 Sept"))
    assert change is not None and change.text() == "becomes Point (was Decision)"
    set_language("zh")
    assert kind_change(old, meeting.preview("ship on 21 Sept")).text() == "将由决策改为要点"
    assert same_kind_refusal(old, meeting.preview("/next")) is None  # commands: refused elsewhere
