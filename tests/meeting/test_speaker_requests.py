"""Typed requests to speak (TC39's queue): a point of order first, then questions,
replies, new points; each request's kind and reason kept with it."""

from __future__ import annotations

from facilitator.app.live import LiveMeeting
from facilitator.meeting.requests import queue_place
from tests.support import type_lines


def waiting(meeting: LiveMeeting) -> list[tuple[str, str]]:
    state = meeting.state
    return [(person, state.request_of(person).kind) for person in state.queue]


def test_a_point_of_order_goes_first_and_a_reply_before_new_points(meeting: LiveMeeting):
    type_lines(meeting, "/present all", "/next")  # Li reports on the first topic
    type_lines(meeting, "/speak @Marta", "/speak @Wang reply", "/speak @Zhao order")
    assert waiting(meeting) == [("Zhao", "order"), ("Wang", "reply"), ("Marta", "new")]
    type_lines(meeting, "/speak @Ana reply")
    assert waiting(meeting) == [
        ("Zhao", "order"),
        ("Wang", "reply"),
        ("Ana", "reply"),
        ("Marta", "new"),
    ]


def test_a_clarifying_question_waits_ahead_of_replies(meeting):
    type_lines(meeting, "/present all", "/next", "/speak @Marta reply", "/speak @Wang question")
    assert waiting(meeting) == [("Wang", "question"), ("Marta", "reply")]


def test_a_reason_follows_the_kind_like_q_plus_to_ask(meeting):
    type_lines(meeting, "/present all", "/next", "/speak @Marta question about the budget")
    assert meeting.state.request_of("Marta").reason == "about the budget"
    type_lines(meeting, "/speak @Wang to ask about training")
    request = meeting.state.request_of("Wang")
    assert (request.kind, request.reason) == ("new", "ask about training")


def test_chinese_words_name_the_kinds(meeting):
    type_lines(meeting, "/present all", "/next")
    type_lines(
        meeting, "/发言 @Marta 回应", "/发言 @Wang 提问：预算从哪里来", "/发言 @Zhao 程序问题"
    )
    assert waiting(meeting) == [("Zhao", "order"), ("Wang", "question"), ("Marta", "reply")]
    assert meeting.state.request_of("Wang").reason == "预算从哪里来"


def test_done_calls_the_point_of_order_and_the_turn_knows_what_it_is_for(meeting):
    type_lines(meeting, "/present all", "/next", "/speak @Marta", "/speak @Zhao order wrong topic")
    type_lines(meeting, "/done")
    turn = meeting.state.speaker
    assert (turn.person, turn.request, turn.reason) == ("Zhao", "order", "wrong topic")
    assert meeting.state.queue == ("Marta",)
    assert "Zhao" not in meeting.state.requests


def test_asking_again_for_another_kind_moves_a_waiting_person(meeting):
    type_lines(meeting, "/present all", "/next", "/speak @Marta @Wang")
    type_lines(meeting, "/speak @Wang reply")
    assert waiting(meeting) == [("Wang", "reply"), ("Marta", "new")]
    # The same request again is refused: nothing would change.
    assert not meeting.submit("/speak @Wang reply").accepted


def test_an_owner_who_queued_a_reply_opens_their_topic_with_the_report_not_the_reply(meeting):
    # Marta owns the second topic; she asked to reply during the first.
    type_lines(meeting, "/present all", "/next", "/speak @Marta reply", "/next")
    turn = meeting.state.speaker
    assert (turn.person, turn.request, turn.reports) == ("Marta", "new", True)


def test_two_people_asking_to_reply_wait_together_in_the_plural(meeting):
    type_lines(meeting, "/present all", "/next")
    outcome = meeting.submit("/speak @Marta @Wang reply")
    assert outcome.notices[0].text() == "reply: Marta, Wang wait ahead of new points"


def test_nobody_speaking_a_request_calls_the_person_at_once(meeting):
    type_lines(meeting, "/present all", "/next", "/done", "/speak @Marta reply to Li")
    turn = meeting.state.speaker
    assert (turn.person, turn.request, turn.reason) == ("Marta", "reply", "to Li")


def test_undo_takes_a_request_back_and_says_whose(meeting):
    type_lines(meeting, "/present all", "/next", "/speak @Marta order")
    outcome = meeting.submit("/undo")
    assert outcome.accepted and meeting.state.queue == ()
    assert outcome.notices[0].text() == "undone: Marta waiting"


def test_the_room_is_told_where_a_request_goes(meeting):
    type_lines(meeting, "/present all", "/next")
    outcome = meeting.submit("/speak @Zhao order")
    assert [n.text() for n in outcome.notices] == ["point of order: Zhao speaks next"]


def test_a_word_that_is_neither_a_name_nor_a_kind_is_refused(meeting):
    type_lines(meeting, "/present all", "/next")
    outcome = meeting.submit("/speak @Marta Wnag")
    assert not outcome.accepted and "Wnag" in outcome.notices[0].text()


def test_queue_place_puts_a_request_after_its_own_kind_and_before_lower_ones():
    assert queue_place(["order", "reply", "new"], "order") == 1
    assert queue_place(["order", "reply", "new"], "reply") == 2
    assert queue_place(["order", "reply", "new"], "question") == 1
    assert queue_place([], "new") == 0
    # A queue reordered by hand: before the first lower request.
    assert queue_place(["new", "order"], "reply") == 0
