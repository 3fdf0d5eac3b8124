"""A meeting run through the input line, on a fake clock and a real archive."""

from __future__ import annotations

import pendulum

from facilitator.app.live import LiveMeeting
from facilitator.core.clock import FakeClock
from facilitator.planning.demo import demo_agenda
from store.archive import Archive
from tests.support import type_lines


def test_topic_counts_down_from_its_planned_minutes(meeting: LiveMeeting, clock: FakeClock):
    type_lines(meeting, "/next")
    clock.advance(minutes=4)
    topic = meeting.state.current_topic
    assert topic is not None and topic.topic.title == "R&D progress and risks"
    assert topic.left(clock.now()) == 11 * 60


def test_host_sees_overrun_after_25_minutes_without_waiting(meeting, clock):
    type_lines(meeting, "/next")
    clock.advance(minutes=25)
    topic = meeting.state.current_topic
    assert topic.is_overrun(clock.now())
    assert topic.left(clock.now()) == -10 * 60


def test_host_extends_overrun_topic_by_five_minutes(meeting, clock):
    type_lines(meeting, "/next")
    clock.advance(minutes=17)
    type_lines(meeting, "/extend 5")
    topic = meeting.state.current_topic
    assert not topic.is_overrun(clock.now())
    assert topic.left(clock.now()) == 3 * 60


def test_pause_stops_the_countdown_and_resume_goes_on(meeting, clock):
    type_lines(meeting, "/next")
    clock.advance(minutes=5)
    type_lines(meeting, "/pause")
    clock.advance(minutes=30)
    assert meeting.state.current_topic.left(clock.now()) == 10 * 60
    type_lines(meeting, "/resume")
    clock.advance(minutes=1)
    assert meeting.state.current_topic.left(clock.now()) == 9 * 60


def test_projected_end_follows_the_overrun(meeting, clock):
    state = meeting.state
    planned = state.agenda.start.add(minutes=40)  # 15 + 15 + 10
    assert state.projected_end(clock.now()) == planned
    type_lines(meeting, "/next")
    clock.advance(minutes=20)  # 5 minutes over
    assert meeting.state.projected_end(clock.now()) == planned.add(minutes=5)


def test_projected_end_and_its_drift_are_read_from_the_same_minute(meeting, clock):
    # 40 s into the first topic, /next: 25 planned minutes remain from 10:00:40,
    # so the meeting ends ~10:25:40 against 10:50 planned.
    type_lines(meeting, "/next")
    clock.advance(seconds=40)
    type_lines(meeting, "/next")
    projected = meeting.state.projection(clock.now())
    start = meeting.state.agenda.start
    assert projected.end == start.add(minutes=26)  # 10:25:40 reads as 10:26
    assert projected.planned == start.add(minutes=50)
    assert projected.delta_minutes == -24  # 10:26 -> 10:50
    clock.advance(seconds=10)  # 10:25:30 still rounds up
    assert meeting.state.projection(clock.now()).end == start.add(minutes=26)


def test_projected_end_a_few_seconds_before_the_planned_end_shows_no_drift(meeting, clock):
    type_lines(meeting, "/next")
    clock.advance(minutes=24, seconds=40)  # 9 min 40 s over: ends 10:49:40
    projected = meeting.state.projection(clock.now())
    assert projected.end == projected.planned and projected.delta_minutes == 0


def test_a_meeting_held_days_before_its_planned_day_shows_that_day_not_a_drift(archive):
    from screens.widgets.bar import projection

    planned_for = pendulum.datetime(2026, 3, 6, 10, 0, tz="Europe/Berlin")
    clock = FakeClock(planned_for.subtract(days=4))
    meeting = LiveMeeting(archive.create_meeting(demo_agenda(planned_for), clock.now()), clock)
    type_lines(meeting, "/next")
    projected = meeting.state.projection(clock.now())
    assert not projected.same_day
    text = projection(meeting.state, clock.now()).plain
    assert text == "Ends ~09:40 (planned Fri 6 Mar 2026, 09:50)"  # the demo is kept in UTC
    assert "'" not in text


