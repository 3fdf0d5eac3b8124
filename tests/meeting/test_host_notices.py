"""The small things a host notices: the room says what it did and does what it says."""

from __future__ import annotations

import pendulum

from facilitator.meeting.minutes import build_minutes
from tests.support import type_lines


def told(outcome) -> list[str]:
    return [notice.text() for notice in outcome.notices]


def test_an_absent_owners_briefer_is_named_and_called_when_the_topic_starts(meeting):
    type_lines(meeting, "/absent @Li @Zhao", "/present all")
    outcome = meeting.submit("/next")
    assert told(outcome) == ["now: R&D progress and risks", "Zhao reports for Li (absent)"]
    turn = meeting.state.speaker
    assert (turn.person, turn.briefs_for, turn.reports) == ("Zhao", "Li", True)


def test_an_absent_owner_without_a_briefer_is_said_mid_meeting(meeting):
    type_lines(meeting, "/present all", "/next", "/absent @Marta")
    outcome = meeting.submit("/next")
    assert "Marta (owner) is absent and briefs nobody" in told(outcome)[1]
    assert meeting.state.speaker is None


def test_the_first_topic_marks_whoever_the_roll_call_missed_present_and_says_who(meeting):
    type_lines(meeting, "/late @Marta", "/absent @Wang @Ana")
    outcome = meeting.submit("/next")
    assert told(outcome)[-1] == "roll call closed: Li, Zhao marked present (not marked before)"
    assert {n: a.status for n, a in meeting.state.attendance.items()} == {
        "Marta": "late",
        "Ana": "present",
        "Wang": "absent",
        "Li": "present",
        "Zhao": "present",
    }
    # One command: /undo takes back the start and the marks together.
    assert told(meeting.submit("/undo")) == ["undone: the start of R&D progress and risks"]
    assert meeting.state.unmarked() == ["Li", "Zhao"]


def test_undo_says_what_it_took_back(meeting):
    type_lines(meeting, "/present all", "/next", "Front end 80% done")
    assert told(meeting.submit("/undo")) == ["undone: entry 1 (Front end 80% done)"]
    type_lines(meeting, "/extend 5")
    assert told(meeting.submit("/undo")) == ["undone: the extension by 5 min"]
    type_lines(meeting, "/speak @Marta")
    assert told(meeting.submit("/undo")) == ["undone: Marta waiting"]


def test_retract_says_which_entry_it_took_back(meeting):
    type_lines(meeting, "/present all", "/next", "Front end 80% done")
    assert told(meeting.submit("/retract 1")) == ["entry 1 retracted: Front end 80% done"]


def test_a_skipped_topic_revisited_and_left_counts_as_discussed(meeting, clock):
    type_lines(meeting, "/present all", "/next", "/skip")  # Li's topic skipped, Marta's starts
    clock.advance(minutes=3)
    type_lines(meeting, "/goto 1", "the forgotten risk")
    clock.advance(minutes=4)
    type_lines(meeting, "/goto 2")
    assert meeting.state.topics["t1"].status == "done"
    first = build_minutes(meeting.state, clock.now()).topics[0]
    assert (first.status, first.actual_seconds, first.points) == (
        "done",
        240,
        ("the forgotten risk",),
    )


def test_a_room_opened_days_before_projects_the_end_from_now(meeting, clock):
    planned = meeting.state.agenda.start
    clock.set(planned.subtract(days=3))
    state = meeting.state
    assert state.opened_early(clock.now())
    assert state.projected_end(clock.now()) == clock.now().add(minutes=40)
    clock.set(planned.subtract(minutes=30))  # the same day: the room waits for the start
    assert not state.opened_early(clock.now())
    assert state.projected_end(clock.now()) == planned.add(minutes=40)


def test_the_theme_is_kept_with_the_meeting_and_not_undone(meeting):
    type_lines(meeting, "/present all")
    from facilitator.meeting.decision import Command

    outcome = meeting.run(Command("theme", ("projector",)))
    assert told(outcome) == [
        "projector theme (high contrast), kept with the meeting; Ctrl+T switches back"
    ]
    assert meeting.state.theme == "projector"
    assert told(meeting.submit("/undo")) == ["undone: the roll call of Ana, Li, Marta, Wang, Zhao"]
    assert meeting.state.theme == "projector"


def test_zone_of_the_meeting_decides_its_day(meeting, clock):
    # 23:30 the evening before in Berlin is still the day before the meeting.
    start = meeting.state.agenda.start
    evening = pendulum.instance(start).subtract(hours=start.hour + 1).add(minutes=30)
    assert meeting.state.opened_early(evening)
