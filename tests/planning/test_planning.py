"""Planning rules: what `facilitator check` warns about, and the agenda templates."""

from __future__ import annotations

from dataclasses import replace

import pendulum
import pytest

from facilitator.core.workdays import work_calendar
from facilitator.meeting.agenda import MEETING_KINDS, Person, Topic
from facilitator.planning.agenda_file import parse_agenda
from facilitator.planning.carry_over import CarriedItem, carry_over_topics, next_meeting_start
from facilitator.planning.demo import demo_agenda
from facilitator.planning.planned import PlannedPerson
from facilitator.planning.templates import render_agenda
from facilitator.planning.warnings import (
    bad_emails,
    is_email,
    late_notice,
    long_topics,
    missing_roles,
    no_place,
    not_invited,
    notice_warnings,
    plan_warnings,
    rsvp_after_start,
    topics_overflow,
)

START = pendulum.datetime(2026, 3, 5, 10, 0, tz="Europe/Berlin")  # a Thursday
MONDAY_BEFORE = pendulum.datetime(2026, 3, 2, 9, 0, tz="Europe/Berlin")


def _agenda(**changes):
    return replace(demo_agenda(START), **changes)


def keys(findings) -> list[str]:
    return [f.key for f in findings]


def test_a_well_planned_meeting_has_no_warnings() -> None:
    assert plan_warnings(_agenda(rsvp_by=START.subtract(days=1)), MONDAY_BEFORE) == []


def test_a_topic_over_thirty_minutes_is_flagged() -> None:
    agenda = _agenda(topics=(Topic("t1", "Budget", "Li", 45), Topic("t2", "Hiring", "Li", 30)))
    (finding,) = long_topics(agenda)
    assert finding.key == "plan.long_topic" and finding.params["title"] == "Budget"
    assert "45 minutes" in finding.text("en")


def test_topics_that_do_not_fit_between_start_and_end() -> None:
    agenda = _agenda(end=START.add(minutes=30))
    (finding,) = topics_overflow(agenda)
    assert finding.params == {"planned": 40, "available": 30}


def test_a_meeting_without_goal_host_or_recorder() -> None:
    agenda = _agenda(goal="", people=(Person("Li", "R&D"), Person("Wang", "Sales")))
    assert keys(missing_roles(agenda)) == ["plan.no_goal", "plan.no_host", "plan.no_recorder"]


def test_notice_two_working_days_ahead_is_in_time() -> None:
    assert late_notice(_agenda(), MONDAY_BEFORE) == []  # Mon -> Thu: Tue, Wed, Thu


def test_notice_on_the_day_before_is_late() -> None:
    (finding,) = late_notice(_agenda(), pendulum.datetime(2026, 3, 4, 9, tz="Europe/Berlin"))
    assert finding.params == {"days": 1, "needed": 2}


def test_notice_on_the_meeting_s_own_day_says_no_working_day_is_left() -> None:
    (finding,) = late_notice(_agenda(), pendulum.datetime(2026, 3, 5, 7, tz="Europe/Berlin"))
    assert finding.key == "plan.late_notice_none"
    assert finding.text() == (
        "the notice goes out late: not one working day is left before the start, 2 are expected"
    )


def test_weekends_do_not_count_as_notice_days() -> None:
    monday = _agenda(start=START.add(days=4), end=START.add(days=4, hours=1))
    friday_before = pendulum.datetime(2026, 3, 6, 9, tz="Europe/Berlin")
    assert keys(late_notice(monday, friday_before)) == ["plan.late_notice"]


def test_china_s_national_day_does_not_count_as_notice_days() -> None:
    # The template's own case: a notice on 30 September for a meeting on 8 October.
    start = pendulum.datetime(2026, 10, 8, 10, tz="Asia/Shanghai")
    meeting = _agenda(start=start, end=start.add(hours=1), holidays="CN")
    (finding,) = late_notice(meeting, pendulum.datetime(2026, 9, 30, 9, tz="Asia/Shanghai"))
    assert finding.key.startswith("plan.late_notice") and finding.params["days"] < 2


