"""The people and topics of an agenda being drafted, before it is written out."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PlannedPerson:
    name: str
    department: str
    role: str
    email: str = ""


@dataclass(frozen=True)
class PlannedTopic:
    title: str
    owner: str
    minutes: int
    note: str = ""  # written as a comment above the topic
    carries: str = ""  # "item 3" / "task 7": what an earlier meeting handed on
