"""The agenda loader, fuzzed: any text gives an Agenda or an AgendaError, never a crash.

Hypothesis writes agenda files a person might (a good file with one value
swapped for another type, lines dropped or doubled) and text that is barely
TOML at all. An Agenda that loads must also survive the trip through the
journal (JSON) unchanged, or a reopened meeting would fail.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from facilitator.meeting.agenda import Agenda
from facilitator.meeting.events import MeetingCreated
from facilitator.meeting.fold import fold
from facilitator.meeting.minutes import build_minutes
from facilitator.planning.agenda_file import AgendaError, parse_agenda
from tests.support import AGENDA_TOML

FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_toml_string = st.text(max_size=30).map(lambda s: json.dumps(s, ensure_ascii=False))
_toml_datetime = st.sampled_from(
    [
        "2026-03-02T10:00:00+01:00",
        "2026-03-02T10:00:00",
        "2026-03-02 10:00:00Z",
        "2026-03-02",
        "10:00:00",
        "0001-01-01T00:00:00Z",
        "9999-12-31T23:59:59Z",
        "9999-12-31T23:59:59-23:59",
        "2026-03-29T02:30:00",
        '"2026-03-02 10:00"',
        '"tomorrow"',
        '"2026-02-30T10:00"',
        '"Europe/Berlin"',
        '"+01:00"',
        '"UTC+0530"',
        '""',
    ]
)
_toml_scalar = st.one_of(
    _toml_string,
    _toml_datetime,
    st.integers(min_value=-(2**63), max_value=2**63 - 1).map(str),
    st.sampled_from(["true", "false", "nan", "inf", "-inf", "0.0", "1e308", "-0.5", "0.5"]),
)
_toml_value = st.recursive(
    _toml_scalar,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3).map(lambda items: "[" + ", ".join(items) + "]"),
        st.dictionaries(st.sampled_from(["name", "title", "a"]), inner, max_size=2).map(
            lambda table: "{" + ", ".join(f"{k} = {v}" for k, v in table.items()) + "}"
        ),
    ),
    max_leaves=4,
)

_LINES = AGENDA_TOML.splitlines()
_KEYS = sorted(
    {line.split("=")[0].strip() for line in _LINES if "=" in line}
    | {"timezone", "language", "balance_threshold", "rules", "online", "email", "role", "kind"}
)


@st.composite
def agenda_files(draw: st.DrawFn) -> str:
    """A good agenda file with a few lines changed, dropped, doubled or added."""
    lines = list(_LINES)
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        index = draw(st.integers(min_value=0, max_value=len(lines) - 1))
        change = draw(st.sampled_from(["value", "drop", "double", "add", "header"]))
        line = lines[index]
        if change == "value" and "=" in line:
            lines[index] = f"{line.split('=')[0].strip()} = {draw(_toml_value)}"
        elif change == "drop":
            del lines[index]
        elif change == "double":
            lines.insert(index, line)
        elif change == "add":
            lines.insert(index, f"{draw(st.sampled_from(_KEYS))} = {draw(_toml_value)}")
        else:
            header = draw(
                st.sampled_from(["[meeting]", "[[people]]", "[[topics]]", "[people]", "people = 1"])
            )
            lines.insert(index, header)
        if not lines:
            break
    return "\n".join(lines) + "\n"


def _load(text: str) -> Agenda | None:
    try:
        agenda = parse_agenda(text, source="fuzz.toml")
    except AgendaError as error:
        assert error.problems and str(error).startswith("fuzz.toml")
        return None
    return agenda


def _survives_the_journal(agenda: Agenda) -> None:
    again = Agenda.from_dict(json.loads(json.dumps(agenda.to_dict(), ensure_ascii=False)))
    assert again == agenda
    assert again.start == agenda.start and again.key == agenda.key
    # ... and the room can be drawn from it: timers and the projected end.
    state = fold([MeetingCreated(at=agenda.start, agenda=again, seq=1)])
    assert state.projected_end(agenda.start) >= agenda.start
    build_minutes(state, agenda.end)


@FUZZ
@given(agenda_files())
@example(AGENDA_TOML.replace('[[people]]\nname = "Ana"', "people = [1, 2]\n[[x]]\nname = 1", 1))
@example(AGENDA_TOML + "\n[[people]]\n")
@example(AGENDA_TOML.replace("minutes = 20", "minutes = 9223372036854775807"))
@example(AGENDA_TOML.replace("start = 2026-03-02T10:00:00+01:00", "start = 0001-01-01T00:00:00Z"))
def test_an_edited_agenda_file_loads_or_says_why(text: str) -> None:
    agenda = _load(text)
    if agenda is not None:
        _survives_the_journal(agenda)


@FUZZ
@given(st.text(max_size=200))
def test_any_text_is_an_agenda_error_not_a_crash(text: str) -> None:
    _load(text)


def _mostly(good: st.SearchStrategy[str], bad: st.SearchStrategy[str | None]):
    """``good`` nine times in ten, so that whole files are sometimes right."""
    return st.integers(min_value=0, max_value=9).flatmap(lambda n: bad if n == 0 else good)


def _table(fields: dict[str, str]) -> st.SearchStrategy[str]:
    """Inline tables with each field usually good, sometimes another value or missing."""
    values = {key: _mostly(st.just(good), st.none() | _toml_value) for key, good in fields.items()}
    return st.fixed_dictionaries(values).map(
        lambda table: "{" + ", ".join(f"{k} = {v}" for k, v in table.items() if v is not None) + "}"
    )


_MEETING = _table(
    {
        "title": '"Weekly"',
        "start": "2026-03-02T10:00:00+01:00",
        "end": "2026-03-02T11:00:00+01:00",
        "timezone": '"Europe/Berlin"',
        "kind": '"sync"',
        "language": '"zh"',
        "rules": '["one"]',
        "balance_threshold": "0.4",
    }
)
_PERSON = _table({"name": '"Ana"', "department": '"Ops"', "role": '"host"', "email": '"a@e.x"'})
_TOPIC = _table({"title": '"Budget"', "owner": '"Ana"', "minutes": "20"})


def _array(item: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    items = st.lists(_mostly(item, _toml_value), max_size=3)
    return items.map(lambda values: "[" + ", ".join(values) + "]")


@st.composite
def agenda_shapes(draw: st.DrawFn) -> str:
    """Agenda files whose tables and lists have the wrong shape as often as the right one."""
    lines = [
        "meeting = " + draw(_mostly(_MEETING, _toml_value)),
        "people = " + draw(_mostly(_array(_PERSON), _toml_value)),
        "topics = " + draw(_mostly(_array(_TOPIC), _toml_value)),
    ]
    return "\n".join(draw(st.permutations(lines))) + "\n"


@FUZZ
@given(agenda_shapes())
@example("meeting = 1\npeople = [1, 2]\ntopics = [[]]\n")
@example('meeting = {title = "x"}\npeople = ["Ana"]\ntopics = [{title = 1}]\n')
def test_tables_of_any_shape_load_or_say_why(text: str) -> None:
    agenda = _load(text)
    if agenda is not None:
        _survives_the_journal(agenda)


def test_a_person_written_as_plain_text_is_reported_not_a_crash() -> None:
    text = 'people = ["Ana", "Ben"]\n' + AGENDA_TOML.split("[[people]]")[0]
    text += "[[topics]]\ntitle = 'Rota'\nowner = 'Ana'\nminutes = 5\n"
    with pytest.raises(AgendaError) as raised:
        parse_agenda(text, source="a.toml")
    assert "people[1]: expected a [[people]] table with its fields, got 'Ana'" in str(raised.value)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("end = 2026-03-02T11:00:00+01:00", "end = 9999-12-31T23:59:59Z", "not a year a meeting"),
        ("start = 2026-03-02T10:00:00+01:00", "start = 0001-01-01T00:00:00Z", "not a year"),
        ("minutes = 20", "minutes = 9223372036854775807", "more than 1440: split the topic"),
    ],
)
def test_dates_and_durations_beyond_the_calendar_are_reported(old, new, message) -> None:
    with pytest.raises(AgendaError, match=message):
        parse_agenda(AGENDA_TOML.replace(old, new))
