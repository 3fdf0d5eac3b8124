"""A topic's phase, decided once: planned, running, warning, overrun, paused; its words;
and the metrics' overrun, which counts every /extend as the countdown does."""

from __future__ import annotations

import pendulum

from facilitator.app.live import LiveMeeting
from facilitator.core.i18n import set_language
from facilitator.meeting.agenda import Topic
from facilitator.meeting.metrics import meeting_metrics
from facilitator.meeting.minutes import build_minutes
from facilitator.meeting.phase import (
    WARNING_SECONDS,
    Phase,
    TopicPhase,
    allotted_seconds,
    seconds_over,
    time_phase,
    topic_phase,
)
from facilitator.meeting.state import Stopwatch, TopicState
from facilitator.notebook.live import live_html, live_text
from facilitator.render.banners import meeting_banner, topic_banner
from tests.support import type_lines

START = pendulum.datetime(2026, 3, 2, 10, 0, tz="Europe/Berlin")
TOPIC = Topic("t1", "Release checklist", "Ana", 15)


def running(minutes: float, extra: int = 0) -> tuple[TopicState, pendulum.DateTime]:
    """The topic ``minutes`` into its time, still on the clock."""
    state = TopicState(TOPIC, "running", Stopwatch().started(START), extra, START)
    return state, START.add(seconds=round(minutes * 60))


def test_a_topic_not_started_yet_is_planned():
    shown = topic_phase(TopicState(TOPIC), START)
    assert shown.phase is Phase.PLANNED
    assert shown.left == 15 * 60 and shown.allotted_minutes == 15


def test_a_topic_with_time_to_spare_is_running():
    state, now = running(5)
    assert topic_phase(state, now) == TopicPhase(Phase.RUNNING, Phase.RUNNING, 600.0, 15)


def test_the_last_two_minutes_are_a_warning():
    assert time_phase(WARNING_SECONDS + 1) is Phase.RUNNING
    assert time_phase(WARNING_SECONDS) is Phase.WARNING
    assert time_phase(0) is Phase.WARNING
    state, now = running(13.5)
    assert topic_phase(state, now).phase is Phase.WARNING


def test_past_its_time_the_topic_is_overrun_and_says_by_how_much():
    state, now = running(16)
    shown = topic_phase(state, now)
    assert shown.phase is Phase.OVERRUN
    assert shown.left == -60 and shown.over == 60


def test_an_extension_gives_the_topic_its_time_back():
    state, now = running(16, extra=5)
    shown = topic_phase(state, now)
    assert shown.phase is Phase.RUNNING and shown.allotted_minutes == 20
    assert allotted_seconds(15, 5) == 20 * 60


def test_a_paused_topic_says_paused_but_keeps_the_colour_of_its_time():
    state, now = running(16)
    paused = TopicState(TOPIC, "paused", state.watch.stopped(now), 0, START)
    shown = topic_phase(paused, now.add(minutes=10))
    assert shown.phase is Phase.PAUSED and shown.time is Phase.OVERRUN
    assert shown.left == -60  # the clock stopped with the topic


def test_the_host_reads_keys_and_the_audience_reads_what_happens():
    state, now = running(16)
    overrun = topic_phase(state, now)
    assert topic_banner(overrun) == "OVERRUN — F4 +5 min · F2 next topic · F5 skip"
    assert topic_banner(overrun, audience=True).startswith("Over time")
    warning = topic_phase(*running(14))
    assert topic_banner(warning) == topic_banner(warning, audience=True)
    assert topic_banner(warning) == "under 2 minutes left: time to wrap up"


def test_a_running_topic_shows_its_planned_and_extended_minutes():
    assert topic_banner(topic_phase(*running(1, extra=5))) == "planned 20 min"


def test_the_banner_speaks_the_current_language():
    set_language("zh")
    assert topic_banner(topic_phase(*running(16))).startswith("已超时")
    assert topic_banner(topic_phase(*running(16)), audience=True).startswith("已超时：")
    assert topic_banner(topic_phase(*running(1))) == "计划15分钟"


def test_between_topics_the_host_is_told_how_to_go_on_and_the_audience_what_happens(
    meeting: LiveMeeting,
):
    now = meeting.clock.now()
    assert meeting_banner(meeting.state, now) == "F2 or /next starts the next topic"
    assert meeting_banner(meeting.state, now, audience=True).startswith("Waiting for the room")
    type_lines(meeting, "/next", "/pause")
    assert meeting_banner(meeting.state, now) == "PAUSED — F3 or /resume"
    assert meeting_banner(meeting.state, now, audience=True) == "Paused"
    meeting.close()
    assert meeting_banner(meeting.state, now) == "The meeting is closed."


def test_the_notebooks_text_view_says_paused_as_its_html_does(meeting: LiveMeeting):
    type_lines(meeting, "/next", "/pause")
    now = meeting.clock.now()
    assert "Paused" in live_html(meeting.state, now)
    assert "Paused" in live_text(meeting.state, now).splitlines()


def test_an_extended_topic_ending_inside_its_extension_did_not_overrun(meeting: LiveMeeting):
    clock = meeting.clock
    type_lines(meeting, "/next", "/extend 5")  # 15 planned + 5
    clock.advance(minutes=18)
    type_lines(meeting, "/next")
    clock.advance(minutes=17)  # topic 2 (15 minutes) runs 2 past its plan, not extended
    type_lines(meeting, "/next")
    numbers = meeting_metrics(build_minutes(meeting.state, clock.now()))
    first, second = numbers.topics[:2]
    assert first.extra_minutes == 5 and first.actual_minutes == 18.0
    assert first.overrun_minutes == 0.0
    assert second.overrun_minutes == 2.0
    assert numbers.overruns == (second,)


def test_the_metrics_overrun_counts_planned_and_extended_minutes():
    assert seconds_over(15, 5, 20 * 60) == 0.0
    assert seconds_over(15, 5, 20 * 60 + 30) == 30.0
    assert seconds_over(15, 0, 16 * 60) == 60.0
