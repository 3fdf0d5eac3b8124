"""The rules the room screen relies on: roll call, the queue, corrections."""

from __future__ import annotations

from facilitator.app.live import LiveMeeting
from facilitator.line.parsed import Invalid
from facilitator.meeting.decision import Command
from facilitator.meeting.events import EntryEdited, EntryRetracted, SpeakerMoved
from facilitator.meeting.fold import fold
from tests.support import type_lines


def test_first_topic_waits_until_every_absentee_has_a_briefer(meeting: LiveMeeting):
    type_lines(meeting, "/absent @Wang")
    outcome = meeting.submit("/next")
    assert not outcome.accepted
    assert "Wang" in outcome.notices[0].text()
    assert meeting.state.in_opening
    type_lines(meeting, "/absent @Wang @Ana", "/next")
    assert meeting.state.current == "t1"
    assert not meeting.state.in_opening


def test_absentee_without_briefer_mid_meeting_does_not_stop_the_meeting(meeting):
    type_lines(meeting, "/next", "/absent @Wang", "/next")
    assert meeting.state.current == "t2"


def test_roll_call_marks_everyone_not_yet_marked_present(meeting):
    type_lines(meeting, "/late @Marta", "/present all")
    attendance = meeting.state.attendance
    assert attendance["Marta"].status == "late"
    assert {n for n, a in attendance.items() if a.status == "present"} == {
        "Ana",
        "Li",
        "Wang",
        "Zhao",
    }
    assert not meeting.submit("/present all").accepted


def test_host_moves_a_waiting_speaker_to_the_front(meeting):
    type_lines(meeting, "/next", "/speak @Marta @Wang @Zhao", "/queue @Zhao 1")
    assert meeting.state.queue == ("Zhao", "Marta", "Wang")
    type_lines(meeting, "/queue Marta 3")
    assert meeting.state.queue == ("Zhao", "Wang", "Marta")
    assert isinstance(meeting.journal.read()[-1], SpeakerMoved)


def test_queue_puts_someone_not_yet_waiting_in_place(meeting):
    type_lines(meeting, "/next", "/speak @Marta @Wang", "/queue @Ana 2")
    assert meeting.state.queue == ("Marta", "Ana", "Wang")


def test_queue_refuses_the_current_speaker_and_a_move_to_the_same_place(meeting):
    type_lines(meeting, "/next", "/speak @Marta")
    assert not meeting.submit("/queue @Li 1").accepted  # Li (owner) is speaking
    assert not meeting.submit("/queue @Marta 1").accepted
    assert not meeting.submit("/queue").accepted


def test_undo_takes_back_a_queue_move(meeting):
    type_lines(meeting, "/next", "/speak @Marta @Wang", "/queue @Wang 1", "/undo")
    assert meeting.state.queue == ("Marta", "Wang")


def test_recorder_corrects_an_entry_and_the_journal_keeps_both(meeting):
    type_lines(meeting, "/next", "a: @Li training build by 9/10")
    seq = meeting.state.entries[0].seq
    outcome = meeting.edit(seq, "a: @Marta training build by 9/20")
    assert outcome.accepted
    entry = meeting.state.entries[0].entry
    assert (entry.owner, entry.due.isoformat(), entry.topic) == ("Marta", "2026-09-20", "t1")
    events = meeting.journal.read()
    assert isinstance(events[-1], EntryEdited)
    assert any(getattr(e, "entry", None) and e.entry.owner == "Li" for e in events)


def test_an_entry_cannot_be_corrected_into_a_command(meeting):
    type_lines(meeting, "/next", "d: ship it")
    seq = meeting.state.entries[0].seq
    assert not meeting.edit(seq, "/next").accepted
    assert meeting.state.entries[0].entry.text == "ship it"


def test_retracted_entry_leaves_the_minutes_and_undo_brings_it_back(meeting):
    type_lines(meeting, "/next", "d: ship it", "d: keep it")
    first = meeting.state.entries[0].seq
    assert meeting.retract(first).accepted
    assert [c.entry.text for c in meeting.state.entries] == ["keep it"]
    assert isinstance(meeting.journal.read()[-1], EntryRetracted)
    assert not meeting.retract(first).accepted
    type_lines(meeting, "/undo")
    assert [c.entry.text for c in meeting.state.entries] == ["ship it", "keep it"]


def test_undo_takes_back_an_edit(meeting):
    type_lines(meeting, "/next", "d: ship it")
    meeting.edit(meeting.state.entries[0].seq, "d: ship it on Friday")
    type_lines(meeting, "/undo")
    assert meeting.state.entries[0].entry.text == "ship it"


def test_queue_move_survives_a_reopened_journal(meeting):
    type_lines(meeting, "/next", "/speak @Marta @Wang", "/queue @Wang 1")
    assert fold(meeting.journal.read()).queue == ("Wang", "Marta")


