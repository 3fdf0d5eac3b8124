"""When the room is alerted: each threshold once, at the moment it is crossed."""

from __future__ import annotations

from dataclasses import replace

import pendulum

from facilitator.app.live import LiveMeeting
from facilitator.meeting.alerts import AlertWatch, alerts_due
from facilitator.planning.demo import demo_agenda
from tests.support import type_lines


def kinds(alerts) -> list[str]:
    return [alert.kind for alert in alerts]


def test_a_topic_alerts_at_two_minutes_left_and_at_zero_each_once(meeting, clock):
    watch = AlertWatch()
    type_lines(meeting, "/present all", "/next")  # Li's topic: 15 minutes
    assert watch.new(meeting.state, clock.now()) == ()
    clock.advance(minutes=12, seconds=59)
    assert watch.new(meeting.state, clock.now()) == ()
    clock.advance(seconds=1)
    alerts = watch.new(meeting.state, clock.now())
    assert kinds(alerts) == ["topic_warning"]
    assert alerts[0].notice.text() == "R&D progress and risks: under 2 min left, time to wrap up"
    clock.advance(seconds=30)
    assert watch.new(meeting.state, clock.now()) == ()  # heard already
    clock.advance(seconds=91)
    assert kinds(watch.new(meeting.state, clock.now())) == ["topic_over"]
    assert watch.new(meeting.state, clock.now()) == ()


def test_an_extension_makes_a_new_threshold(meeting, clock):
    watch = AlertWatch()
    type_lines(meeting, "/present all", "/next")
    watch.new(meeting.state, clock.now())
    clock.advance(minutes=15, seconds=30)
    assert kinds(watch.new(meeting.state, clock.now())) == ["topic_warning", "topic_over"]
    type_lines(meeting, "/extend 2")  # 1:30 left: warns again for the new end
    assert kinds(watch.new(meeting.state, clock.now())) == ["topic_warning"]


def test_the_meeting_alerts_in_its_last_five_minutes(archive, clock):
    agenda = demo_agenda(clock.now())
    meeting = LiveMeeting(archive.create_meeting(agenda, clock.now()), clock)
    type_lines(meeting, "/present all", "/next")
    watch = AlertWatch()
    watch.new(meeting.state, clock.now())
    clock.set(agenda.end.subtract(minutes=5))
    assert "meeting_end" in kinds(watch.new(meeting.state, clock.now()))


def test_a_meeting_at_a_fixed_offset_says_its_end_in_that_offset(archive, clock):
    # A TOML agenda's times carry an offset, not a zone name: "+01:00".
    plus_one = pendulum.fixed_timezone(3600)
    demo = demo_agenda(clock.now())
    agenda = replace(
        demo, start=demo.start.in_timezone(plus_one), end=demo.end.in_timezone(plus_one)
    )
    assert agenda.timezone == "+01:00"
    meeting = LiveMeeting(archive.create_meeting(agenda, clock.now()), clock)
    type_lines(meeting, "/present all", "/next")
    watch = AlertWatch()
    watch.new(meeting.state, clock.now())
    clock.set(agenda.end.subtract(minutes=5))
    (alert,) = [a for a in watch.new(meeting.state, clock.now()) if a.kind == "meeting_end"]
    assert agenda.end.in_timezone("Etc/GMT-1").format("HH:mm") in alert.notice.text()


def test_a_speaker_past_the_limit_alerts_once_per_turn(archive, clock):
    agenda = replace(demo_agenda(clock.now()), speaker_minutes=2)
    meeting = LiveMeeting(archive.create_meeting(agenda, clock.now()), clock)
    type_lines(meeting, "/present all", "/next")
    watch = AlertWatch()
    watch.new(meeting.state, clock.now())
    clock.advance(minutes=2, seconds=1)
    alerts = watch.new(meeting.state, clock.now())
    assert kinds(alerts) == ["speaker_over"] and alerts[0].about_speaker
    assert alerts[0].notice.text() == "Li: the turn's 2 min are up"
    type_lines(meeting, "/call @Marta")
    clock.advance(minutes=2, seconds=1)
    assert kinds(watch.new(meeting.state, clock.now())) == ["speaker_over"]


def test_a_screen_opened_late_does_not_ring_for_the_past(meeting, clock):
    type_lines(meeting, "/present all", "/next")
    clock.advance(minutes=20)
    assert kinds(alerts_due(meeting.state, clock.now())) == ["topic_warning", "topic_over"]
    watch = AlertWatch()
    assert watch.new(meeting.state, clock.now()) == ()
    clock.advance(minutes=1)
    assert watch.new(meeting.state, clock.now()) == ()


def test_nothing_alerts_before_the_first_topic_or_after_the_close(meeting, clock):
    clock.advance(minutes=58)
    assert alerts_due(meeting.state, clock.now()) == ()


def test_alerts_bell_flash_or_off_set_in_the_room(meeting):
    assert meeting.state.alerts == "bell"
    type_lines(meeting, "/alerts flash")
    assert meeting.state.alerts == "flash"
    outcome = meeting.submit("/alerts")  # alone: the next one
    assert outcome.notices[0].text() == "alerts off: no bell, no flash"
    type_lines(meeting, "/提醒 响铃")
    assert meeting.state.alerts == "bell"
    # How the room sounds is not a meeting action: /undo leaves it.
    assert not meeting.submit("/undo").accepted
    assert not meeting.submit("/alerts loud").accepted
