"""The agenda file: a public interface, validated with clear messages."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitator.planning.agenda_file import AgendaError, load_agenda, parse_agenda
from tests.support import AGENDA_TOML


def test_host_loads_a_valid_agenda(agenda_file: Path) -> None:
    agenda = load_agenda(agenda_file)
    assert agenda.title == "Weekly ops sync"
    assert agenda.kind == "sync"
    assert agenda.start.isoformat() == "2026-03-02T10:00:00+01:00"
    assert [t.id for t in agenda.topics] == ["t1", "t2"]
    assert agenda.departments == ("Ops", "R&D", "Sales")
    assert agenda.with_role("host")[0].name == "Ana"
    assert agenda.materials == ("checklist.pdf",)


def _problems(text: str) -> AgendaError:
    with pytest.raises(AgendaError) as caught:
        parse_agenda(text, source="plan.toml")
    return caught.value


def test_unknown_topic_owner_names_file_line_and_field() -> None:
    error = _problems(AGENDA_TOML.replace('owner = "Ben"', 'owner = "Bob"'))
    assert len(error.problems) == 1
    problem = error.problems[0]
    assert problem.field == "topics[2].owner"
    assert "Bob" in problem.message
    line = AGENDA_TOML.splitlines().index('owner = "Ben"') + 1
    assert f"plan.toml:{line}: topics[2].owner" in str(error)


def test_bad_date_is_reported_with_its_line() -> None:
    error = _problems(
        AGENDA_TOML.replace("start = 2026-03-02T10:00:00+01:00", 'start = "next monday"')
    )
    assert error.problems[0].field == "meeting.start"
    assert error.problems[0].line == 5
    assert "next monday" in str(error)


def test_impossible_toml_date_is_a_syntax_error_with_line() -> None:
    error = _problems(AGENDA_TOML.replace("2026-03-02T11:00:00", "2026-13-02T11:00:00"))
    assert error.problems[0].line == 6


def test_an_impossible_date_is_called_a_bad_date_with_the_form_to_write() -> None:
    error = _problems(
        AGENDA_TOML.replace(
            "start = 2026-03-02T10:00:00+01:00", "start = 2026-13-40T10:00:00+01:00"
        )
    )
    assert str(error) == (
        "plan.toml:5: meeting.start: 2026-13-40T10:00:00+01:00 is not a valid date and time "
        "(write it like 2026-03-02T10:00:00+01:00)"
    )


def test_a_date_without_a_time_says_which_half_is_missing() -> None:
    error = _problems(
        AGENDA_TOML.replace("start = 2026-03-02T10:00:00+01:00", "start = 2026-11-30")
    )
    assert str(error) == (
        "plan.toml:5: meeting.start: a date without a time: write 2026-11-30T10:00:00+01:00"
    )
    assert "datetime" not in str(error)


def test_a_quoted_date_without_a_time_is_not_taken_for_midnight() -> None:
    error = _problems(
        AGENDA_TOML.replace("start = 2026-03-02T10:00:00+01:00", 'start = "2026-11-30"')
    )
    assert str(error) == (
        "plan.toml:5: meeting.start: a date without a time: write 2026-11-30T10:00:00+01:00"
    )


def test_a_meeting_that_ends_when_it_starts_is_told_so() -> None:
    error = _problems(AGENDA_TOML.replace("end = 2026-03-02T11:00:00", "end = 2026-03-02T10:00:00"))
    assert [p.message for p in error.problems] == [
        "the meeting ends when it starts: give an end after the start"
    ]


@pytest.mark.parametrize("minutes", ["0", "-5", "2.5", '"ten"'])
def test_topic_minutes_must_be_positive_whole_numbers(minutes: str) -> None:
    error = _problems(AGENDA_TOML.replace("minutes = 20", f"minutes = {minutes}"))
    assert [p.field for p in error.problems] == ["topics[1].minutes"]


def test_missing_title_and_end_before_start_are_all_reported() -> None:
    text = AGENDA_TOML.replace('title = "Weekly ops sync"\n', "").replace(
        "end = 2026-03-02T11:00:00", "end = 2026-03-02T09:00:00"
    )
    fields = {p.field for p in _problems(text).problems}
    assert fields == {"meeting.title", "meeting.end"}


def test_missing_topic_title_names_the_topic() -> None:
    error = _problems(AGENDA_TOML.replace('title = "Support rota"\n', ""))
    assert [p.field for p in error.problems] == ["topics[2].title"]


def test_unknown_role_and_duplicate_person() -> None:
    text = AGENDA_TOML.replace('role = "recorder"', 'role = "scribe"') + (
        '\n[[people]]\nname = "Ana"\ndepartment = "Ops"\n'
    )
    fields = {p.field for p in _problems(text).problems}
    assert fields == {"people[2].role", "people[4].name"}


def test_local_times_take_the_meeting_time_zone() -> None:
    text = AGENDA_TOML.replace("+01:00", "").replace(
        'kind = "sync"', 'kind = "sync"\ntimezone = "Asia/Shanghai"'
    )
    agenda = parse_agenda(text)
    assert agenda.timezone == "Asia/Shanghai"
    assert agenda.start.isoformat() == "2026-03-02T10:00:00+08:00"


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(AgendaError, match="no such agenda file"):
        load_agenda(tmp_path / "nope.toml")


def test_agenda_survives_the_journal_round_trip(agenda_file: Path) -> None:
    from facilitator.meeting.agenda import Agenda

    agenda = load_agenda(agenda_file)
    assert Agenda.from_dict(agenda.to_dict()) == agenda


def test_a_misspelt_key_is_named_with_its_line_and_the_key_meant() -> None:
    text = AGENDA_TOML.replace('department = "Ops"', 'departement = "Ops"', 1).replace(
        'place = "Room 2"', 'place = "Room 2"\nrsvp_deadline = 2026-02-26T17:00:00+01:00'
    )
    problems = {p.field: p for p in _problems(text).problems}
    assert "did you mean 'department'?" in problems["people[1].departement"].message
    assert (
        problems["people[1].departement"].line == text.splitlines().index('departement = "Ops"') + 1
    )
    assert "rsvp_deadline" in problems["meeting.rsvp_deadline"].message


def test_an_owner_typed_in_the_wrong_case_gets_a_did_you_mean() -> None:
    text = AGENDA_TOML.replace('owner = "Ben"', 'owner = "ben"')
    (problem,) = _problems(text).problems
    assert problem.field == "topics[2].owner" and "did you mean Ben?" in problem.message


def test_a_person_s_title_is_kept() -> None:
    text = AGENDA_TOML.replace('department = "R&D"', 'department = "R&D"\ntitle = "经理"', 1)
    agenda = parse_agenda(text)
    assert agenda.person("Ben").title == "经理"


def test_an_agenda_without_a_language_takes_the_planner_s_language() -> None:
    from facilitator.core.i18n import set_language

    set_language("zh")
    try:
        assert parse_agenda(AGENDA_TOML).language == "zh"
    finally:
        set_language("en")
    assert parse_agenda(AGENDA_TOML).language == "en"


def test_the_holiday_calendar_is_a_country_or_none() -> None:
    text = AGENDA_TOML.replace('kind = "sync"', 'kind = "sync"\nholidays = "CN"')
    assert parse_agenda(text).calendar().country == "CN"
    text = AGENDA_TOML.replace('kind = "sync"', 'kind = "sync"\nholidays = "none"')
    assert parse_agenda(text).calendar().country == ""
    bad = AGENDA_TOML.replace('kind = "sync"', 'kind = "sync"\nholidays = "Mars"')
    (problem,) = _problems(bad).problems
    assert problem.field == "meeting.holidays"


def test_a_start_in_the_spring_forward_hour_is_an_error_not_moved() -> None:
    text = (
        AGENDA_TOML.replace("start = 2026-03-02T10:00:00+01:00", "start = 2026-03-29T02:30:00")
        .replace("end = 2026-03-02T11:00:00+01:00", "end = 2026-03-29T04:00:00")
        .replace('kind = "sync"', 'kind = "sync"\ntimezone = "Europe/Berlin"')
    )
    problems = _problems(text).problems
    assert [p.field for p in problems] == ["meeting.start"]
    assert "does not exist in Europe/Berlin" in problems[0].message


def test_a_start_in_the_autumn_hour_is_read_once_and_the_other_reading_named() -> None:
    from facilitator.planning.warnings import plan_warnings

    text = (
        AGENDA_TOML.replace("start = 2026-03-02T10:00:00+01:00", "start = 2026-10-25T02:30:00")
        .replace("end = 2026-03-02T11:00:00+01:00", "end = 2026-10-25T03:30:00")
        .replace('kind = "sync"', 'kind = "sync"\ntimezone = "Europe/Berlin"')
    )
    agenda = parse_agenda(text)
    found = [
        f
        for f in plan_warnings(agenda, agenda.start.subtract(days=10))
        if f.key == "plan.start_twice"
    ]
    (finding,) = found
    assert {finding.params["chosen"], finding.params["other"]} == {"+02:00", "+01:00"}


@pytest.mark.parametrize("value", ["24", "-3600", "true"])
def test_a_zone_that_is_not_a_name_is_refused_with_the_reason(value: str) -> None:
    with pytest.raises(AgendaError) as caught:
        parse_agenda(AGENDA_TOML.replace('kind = "sync"', f'kind = "sync"\ntimezone = {value}'))
    assert "timezone" in str(caught.value)