def test_the_zone_names_the_holiday_calendar_when_the_agenda_does_not() -> None:
    start = pendulum.datetime(2026, 10, 8, 10, tz="Asia/Shanghai")
    meeting = _agenda(start=start, end=start.add(hours=1), holidays=None)
    assert meeting.calendar().country == "CN"
    assert keys(late_notice(meeting, pendulum.datetime(2026, 9, 30, 9, tz="Asia/Shanghai"))) == [
        "plan.late_notice"
    ]


def test_a_notice_after_the_meeting_says_the_meeting_has_passed() -> None:
    assert keys(late_notice(_agenda(), START.add(days=1))) == ["plan.meeting_passed"]


def test_rsvp_deadline_after_the_start() -> None:
    assert keys(rsvp_after_start(_agenda(rsvp_by=START.add(hours=1)))) == ["plan.rsvp_after_start"]
    assert rsvp_after_start(_agenda(rsvp_by=None)) == []


def test_a_meeting_with_neither_room_nor_link_has_no_place() -> None:
    assert keys(no_place(_agenda(place="", online=""))) == ["plan.no_place"]
    assert no_place(_agenda(place="", online="https://meet.example.com/x")) == []


@pytest.mark.parametrize(
    "value", ["not-an-email", "ana@", "@example.com", "ana@example", "a b@x.y"]
)
def test_an_email_that_is_not_an_address_is_flagged_on_its_person(value: str) -> None:
    assert not is_email(value) and is_email("li.wei+q3@example.com")
    people = (Person("Ana", "Ops", "host", "ana@example.com"), Person("Li", "R&D", email=value))
    (finding,) = bad_emails(_agenda(people=people))
    assert finding.field_label == "people[2].email" and finding.params["value"] == value
    (left_out,) = not_invited(_agenda(people=(*people, Person("Wang", "Sales"))))
    assert left_out.params["names"] == "Li, Wang"


def test_a_warning_names_its_file_line_and_field_like_an_error() -> None:
    (finding,) = long_topics(_agenda(topics=(Topic("t1", "Budget", "Li", 45),)))
    assert finding.located("plan.toml", 14) == (
        "plan.toml:14: topics[1].minutes: warning: topic 'Budget' is planned for 45 minutes: "
        "over 30, split it or it will drift"
    )
    assert finding.located("plan.toml", None, "zh").startswith(
        "plan.toml: topics[1].minutes: 提醒：议题“Budget”"
    )


def test_the_notice_warns_about_what_its_readers_see() -> None:
    agenda = _agenda(goal="", place="", online="", rsvp_by=START.add(hours=1))
    found = keys(notice_warnings(agenda, START.subtract(days=1), invitation=True))
    assert found == [
        "plan.no_goal",
        "plan.no_place",
        "plan.late_notice",
        "plan.rsvp_after_start",
    ]


def test_without_a_readable_time_only_the_timeless_warnings_are_given() -> None:
    agenda = _agenda(goal="", end=START, topics=(Topic("t1", "Budget", "Li", 45),))
    found = keys(plan_warnings(agenda, START.add(days=1), timed=False))
    assert found == ["plan.no_goal", "plan.long_topic"]


@pytest.mark.parametrize("kind", MEETING_KINDS)
@pytest.mark.parametrize("language", ["en", "zh"])
def test_every_template_is_a_valid_agenda_without_warnings(kind: str, language: str) -> None:
    text = render_agenda(kind, language, START, "Europe/Berlin")
    agenda = parse_agenda(text)
    assert agenda.kind == kind and agenda.language == language
    assert agenda.goal and agenda.with_role("host") and agenda.with_role("recorder")
    assert len(agenda.topics) >= 4 and len(agenda.departments) >= 3
    assert plan_warnings(agenda, MONDAY_BEFORE) == []


