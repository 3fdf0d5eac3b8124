"""The agenda's settings for the room: time per turn, when to warn, how to alert."""

from __future__ import annotations

import pytest

from facilitator.meeting.agenda import Agenda
from facilitator.planning.agenda_file import AgendaError, parse_agenda
from tests.support import AGENDA_TOML


def with_settings(*lines: str) -> str:
    return AGENDA_TOML.replace('place = "Room 2"', "\n".join(['place = "Room 2"', *lines]))


def problems(text: str) -> list[str]:
    with pytest.raises(AgendaError) as caught:
        parse_agenda(text, source="plan.toml")
    return [f"{p.field}: {p.message}" for p in caught.value.problems]


def test_the_agenda_sets_the_time_per_turn_the_warning_and_the_alerts() -> None:
    agenda = parse_agenda(
        with_settings("speaker_minutes = 2", "warn_share = 0.7", 'alerts = "flash"')
    )
    assert (agenda.speaker_minutes, agenda.warn_share, agenda.alerts) == (2, 0.7, "flash")
    assert agenda.warning.seconds(600) == pytest.approx(180)
    # Kept in the journal as plain data, and back.
    assert Agenda.from_dict(agenda.to_dict()) == agenda


def test_without_settings_no_limit_two_minutes_warning_and_the_bell() -> None:
    agenda = parse_agenda(AGENDA_TOML)
    assert (agenda.speaker_minutes, agenda.warn_minutes, agenda.alerts) == (0, 2, "bell")
    # A journal written before these keys reads the same.
    old = {k: v for k, v in agenda.to_dict().items() if k not in ("speaker_minutes", "alerts")}
    assert Agenda.from_dict(old) == agenda


@pytest.mark.parametrize(
    ("line", "said"),
    [
        ("speaker_minutes = -1", "meeting.speaker_minutes: must be minutes per turn above zero"),
        ('speaker_minutes = "2"', "meeting.speaker_minutes: must be minutes per turn"),
        ("speaker_minutes = 90", "at most 60"),
        ("warn_minutes = 0", "meeting.warn_minutes: must be the minutes left"),
        ("warn_share = 1.5", "meeting.warn_share: must be the share of a topic's time"),
        ('alerts = "loud"', "meeting.alerts: 'loud' is not one of bell | flash | off"),
        ("speker_minutes = 2", "did you mean 'speaker_minutes'?"),
    ],
)
def test_a_wrong_setting_is_named_with_the_reason(line: str, said: str) -> None:
    found = problems(with_settings(line))
    assert any(said in problem for problem in found), found


def test_warn_minutes_and_warn_share_are_one_or_the_other() -> None:
    found = problems(with_settings("warn_minutes = 3", "warn_share = 0.8"))
    assert found == ["meeting.warn_share: give warn_minutes or warn_share, not both"]