def test_queue_line_reads_person_and_place_in_either_language():
    from pendulum import Date

    from facilitator.line.parsed import LineContext
    from facilitator.line.read import parse_line
    from facilitator.meeting.decision import Command

    context = LineContext(people=["Ana", "李雷", "韩梅梅"], today=Date(2026, 8, 12))
    assert parse_line("/queue @韩梅梅 2", context) == Command(
        "queue", ("@韩梅梅", "2"), ("韩梅梅",), 2, "/queue @韩梅梅 2"
    )
    parsed = parse_line("/排队 @Ana", context)
    assert isinstance(parsed, Command) and (parsed.people, parsed.number) == (("Ana",), 1)
    everyone = parse_line("/到 全体", context)
    assert isinstance(everyone, Command) and everyone.args == ("all",)


def test_unknown_name_in_a_command_is_refused_without_claiming_a_point_was_kept(meeting):
    outcome = meeting.submit("/speak @Nobody")
    assert not outcome.accepted
    assert "unknown name @Nobody" in outcome.notices[0].text()
    assert "plain point" not in outcome.notices[0].text()
    assert not meeting.state.entries


def test_entry_numbers_stay_the_same_after_a_retraction(meeting):
    type_lines(meeting, "/next", *(f"point {n}" for n in range(1, 11)))
    type_lines(meeting, "throwaway A", "throwaway B", "/retract 11")
    numbers = {c.number: c.entry.text for c in meeting.state.entries}
    assert 11 not in numbers and numbers[12] == "throwaway B"
    second = meeting.submit("/retract 11")  # the same number again: not entry 12
    assert not second.accepted
    assert "11 has already been retracted" in second.notices[0].text()
    assert meeting.state.numbered(12).entry.text == "throwaway B"
    type_lines(meeting, "next one")
    assert meeting.state.entries[-1].number == 13  # a retracted number is never given again
    type_lines(meeting, "/retract 12")
    assert [c.number for c in meeting.state.entries][-2:] == [10, 13]


def test_edit_and_retract_notices_name_the_entry_by_its_stable_number(meeting):
    type_lines(meeting, "/next", "first", "second", "third", "/retract 1")
    third = meeting.state.numbered(3)
    assert meeting.edit(third.seq, "d: third, decided").notices[0].text() == "entry 3 corrected"
    assert meeting.retract(third.seq).notices[0].text() == "entry 3 retracted"


def test_undo_brings_a_retracted_entry_back_under_its_own_number(meeting):
    type_lines(meeting, "/next", "first", "second", "third", "/retract 2", "/undo")
    assert [(c.number, c.entry.text) for c in meeting.state.entries] == [
        (1, "first"),
        (2, "second"),
        (3, "third"),
    ]
    assert fold(meeting.journal.read()).numbered(3).entry.text == "third"


def test_an_entry_undone_keeps_its_number_so_the_next_one_is_never_shown_under_it(meeting):
    type_lines(meeting, "/next", "first", "second", "undo me", "/undo", "after the undo")
    assert [(c.number, c.entry.text) for c in meeting.state.entries] == [
        (1, "first"),
        (2, "second"),
        (4, "after the undo"),
    ]
    # The same after reading the journal again (another terminal, a reopened room).
    assert [c.number for c in fold(meeting.journal.read()).entries] == [1, 2, 4]
    refused = meeting.submit("/retract 3")
    assert not refused.accepted
    assert refused.notices[0].text() == "entry 3 was taken back by /undo"


def test_f9_names_the_entry_it_takes_back(meeting):
    from facilitator.meeting.decision import Command

    type_lines(meeting, "/next", "first", "undo me")
    outcome = meeting.run(Command("undo"))
    assert [n.text() for n in outcome.notices] == ["undone: entry 2 (undo me)"]


def test_tasks_owned_by_a_department_or_by_legal_outside_the_room_reach_the_minutes(meeting):
    type_lines(
        meeting,
        "/next",
        "a: @R&D submit the test form by 8/20",
        "a: @Nobody do X",
        "u: @Legal opinion in 3 workdays",
    )
    minutes = meeting.close()
    assert [(t.title, t.owner) for t in minutes.tasks] == [
        ("submit the test form", "R&D"),
        ("do X", "Nobody"),
    ]
    assert minutes.tasks[0].department == "R&D"
    assert [(i.text, i.owner) for i in minutes.open_items] == [("opinion", "Legal")]


def test_someone_marked_absent_cannot_be_called_to_speak_but_a_late_arrival_can(meeting):
    type_lines(meeting, "/absent @Zhao @Ana", "/late @Marta", "/next")
    for line in ("/speak @Zhao", "/call @Zhao", "/queue @Zhao 1", "/speak @Marta @Zhao"):
        outcome = meeting.submit(line)
        assert not outcome.accepted, line
        assert outcome.notices[0].text() == "Zhao is marked absent: /late @Zhao once they arrive"
    assert meeting.state.queue == ()
    type_lines(meeting, "/speak @Marta")
    assert meeting.state.queue == ("Marta",)