def test_the_chinese_template_reads_in_chinese() -> None:
    agenda = parse_agenda(render_agenda("decision", "zh", START, "Asia/Shanghai"))
    assert agenda.title == "问题攻坚会"
    assert agenda.topics[0].title == "问题现状及影响（事实与数据）"
    assert agenda.start.timezone_name == "Asia/Shanghai"


def test_carried_items_are_owned_by_their_owner_or_by_the_host() -> None:
    people = [PlannedPerson("Ana", "Ops", "host"), PlannedPerson("Li", "R&D", "attendee")]
    items = [
        CarriedItem("unresolved", "compliance opinion", "Legal", pendulum.date(2026, 3, 5)),
        CarriedItem("delayed", "test form", "Li", pendulum.date(2026, 3, 10)),
    ]
    first, second = carry_over_topics(items, people, "en")
    assert first.owner == "Ana" and "Legal" in first.title and "Thu 5 Mar 2026" in first.title
    assert second.owner == "Li" and second.title.startswith("Delayed task: test form")


def test_carried_items_become_topics_of_the_next_agenda() -> None:
    carried = [CarriedItem("unresolved", 'quote "this"', "李雷", None)]
    agenda = parse_agenda(render_agenda("sync", "zh", START, "Europe/Berlin", carried=carried))
    assert agenda.topics[-2].title == '上次遗留：quote "this"（李雷）'
    assert agenda.topics[-2].owner == "李雷"


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "en",
            [
                "Carried over: budget for launch event",
                "Carried over: venue (Li)",
                "Carried over: permit (deadline Thu 5 Mar 2026)",
                "Delayed task: test form (Li, due Tue 10 Mar 2026)",
            ],
        ),
        (
            "zh",
            [
                "上次遗留：budget for launch event",
                "上次遗留：venue（Li）",
                "上次遗留：permit（2026年3月5日 星期四前）",
                "延期任务：test form（Li，原定2026年3月10日 星期二）",
            ],
        ),
    ],
)
def test_a_carried_title_names_only_the_owner_and_date_it_has(language, expected) -> None:
    items = [
        CarriedItem("unresolved", "budget for launch event", "", None),
        CarriedItem("unresolved", "venue", "Li", None),
        CarriedItem("unresolved", "permit", "", pendulum.date(2026, 3, 5)),
        CarriedItem("delayed", "test form", "Li", pendulum.date(2026, 3, 10)),
    ]
    people = [PlannedPerson("Ana", "Ops", "host"), PlannedPerson("Li", "R&D", "attendee")]
    assert [topic.title for topic in carry_over_topics(items, people, language)] == expected


@pytest.mark.parametrize("kind", MEETING_KINDS)
@pytest.mark.parametrize("language", ["en", "zh"])
def test_carried_items_come_before_the_wrap_up_topic(kind: str, language: str) -> None:
    plain = parse_agenda(render_agenda(kind, language, START, "Europe/Berlin"))
    carried = [CarriedItem("unresolved", "budget", "", None)]
    agenda = parse_agenda(render_agenda(kind, language, START, "Europe/Berlin", carried=carried))
    titles = [topic.title for topic in agenda.topics]
    wrap_up = plain.topics[-1].title  # "Next steps and owners", 下一步计划及责任人 ...
    assert titles[-1] == wrap_up
    assert titles[-2].endswith("budget")
    assert titles[:-2] == [topic.title for topic in plain.topics[:-1]]


def test_the_next_meeting_leaves_time_for_the_notice() -> None:
    friday = pendulum.datetime(2026, 3, 6, 15, tz="Europe/Berlin")
    start = next_meeting_start(friday, "Europe/Berlin", work_calendar(None, "Europe/Berlin"))
    assert start == pendulum.datetime(2026, 3, 11, 10, tz="Europe/Berlin")  # Mon, Tue, Wed
    assert late_notice(_agenda(start=start, end=start.add(hours=1)), friday) == []
