"""The words an agenda file may use, and the nearest one to a word it does not know.

A typo in a key (``departement``, ``rsvp_deadline``) used to pass ``check``
and be dropped without a word; now every key is one of these, or a problem
that names the key and the one probably meant.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

from facilitator.core.i18n import t
from facilitator.core.workdays import known_country

TABLES = ("meeting", "people", "topics")
MEETING_KEYS = (
    "title",
    "goal",
    "kind",
    "start",
    "end",
    "timezone",
    "place",
    "online",
    "rsvp_by",
    "materials",
    "language",
    "holidays",
    "balance_threshold",
    "rules",
    "uid",
    "speaker_minutes",
    "warn_minutes",
    "warn_share",
    "alerts",
    "series",
)
PERSON_KEYS = ("name", "department", "role", "email", "title")
TOPIC_KEYS = ("title", "owner", "minutes", "carries")
CARRIES = re.compile(r"(?:item|task) [1-9][0-9]*")
"""A topic's ``carries``: the open item or task an earlier meeting handed on."""


def nearest(word: str, choices: Iterable[str]) -> str | None:
    """The choice ``word`` most likely meant (any case), or None if none is close."""
    by_fold = {choice.casefold(): choice for choice in choices}
    exact = by_fold.get(word.casefold())
    if exact is not None:
        return exact
    close = difflib.get_close_matches(word.casefold(), list(by_fold), n=1, cutoff=0.6)
    return by_fold[close[0]] if close else None


def unknown(keys: Iterable[str], known: Iterable[str]) -> list[tuple[str, str | None]]:
    """Each key not in ``known``, with the known key it probably meant."""
    allowed = tuple(known)
    return [(key, nearest(key, allowed)) for key in keys if key not in allowed]


def holiday_calendar(value: object) -> tuple[str | None, str | None]:
    """What ``holidays = ...`` names: (``CN`` or ``none``, None); (None, None) when
    the key is absent (the zone decides); (None, the problem) when it is no calendar."""
    if value is None:
        return None, None
    if not isinstance(value, str):
        return None, t("agenda.not_text", value=repr(value))
    code = value.strip()
    if code.lower() in ("", "none"):
        return "none", None
    if known_country(code):
        return code.upper(), None
    return None, t("agenda.unknown_holidays", value=repr(value))