def test_the_top_bar_reads_the_drift_from_the_minutes_it_shows(meeting, clock):
    from screens.widgets.bar import projection

    type_lines(meeting, "/next")
    clock.advance(seconds=40)
    type_lines(meeting, "/next")
    text = projection(meeting.state, clock.now()).plain
    zone = meeting.state.agenda.timezone
    ends = meeting.state.agenda.start.add(minutes=26).in_timezone(zone).format("HH:mm")
    planned = meeting.state.agenda.end.in_timezone(zone).format("HH:mm")
    assert text == f"Ends ~{ends} (planned {planned}) -24'"


def test_next_topic_starts_with_its_owner_speaking(meeting, clock):
    type_lines(meeting, "/next", "/next")
    state = meeting.state
    assert state.current == "t2"
    assert state.topics["t1"].status == "done"
    assert state.speaker.person == "Marta"


def test_speaking_time_per_person_and_department(meeting, clock):
    type_lines(meeting, "/next")  # Li (R&D) reports
    clock.advance(minutes=3)
    type_lines(meeting, "/speak @Marta", "/speak @Zhao", "/done")  # Marta speaks
    clock.advance(minutes=2)
    type_lines(meeting, "/done")  # Zhao (R&D)
    clock.advance(minutes=1)
    now = clock.now()
    assert meeting.state.speaking_by_person(now) == {"Li": 180, "Marta": 120, "Zhao": 60}
    by_department = meeting.state.speaking_by_department(now)
    assert by_department["R&D"] == 240 and by_department["Marketing"] == 120
    assert by_department["Sales"] == 0


def test_one_department_over_half_the_topic_raises_the_balance_warning(meeting, clock):
    type_lines(meeting, "/next")
    clock.advance(minutes=4)
    imbalance = meeting.state.imbalance(clock.now())
    assert imbalance is not None and imbalance.department == "R&D"
    type_lines(meeting, "/call @Marta")
    clock.advance(minutes=4)
    assert meeting.state.imbalance(clock.now()) is None


def test_undo_takes_back_the_last_command_whole(meeting, clock):
    type_lines(meeting, "/next", "/speak @Marta", "/done")
    assert meeting.state.speaker.person == "Marta"
    type_lines(meeting, "/undo")
    state = meeting.state
    assert state.speaker.person == "Li" and state.queue == ("Marta",)
    type_lines(meeting, "d: keep", "/undo")
    assert meeting.state.entries == ()


def test_skip_and_reorder_remaining_topics(meeting, clock):
    type_lines(meeting, "/next", "/move 3 2")
    assert [meeting.state.topics[t].topic.title for t in meeting.state.order] == [
        "R&D progress and risks",
        "Sales training needs",
        "Launch campaign plan",
    ]
    type_lines(meeting, "/skip")
    state = meeting.state
    assert state.topics["t1"].status == "skipped" and state.current == "t3"


def test_absentee_gets_a_briefer(meeting):
    type_lines(meeting, "/absent @Wang @Zhao")
    assert meeting.state.attendance["Wang"].briefer == "Zhao"
    refused = meeting.submit("/absent @Li @Wang")
    assert not refused.accepted and "Wang" in refused.notices[0].text()


def test_refused_command_keeps_the_text_and_records_nothing(meeting):
    before = meeting.state.last_seq
    outcome = meeting.submit("/pause")
    assert not outcome.accepted and outcome.keep_text
    assert meeting.state.last_seq == before


def test_reopening_resumes_with_the_right_time_left(db_path, clock):
    with Archive.open(db_path) as archive:
        from facilitator.planning.demo import demo_agenda

        journal = archive.create_meeting(demo_agenda(clock.now()), clock.now())
        first = LiveMeeting(journal, clock)
        type_lines(first, "/next", "d: go live on 20 Sept")
        clock.advance(minutes=6)
        meeting_id = first.meeting_id
    # the laptop is closed; 2 minutes later the room is reopened
    clock.advance(minutes=2)
    with Archive.open(db_path) as archive:
        again = LiveMeeting(archive.journal(meeting_id), clock)
        topic = again.state.current_topic
        assert topic.topic.id == "t1"
        assert topic.left(clock.now()) == 7 * 60
        assert [c.entry.text for c in again.state.entries] == ["go live on 20 Sept"]


