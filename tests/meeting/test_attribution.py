"""Who said it: a point typed while someone speaks is theirs (W3C's scribe)."""

from __future__ import annotations

from facilitator.meeting.minutes import build_minutes
from tests.support import type_lines


def said(meeting) -> list[tuple[str, str]]:
    return [(c.entry.speaker, c.entry.text) for c in meeting.state.entries]


def test_a_point_typed_while_someone_speaks_is_theirs(meeting):
    type_lines(
        meeting, "/present all", "/next", "Front end 80% done", "/call @Marta", "Budget is tight"
    )
    assert said(meeting) == [("Li", "Front end 80% done"), ("Marta", "Budget is tight")]


def test_at_name_colon_names_the_speaker_and_dash_colon_nobody(meeting):
    type_lines(meeting, "/present all", "/next", "@Marta: campaign ready", "-: room is cold")
    assert said(meeting) == [("Marta", "campaign ready"), ("", "room is cold")]


def test_a_name_that_is_not_a_person_attributes_nothing_and_says_so(meeting):
    type_lines(meeting, "/present all", "/next")
    outcome = meeting.submit("@Legal: they need a week")
    assert outcome.accepted
    assert "not a participant" in outcome.notices[0].text()
    assert said(meeting)[-1] == ("Li", "@Legal: they need a week")


def test_decisions_and_tasks_belong_to_the_room_not_the_speaker(meeting):
    type_lines(meeting, "/present all", "/next", "d: ship on 20 Sept", "a: @Li test plan by 3/10")
    assert [c.entry.speaker for c in meeting.state.entries] == ["", ""]


def test_nobody_speaking_nobody_said_it(meeting):
    type_lines(meeting, "a point before any topic")
    assert said(meeting) == [("", "a point before any topic")]


def test_a_correction_keeps_who_said_it_unless_it_names_another(meeting):
    type_lines(meeting, "/present all", "/next", "Front end 80% done", "/call @Marta")
    seq = meeting.state.entries[0].seq
    assert meeting.edit(seq, "Front end 90% done").accepted
    assert said(meeting)[0] == ("Li", "Front end 90% done")
    assert meeting.edit(seq, "@Wang: Front end 90% done").accepted
    assert said(meeting)[0] == ("Wang", "Front end 90% done")


def test_an_empty_point_after_the_name_is_refused(meeting):
    type_lines(meeting, "/present all", "/next")
    assert not meeting.submit("@Marta:").accepted


def test_the_minutes_keep_each_points_speaker(meeting, clock):
    type_lines(meeting, "/present all", "/next", "one", "-: two", "/next", "three")
    minutes = build_minutes(meeting.state, clock.now())
    first, second, _third = minutes.topics
    assert first.said() == (("Li", "one"), ("", "two"))
    assert second.said() == (("Marta", "three"),)
    assert minutes.general.point_speakers == ()
