"""Speaking balance, decided once: departments' time, shares, and who dominates a topic."""

from __future__ import annotations

import pytest

from facilitator.app.live import LiveMeeting
from facilitator.meeting.balance import (
    BALANCE_MIN_SECONDS,
    Imbalance,
    balance_of,
    department_totals,
    departments_in_room,
    fair_share,
    shares_of,
    verdict,
)
from facilitator.meeting.minutes import build_minutes
from facilitator.notebook.cells import SpeakingTime
from tests.support import type_lines


def test_a_department_adds_up_the_seconds_of_its_people():
    spoken = [("Li", "R&D", 180.0), ("Zhao", "R&D", 60.0), ("Marta", "Marketing", 120.0)]
    assert department_totals(spoken) == {"R&D": 240.0, "Marketing": 120.0}


def test_a_silent_department_is_listed_at_zero_in_agenda_order():
    totals = department_totals([("Marta", "Marketing", 90.0)], ("R&D", "Marketing", "Sales"))
    assert list(totals.items()) == [("R&D", 0.0), ("Marketing", 90.0), ("Sales", 0.0)]


def test_a_department_whose_only_member_is_absent_is_no_part_of_the_equal_share():
    people = [("Li", "R&D"), ("Zhao", "Operations"), ("Marta", "Marketing"), ("Wang", "Sales")]
    present = departments_in_room(people, {"Zhao"})
    assert present == ("R&D", "Marketing", "Sales")
    assert fair_share(len(present)) == pytest.approx(1 / 3)


def test_a_department_with_someone_still_present_keeps_its_share():
    people = [("Li", "R&D"), ("Zhao", "R&D"), ("Marta", "Marketing")]
    assert departments_in_room(people, {"Zhao"}) == ("R&D", "Marketing")


def test_someone_without_a_department_counts_as_their_own():
    assert department_totals([("Guest", "", 30.0)], ("R&D",)) == {"R&D": 0.0, "Guest": 30.0}


def test_the_equal_share_is_one_over_the_departments():
    assert fair_share(4) == 0.25
    assert fair_share(0) == 0.0


def test_shares_are_zero_while_nobody_has_spoken():
    assert shares_of({"R&D": 0.0, "Sales": 0.0}) == {"R&D": 0.0, "Sales": 0.0}
    assert shares_of({"R&D": 90.0, "Sales": 30.0}) == {"R&D": 0.75, "Sales": 0.25}


def test_the_owners_opening_report_alone_raises_no_warning():
    under = BALANCE_MIN_SECONDS - 1
    assert verdict({"R&D": under, "Sales": 0.0}, 0.5) is None
    assert verdict({"R&D": BALANCE_MIN_SECONDS, "Sales": 0.0}, 0.5) == Imbalance("R&D", 1.0, 0.5)


def test_a_meeting_of_one_department_is_never_out_of_balance():
    assert verdict({"R&D": 600.0}, 0.5) is None


def test_a_department_exactly_at_its_limit_is_not_over():
    assert verdict({"R&D": 90.0, "Sales": 90.0}, 0.5) is None
    assert verdict({"R&D": 91.0, "Sales": 89.0}, 0.5) is not None


def test_only_the_department_the_warning_names_is_over():
    # A low limit lets two departments pass it; the warning names the larger,
    # and only its bar may turn red.
    shown = balance_of({"R&D": 100.0, "Marketing": 90.0, "Sales": 10.0}, 0.4)
    assert shown.imbalance is not None and shown.imbalance.department == "R&D"
    assert [(d.name, d.over) for d in shown.departments] == [
        ("R&D", True),
        ("Marketing", False),
        ("Sales", False),
    ]


def test_no_bar_is_over_before_two_minutes_are_spoken():
    shown = balance_of({"R&D": 60.0, "Sales": 0.0}, 0.5)
    assert shown.imbalance is None
    assert [(d.share, d.over) for d in shown.departments] == [(1.0, False), (0.0, False)]


def test_the_balance_carries_the_equal_share_the_limit_and_the_time_spoken():
    shown = balance_of({"R&D": 60.0, "Marketing": 30.0, "Sales": 30.0}, 0.6)
    assert shown.fair == pytest.approx(1 / 3)
    assert shown.threshold == 0.6 and shown.spoken == 120.0


def test_room_minutes_and_notebook_count_departments_alike(meeting: LiveMeeting):
    clock = meeting.clock
    type_lines(meeting, "/present all", "/next")  # Li (R&D) reports
    clock.advance(minutes=3)
    type_lines(meeting, "/call @Marta")
    clock.advance(minutes=2)
    type_lines(meeting, "/call @Zhao")
    clock.advance(minutes=1)
    now = clock.now()
    room = meeting.state.speaking_by_department(now)
    minutes = build_minutes(meeting.state, now)
    lines = tuple(
        {"person": s.person, "department": s.department, "seconds": s.seconds}
        for s in minutes.speaking
    )
    notebook = SpeakingTime(lines, meeting.state.agenda.departments).by_department()
    assert room == minutes.speaking_by_department() == notebook
    assert room["R&D"] == 240 and room["Marketing"] == 120
