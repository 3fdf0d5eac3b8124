"""Who owns a task or an open item after the meeting: a participant, a department,
or someone outside the room, as the room itself reads ``@owner``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from facilitator.core.pinyin import pinyin_key


@dataclass(frozen=True)
class Owner:
    """The owner as stored: a name, the department that carries the work, and
    whether the meeting knows them (a participant or one of its departments)."""

    name: str
    department: str
    known: bool


def resolve_owner(typed: str, people: Sequence[tuple[str, str]]) -> Owner:
    """The owner ``typed`` names among ``people`` (name, department) of the meeting.

    A participant by name (any case, or its pinyin: ``lilei`` is 李雷), else one
    of the meeting's departments, else someone outside it, kept as typed with
    themselves as the department, as the room keeps ``@Legal``.
    """
    wanted = typed.strip()
    folded = wanted.casefold()
    for name, department in people:
        if name == wanted:
            return Owner(name, department, True)
    bare = folded.replace(" ", "")
    for name, department in people:
        spelled = not name.isascii() and pinyin_key(name).replace(" ", "") == bare
        if name.casefold() == folded or spelled:
            return Owner(name, department, True)
    for _name, department in people:
        if department.casefold() == folded:
            return Owner(department, department, True)
    return Owner(wanted, wanted, False)
