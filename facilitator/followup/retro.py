"""The retrospective after the close: what went well, what to improve, a rating.

Pure rules over plain values; ``store.followup`` keeps it, ``facilitator
retro`` and the series trends read it.
"""

from __future__ import annotations

from dataclasses import dataclass

from pendulum import DateTime

RATINGS = range(1, 6)


@dataclass(frozen=True)
class Retrospective:
    """What went well, what to improve, and a 1-5 rating, after the close."""

    good: str
    improve: str
    rating: int
    at: DateTime


def is_valid_rating(rating: int) -> bool:
    """A rating is a whole number from 1 to 5."""
    return rating in RATINGS


class RatingRequired(ValueError):
    """A first retrospective needs a rating: there is none stored to keep."""


def updated_retrospective(
    stored: Retrospective | None,
    now: DateTime,
    *,
    good: str | None = None,
    improve: str | None = None,
    rating: int | None = None,
) -> Retrospective:
    """The retrospective after a partial update: what is not given is kept.

    ``retro 1 --rating 2`` after ``--good a --improve b`` changes the rating
    only. Without a stored one the rating is required (raises
    :class:`RatingRequired`): a retrospective always has one.
    """
    if rating is None:
        if stored is None:
            raise RatingRequired
        rating = stored.rating
    return Retrospective(
        good if good is not None else (stored.good if stored else ""),
        improve if improve is not None else (stored.improve if stored else ""),
        rating,
        now,
    )
