"""The input line, fuzzed: any line is read, kept as typed, and never crashes the room.

Lines are built from the pieces people really type (prefixes, commands,
@names, dates in both languages, separators) mixed with arbitrary text.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from pendulum import Date

from facilitator.app.live import LiveMeeting
from facilitator.core.clock import FakeClock
from facilitator.core.text import clean
from facilitator.core.workdays import work_calendar
from facilitator.line.dates import find_dates, parse_date
from facilitator.line.entries import PREFIXES
from facilitator.line.grammar import COMMANDS
from facilitator.line.parsed import Capture, Invalid, LineContext
from facilitator.line.read import parse_line
from facilitator.meeting.decision import Command
from facilitator.planning.demo import demo_agenda
from store.archive import Archive
from tests.support import START

FUZZ = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])

CONTEXT = LineContext(
    people=["Ana", "Li", "Marta", "Wang", "Zhao", "李雷", "韩梅梅", "Ana Lee"],
    departments=["Operations", "R&D", "Marketing", "Sales"],
    today=Date(2026, 8, 12),
    calendar=work_calendar("CN"),
)

_PIECES = st.sampled_from(
    [
        *[p + ":" for p in PREFIXES],
        *[p + "：" for p in PREFIXES],
        *["/" + c for c in COMMANDS],
        "#agreed",
        "#action",
        "@Ana",
        "@Li",
        "@李",
        "@李雷",
        "@ana lee",
        "@Legal",
        "@",
        "@@",
        "by",
        "before",
        "截止",
        "之前",
        "8/20",
        "13/45",
        "2/29",
        "02/29/2100",
        "2026-02-30",
        "9999-12-31",
        "0000-01-01",
        "9月20日",
        "2026年2月30日",
        "31 Sept",
        "Feb 30th",
        "in 999 workdays",
        "in 99 weeks",
        "3个工作日内",
        "十天",
        "friday",
        "next mon",
        "下周五",
        "周日",
        "tomorrow",
        "|",
        "｜",
        " vs ",
        ";",
        "；",
        ":",
        "：",
        "-5",
        "+3",
        "999999999999999999999",
        "0",
        "1",
        "2",
        " ",
        "\t",
        "\x1b[31m",
        "\x00",
        "\u3000",
        "\u200b",
        "[b]",
    ]
)
lines = st.one_of(
    st.text(max_size=60),
    st.lists(_PIECES | st.text(max_size=6), min_size=1, max_size=8).map(" ".join),
    st.lists(_PIECES | st.text(max_size=4), min_size=1, max_size=8).map("".join),
)


def _check_kept(text: str, parsed: object) -> None:
    """Whatever the line became, what was typed is kept, and its text is clean."""
    assert isinstance(parsed, Capture | Command | Invalid)
    if isinstance(parsed, Capture):
        entry = parsed.entry
        assert entry.raw == text
        assert entry.text.strip(), "an entry with no text"
        assert entry.text == clean(entry.text)
        for side in entry.sides:
            assert side.position == clean(side.position) and side.party == clean(side.party)
    else:
        assert parsed.raw == text


@FUZZ
@given(lines)
@example("a: @Li by 2/29")
@example("/extend 99999999999999999999999")
@example("/goto -1")
@example("/move 0 99")
@example("/retract 0")
@example("u: @")
@example("a: in 99999999999 workdays")
@example("x: |")
@example("x: a: | b:")
def test_any_line_is_read_without_crashing_and_keeps_what_was_typed(text: str) -> None:
    _check_kept(text, parse_line(text, CONTEXT))


@pytest.fixture(scope="module")
def room(tmp_path_factory: pytest.TempPathFactory) -> LiveMeeting:
    """One real meeting all the fuzzed lines are typed into, topic running."""
    path: Path = tmp_path_factory.mktemp("fuzz") / "archive.db"
    archive = Archive.open(path)
    clock = FakeClock(START)
    meeting = LiveMeeting(archive.create_meeting(demo_agenda(clock.now()), clock.now()), clock)
    meeting.open()
    meeting.submit("/next")
    return meeting


@settings(max_examples=250, deadline=None, suppress_health_check=list(HealthCheck))
@given(lines.filter(lambda line: not line.strip().startswith(("/close", "/结束", "/散会"))))
@example("/extend 99999999999999999999999")
@example("/goto 99999999999999999999999")
@example("/move 1 99999999999999999999999")
@example("/retract 99999999999999999999999")
@example("/goto -3")
@example("/skip 0")
@example("a: in 999 weeks")
def test_any_line_typed_into_a_running_meeting_is_recorded_or_refused(
    room: LiveMeeting, text: str
) -> None:
    before = room.state.last_seq
    room.clock.advance(seconds=7)
    outcome = room.submit(text)
    if not outcome.accepted:
        assert room.state.last_seq == before, "a refused line wrote something"
        assert room.journal.read(after=before) == []
    elif isinstance(room.preview(text), Capture):
        written = room.journal.read(after=before)
        assert [e.entry.raw for e in written if hasattr(e, "entry")] == [text]


@FUZZ
@given(lines, st.dates(min_value=Date(1901, 1, 1), max_value=Date(8999, 12, 31)))
@example("in 999 workdays", Date(8999, 12, 31))
@example("2/29 12/31/99 9999-12-31", Date(2026, 8, 12))
def test_dates_in_any_line_are_found_in_place_or_not_at_all(text: str, today) -> None:
    found = find_dates(text, Date(today.year, today.month, today.day), CONTEXT.calendar)
    previous_end = 0
    for match in found:
        assert previous_end <= match.start < match.end <= len(text)
        assert text[match.start : match.end] == match.text
        previous_end = match.end
    parse_date(text, Date(today.year, today.month, today.day))
