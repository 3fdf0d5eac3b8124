"""The retrospective after the close: kept as given, a rating always."""

from __future__ import annotations

import pendulum
import pytest

from facilitator.followup.retro import RatingRequired, Retrospective, updated_retrospective

CLOSED = pendulum.datetime(2026, 3, 2, 11, 0, tz="Europe/Berlin")


def test_a_retro_update_keeps_what_it_does_not_mention() -> None:
    stored = Retrospective("clear goal", "start on time", 4, CLOSED)
    later = CLOSED.add(days=1)
    assert updated_retrospective(stored, later, rating=2) == Retrospective(
        "clear goal", "start on time", 2, later
    )
    assert updated_retrospective(stored, later, good="") == Retrospective(
        "", "start on time", 4, later
    )
    with pytest.raises(RatingRequired):
        updated_retrospective(None, later, good="clear goal")


def test_a_rating_is_one_to_five() -> None:
    from facilitator.followup.retro import is_valid_rating

    assert [r for r in range(0, 7) if is_valid_rating(r)] == [1, 2, 3, 4, 5]