def test_second_terminal_sees_the_first_ones_events(db_path, clock):
    with Archive.open(db_path) as host_archive, Archive.open(db_path) as recorder_archive:
        from facilitator.planning.demo import demo_agenda

        journal = host_archive.create_meeting(demo_agenda(clock.now()), clock.now())
        host = LiveMeeting(journal, clock)
        recorder = LiveMeeting(recorder_archive.journal(journal.meeting_id), clock)
        type_lines(host, "/next")
        type_lines(recorder, "d: ship it")
        assert host.sync()
        assert host.state.current == recorder.state.current == "t1"
        assert [c.entry.text for c in host.state.entries] == ["ship it"]


def test_close_writes_minutes_tables(meeting, archive, clock):
    type_lines(
        meeting,
        "/next",
        "Front end 80% done",
        "d: go live on 20 Sept",
        "a: @Li training build by 9/10",
        "u: @Legal compliance opinion in 3 workdays",
        "x: R&D: longer tests | Marketing: keep the date",
        "/absent @Wang @Zhao",
    )
    clock.advance(minutes=5)
    minutes = meeting.close()
    assert meeting.state.is_closed
    db = archive.db
    meeting_row = db["meetings"].get(meeting.meeting_id)
    assert meeting_row["status"] == "closed"
    assert [r["text"] for r in db["decisions"].rows] == ["go live on 20 Sept"]
    assert [(r["title"], r["owner"], r["due"], r["status"]) for r in db["tasks"].rows] == [
        ("training build", "Li", "2026-09-10", "open")
    ]
    assert [(r["owner"], r["deadline"]) for r in db["open_items"].rows] == [("Legal", "2026-03-05")]
    assert [r["text"] for r in db["points"].rows] == ["Front end 80% done"]
    assert '"party":"R&D"' in next(db["disputes"].rows)["sides"].replace(" ", "")
    absent = [r for r in db["attendance"].rows if r["status"] == "absent"]
    assert [(r["name"], r["briefer"]) for r in absent] == [("Wang", "Zhao")]
    speaking = {r["person"]: r["seconds"] for r in db["speaking"].rows}
    assert speaking == {"Li": 300.0}
    assert len(minutes.tasks) == 1
    assert not meeting.submit("d: too late").accepted


def test_only_the_owners_first_turn_of_the_topic_is_their_report(meeting, clock):
    type_lines(meeting, "/next")  # Li owns the first topic and opens it
    assert meeting.state.speaker.person == "Li" and meeting.state.speaker.reports
    clock.advance(minutes=3)
    type_lines(meeting, "/speak @Marta @Wang", "/done")
    assert not meeting.state.speaker.reports  # Marta discusses
    type_lines(meeting, "/done", "/call @Li")
    assert meeting.state.speaker.person == "Li" and not meeting.state.speaker.reports
    type_lines(meeting, "/next")  # Marta opens her own topic with a report
    assert meeting.state.speaker.person == "Marta" and meeting.state.speaker.reports


def test_owner_back_on_their_topic_is_not_reporting_again(meeting, clock):
    type_lines(meeting, "/next")
    clock.advance(minutes=2)
    type_lines(meeting, "/next", "/back")
    assert meeting.state.speaker.person == "Li" and not meeting.state.speaker.reports


def test_an_owner_who_arrives_after_the_start_still_opens_with_the_report(meeting, clock):
    type_lines(meeting, "/absent @Li @Ana", "/next")
    speaker = meeting.state.speaker
    assert (speaker.person, speaker.briefs_for, speaker.reports) == ("Ana", "Li", True)
    type_lines(meeting, "/late @Li", "/call @Li")
    assert meeting.state.speaker.reports


def test_back_leaves_the_topic_pending_and_next_comes_back_to_it(meeting, clock):
    type_lines(meeting, "/next", "/next")  # Li's topic done, Marta's running
    clock.advance(minutes=4)
    type_lines(meeting, "/back")  # a point forgotten on the first topic
    state = meeting.state
    assert state.current == "t1"
    assert (state.topics["t2"].status, state.topics["t2"].elapsed(clock.now())) == ("pending", 240)
    clock.advance(minutes=1)
    type_lines(meeting, "/next")  # F2: back to Marta's topic, not on to the third
    state = meeting.state
    assert state.current == "t2" and state.topics["t1"].status == "done"
    assert state.current_topic.left(clock.now()) == 11 * 60  # 15 planned, 4 used


