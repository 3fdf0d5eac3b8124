"""A limit per turn: each speaker's own countdown, by the topic's phase rule."""

from __future__ import annotations

from dataclasses import replace

from facilitator.app.live import LiveMeeting
from facilitator.meeting.phase import Phase, WarnAt, speaker_phase, topic_phase
from facilitator.planning.demo import demo_agenda
from tests.support import type_lines


def limited(archive, clock, **settings) -> LiveMeeting:
    agenda = replace(demo_agenda(clock.now()), **settings)
    return LiveMeeting(archive.create_meeting(agenda, clock.now()), clock)


def test_the_agenda_gives_each_turn_two_minutes_and_the_speaker_overruns(archive, clock):
    meeting = limited(archive, clock, speaker_minutes=2)
    type_lines(meeting, "/present all", "/next")
    clock.advance(seconds=60)
    assert meeting.state.speaker_phase(clock.now()).time is Phase.RUNNING
    clock.advance(seconds=35)  # 25 s left: within the last quarter (at most 30 s)
    assert meeting.state.speaker_phase(clock.now()).time is Phase.WARNING
    clock.advance(seconds=40)
    phase = meeting.state.speaker_phase(clock.now())
    assert (phase.time, phase.over) == (Phase.OVERRUN, 15)
    # The next turn has its own two minutes; the totals per person go on as before.
    type_lines(meeting, "/call @Marta")
    assert meeting.state.speaker_phase(clock.now()).left == 120
    assert meeting.state.speaking_by_person(clock.now())["Li"] == 135


def test_limit_sets_and_lifts_the_time_per_turn_in_the_room(meeting, clock):
    type_lines(meeting, "/present all", "/next")
    assert meeting.state.speaker_phase(clock.now()) is None
    outcome = meeting.submit("/limit 3")
    assert outcome.notices[0].text() == "each turn may take 3 min"
    assert meeting.state.speaker_phase(clock.now()).left == 180  # the current turn too
    type_lines(meeting, "/limit 90s")
    assert meeting.state.speaker_limit == 90
    type_lines(meeting, "/limit off")
    assert meeting.state.speaker_phase(clock.now()) is None
    assert not meeting.submit("/limit off").accepted  # nothing to change
    type_lines(meeting, "/undo")
    assert meeting.state.speaker_limit == 90


def test_a_limit_typed_wrong_stays_in_the_line_with_the_reason(meeting):
    for line, said in (
        ("/limit", "how long may a turn take"),
        ("/limit soon", "'soon' is not a time"),
        ("/limit 90", "from 1 second to 60 minutes"),
    ):
        outcome = meeting.submit(line)
        assert not outcome.accepted and said in outcome.notices[0].text(), line


def test_a_paused_topic_stops_the_speaker_clock_too(meeting, clock):
    type_lines(meeting, "/present all", "/next", "/limit 2")
    clock.advance(seconds=30)
    type_lines(meeting, "/pause")
    clock.advance(minutes=10)
    assert meeting.state.speaker_phase(clock.now()).left == 90


def test_the_warning_comes_at_the_share_or_the_minutes_the_agenda_says(archive, clock):
    by_share = limited(archive, clock, warn_share=0.7)
    type_lines(by_share, "/present all", "/next")  # Li's topic: 15 minutes
    clock.advance(minutes=10)
    topic = by_share.state.current_topic
    assert topic_phase(topic, clock.now(), by_share.state.agenda.warning).time is Phase.RUNNING
    clock.advance(minutes=1)  # 11 of 15 used: past 70%
    assert topic_phase(topic, clock.now(), by_share.state.agenda.warning).time is Phase.WARNING
    assert topic_phase(topic, clock.now()).time is Phase.RUNNING  # the default: 2 minutes
    assert WarnAt(5).seconds(900) == 300


def test_a_speaker_warns_at_a_quarter_of_a_short_turn():
    assert speaker_phase(44, 60).time is Phase.RUNNING  # 16 s left of a minute
    assert speaker_phase(46, 60).time is Phase.WARNING  # 14 s left of a minute
    assert speaker_phase(10, 0) is None


def test_the_room_s_countdown_and_banner_warn_when_the_agenda_says(archive, clock):
    from facilitator.render.banners import meeting_banner

    meeting = limited(archive, clock, warn_minutes=5)
    type_lines(meeting, "/present all", "/next")
    clock.advance(minutes=10)  # 5 of 15 left
    assert meeting_banner(meeting.state, clock.now()) == "under 5 minutes left: time to wrap up"