def test_a_department_never_gets_speaking_time(meeting, clock):
    type_lines(meeting, "/next")
    assert not meeting.submit("/speak @Marketing").accepted
    # a key or the palette cannot slip one in either
    assert not meeting.run(Command("speak", people=("Marketing",))).accepted
    clock.advance(minutes=2)
    minutes = meeting.close()
    assert {line.person for line in minutes.speaking} == {"Li"}


def test_refused_command_shows_in_the_preview_and_stays_typed(meeting):
    type_lines(meeting, "/next")
    for line, reason in (
        ("/extend 2.5", "'2.5' is not a whole number of minutes: type it like /extend 5"),
        ("/goto 9", "there is no topic 9 (the agenda has 3)"),
        ("/move 2 1", "Launch campaign plan cannot go to place 1: the topics before "
         "place 2 are under way or done"),
    ):  # fmt: skip
        preview = meeting.preview(line)
        assert isinstance(preview, Invalid) and preview.notice.text() == reason
        outcome = meeting.submit(line)
        assert outcome.keep_text and outcome.notices[0].text() == reason
    assert meeting.state.topics["t1"].extra_minutes == 0


def test_moving_topics_explains_what_cannot_move(meeting):
    type_lines(meeting, "/next")
    refusals = {
        "/move 1 3": "R&D progress and risks is under way: only topics still to come can move",
        "/move 3 3": "Sales training needs is already number 3",
        "/move 3 4": "there is no topic 4 (the agenda has 3)",
    }
    for line, reason in refusals.items():
        outcome = meeting.submit(line)
        assert [n.text() for n in outcome.notices] == [reason]
    type_lines(meeting, "/move 3 2")
    assert meeting.state.order == ("t1", "t3", "t2")


def test_skip_with_the_current_topics_number_skips_it_and_goes_on(meeting):
    type_lines(meeting, "/next", "/skip 1")
    assert meeting.state.topics["t1"].status == "skipped"
    assert meeting.state.current == "t2"


def test_naming_an_unmarked_briefer_marks_them_present(meeting):
    outcome = meeting.submit("/absent @Zhao @Li")
    assert outcome.accepted
    assert outcome.notices[0].text() == "Zhao absent; Li (now marked present) will brief them"
    attendance = meeting.state.attendance
    assert attendance["Li"].status == "present"
    assert (attendance["Zhao"].status, attendance["Zhao"].briefer) == ("absent", "Li")
    type_lines(meeting, "/undo")  # one command: both marks go
    assert meeting.state.attendance == {}


def test_briefer_must_be_present(meeting):
    type_lines(meeting, "/absent @Li @Ana")
    outcome = meeting.submit("/absent @Zhao @Li")
    assert not outcome.accepted
    assert outcome.notices[0].text() == "Li is absent too: choose someone present"
    type_lines(meeting, "/late @Wang", "/absent @Zhao @Wang")  # late is attending
    assert meeting.state.attendance["Zhao"].briefer == "Wang"


def test_a_briefer_marked_absent_leaves_their_absentee_needing_a_new_one(meeting):
    type_lines(meeting, "/absent @Zhao @Li")
    outcome = meeting.submit("/absent @Li @Ana")
    assert [n.text() for n in outcome.notices] == [
        "Li absent; Ana (now marked present) will brief them",
        "Li was to brief Zhao: choose a new briefer, /absent @name @briefer",
    ]
    assert meeting.state.attendance["Zhao"].briefer == ""
    refused = meeting.submit("/next")
    assert not refused.accepted and "give Zhao a briefer" in refused.notices[0].text()
    assert meeting.state.in_opening
    type_lines(meeting, "/absent @Zhao @Wang", "/next")
    assert meeting.state.current == "t1"


def test_undoing_the_briefers_absence_gives_the_absentee_their_briefer_back(meeting):
    type_lines(meeting, "/absent @Zhao @Li", "/absent @Li @Ana", "/undo")
    assert meeting.state.attendance["Zhao"].briefer == "Li"
    assert meeting.state.unbriefed() == []


def test_a_journal_naming_an_absent_briefer_still_holds_the_first_topic(meeting, clock):
    # Written before the rule (or by two terminals at once): the fold enforces it too.
    from facilitator.meeting.events import AttendanceMarked

    meeting.record(
        AttendanceMarked(at=clock.now(), person="Li", status="absent", briefer="Ana"),
        AttendanceMarked(at=clock.now(), person="Zhao", status="absent", briefer="Li"),
    )
    assert meeting.state.unbriefed() == ["Zhao"]
    assert not meeting.submit("/next").accepted