def test_goto_keeps_the_time_used_and_the_countdown_resumes_from_there(meeting, clock):
    type_lines(meeting, "/next")
    clock.advance(minutes=5)
    type_lines(meeting, "/goto 3")
    clock.advance(minutes=2)
    type_lines(meeting, "/goto 1")
    assert meeting.state.current_topic.left(clock.now()) == 10 * 60
    clock.advance(minutes=3)
    assert meeting.state.current_topic.left(clock.now()) == 7 * 60
    assert meeting.state.topics["t3"].status == "pending"
    type_lines(meeting, "/next", "/next")  # 1 done -> 2 -> 3, whose 2 minutes are kept
    assert meeting.state.current == "t3"
    assert meeting.state.current_topic.left(clock.now()) == 8 * 60


def test_projected_end_counts_what_is_left_of_every_topic_not_done(meeting, clock):
    type_lines(meeting, "/next")
    clock.advance(minutes=5)
    type_lines(meeting, "/goto 3")
    start = meeting.state.agenda.start
    # 10:05 + 10 left of topic 1 + 15 of topic 2 + 10 of topic 3
    assert meeting.state.projected_end(clock.now()) == start.add(minutes=40)


def test_next_after_the_last_topic_returns_to_one_left_half_way(meeting, clock):
    type_lines(meeting, "/next", "/goto 3")
    type_lines(meeting, "/next")  # wraps around to the first topic still to finish
    assert meeting.state.current == "t1"


def test_a_finished_topic_revisited_and_left_stays_finished(meeting, clock):
    type_lines(meeting, "/next", "/next", "/back", "/goto 3")
    assert meeting.state.topics["t1"].status == "done"
    assert meeting.state.topics["t2"].status == "pending"
    type_lines(meeting, "/next")
    assert meeting.state.current == "t2"


def test_undo_takes_back_a_goto_and_the_topic_runs_on_as_before(meeting, clock):
    type_lines(meeting, "/next")
    clock.advance(minutes=5)
    type_lines(meeting, "/goto 3")
    clock.advance(minutes=2)
    type_lines(meeting, "/undo")
    state = meeting.state
    assert state.current == "t1" and state.topics["t3"].status == "pending"
    assert state.current_topic.left(clock.now()) == 8 * 60  # as if never left
    assert state.topics["t3"].started_at is None
    type_lines(meeting, "/next", "/back", "/undo")  # /back taken back: on topic 2 again
    state = meeting.state
    assert state.current == "t2" and state.topics["t1"].status == "done"


def test_a_journal_from_before_topic_left_still_reads_back_as_done(meeting, clock):
    # Older journals went back by starting the other topic: that meant done then.
    from facilitator.meeting.events import TopicStarted

    type_lines(meeting, "/next", "/next")
    meeting.record(TopicStarted(at=clock.now(), topic="t1"))
    assert meeting.state.topics["t2"].status == "done"


def test_minutes_count_a_topic_left_half_way_as_discussed(meeting, clock):
    type_lines(meeting, "/next")
    clock.advance(minutes=3)
    type_lines(meeting, "/goto 3")
    clock.advance(minutes=1)
    topics = {t.id: t for t in meeting.close().topics}
    assert (topics["t1"].status, topics["t1"].actual_seconds) == ("done", 180)
    assert topics["t2"].status == "pending"


def test_reviewing_the_closing_summary_is_not_booked_to_the_last_speaker(meeting, clock):
    type_lines(meeting, "/next")  # Li reports
    clock.advance(minutes=3)
    outcome = meeting.submit("/close")  # the summary opens: Li's turn ends here
    assert outcome.accepted and outcome.request == "close"
    assert meeting.state.speaker is None
    clock.advance(minutes=6)  # the room reads and fixes the summary
    minutes = meeting.close()
    assert [(s.person, s.seconds) for s in minutes.speaking] == [("Li", 180)]


def test_opening_the_summary_with_nobody_speaking_records_nothing(meeting):
    type_lines(meeting, "/next", "/done")
    before = len(meeting.journal.read())
    assert meeting.submit("/close").request == "close"
    assert len(meeting.journal.read()) == before
