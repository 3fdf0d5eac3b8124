"""Speaking balance: each department's share of the time and whether one dominates.

The one place that decides it. The room's warning, the red bars of the
balance view, the follow view, the minutes, the metrics and the notebook's
charts all read these functions, so a bar can never be red without the
warning naming its department.
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Mapping
from dataclasses import dataclass

BALANCE_MIN_SECONDS = 120
"""Speaking time a topic needs before the balance warning may fire; the
owner's opening report alone must not raise it."""

Spoken = tuple[str, str, float]
"""``(person, department, seconds)``: one person's time, with the department
it counts for (empty if unknown)."""


@dataclass(frozen=True)
class Imbalance:
    """One department speaking more than its allowed share of a topic."""

    department: str
    share: float
    threshold: float


@dataclass(frozen=True)
class DepartmentShare:
    """One department's time and share, and whether the verdict names it."""

    name: str
    seconds: float
    share: float
    """Of the time spoken, 0-1; 0 while nobody has spoken."""
    over: bool
    """The verdict says this department is over its share: its bar is red."""


@dataclass(frozen=True)
class Balance:
    """Every department's share of some speaking time, and the verdict on it."""

    departments: tuple[DepartmentShare, ...]
    fair: float
    """The equal share, one over the number of departments."""
    threshold: float
    imbalance: Imbalance | None

    @property
    def spoken(self) -> float:
        """Seconds spoken in all, every department together."""
        return sum(department.seconds for department in self.departments)


def department_totals(
    spoken: Iterable[Spoken], departments: Iterable[str] = ()
) -> dict[str, float]:
    """Seconds per department from each person's seconds.

    ``departments`` are listed first, at 0 if nobody of theirs spoke, so a
    silent department still shows (and counts towards the equal share).
    Someone with no department counts as their own.
    """
    totals = dict.fromkeys(departments, 0.0)
    for person, department, seconds in spoken:
        name = department or person
        totals[name] = totals.get(name, 0.0) + seconds
    return totals


def departments_in_room(
    people: Iterable[tuple[str, str]], absent: Container[str]
) -> tuple[str, ...]:
    """Departments that can speak, in order of first appearance: those with someone
    not marked absent. A department whose people are all away has nobody to speak
    for it, so it is no part of the equal share (four departments present share
    25% each, not the 20% of five)."""
    return tuple(dict.fromkeys(department for name, department in people if name not in absent))


def fair_share(departments: int) -> float:
    """The equal share of ``departments`` departments (0 when there are none)."""
    return 1 / departments if departments else 0.0


def shares_of(totals: Mapping[str, float]) -> dict[str, float]:
    """Each name's share of the total, 0-1; all 0 while the total is 0."""
    whole = sum(totals.values())
    return {name: seconds / whole if whole else 0.0 for name, seconds in totals.items()}


def verdict(totals: Mapping[str, float], threshold: float) -> Imbalance | None:
    """The department over ``threshold`` of the time, if one dominates.

    Only once :data:`BALANCE_MIN_SECONDS` have been spoken (a topic's opening
    report alone is no imbalance) and only among two departments or more (one
    department cannot outweigh another). The largest share is the one judged:
    the warning names a single department.
    """
    spoken = sum(totals.values())
    if spoken < BALANCE_MIN_SECONDS or len(totals) < 2:
        return None
    department, seconds = max(totals.items(), key=lambda item: item[1])
    share = seconds / spoken
    return Imbalance(department, share, threshold) if share > threshold else None


def balance_of(totals: Mapping[str, float], threshold: float) -> Balance:
    """Each department's share of ``totals`` and the verdict, ready to draw.

    A department is ``over`` exactly when the verdict names it, so what is
    red on a screen always comes with the warning that says why.
    """
    imbalance = verdict(totals, threshold)
    named = imbalance.department if imbalance else None
    parts = shares_of(totals)
    return Balance(
        tuple(
            DepartmentShare(name, seconds, parts[name], name == named)
            for name, seconds in totals.items()
        ),
        fair_share(len(totals)),
        threshold,
        imbalance,
    )
