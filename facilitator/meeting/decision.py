"""A host command, and what it decides: the events to record, or a refusal saying why not."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from facilitator.core.notice import Notice
from facilitator.meeting.events import Event


@dataclass(frozen=True)
class Command:
    """A host command: ``/name args``; ``people`` are the resolved @names."""

    name: str
    args: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    number: int | None = None
    raw: str = ""
    request: str = ""
    """``/speak``: the kind of request (order, question, reply; "" for a new point)."""
    text: str = ""
    """Free text the command carries: the reason of a request to speak."""

    def summary(self, name: str | None = None, word: Callable[[str], str] = str) -> str:
        """The command as it was understood, every argument kept: ``move 3 2``, ``speak @Li``;
        ``name``: the name the room knows it by (``延长 10`` in a Chinese room), and
        ``word`` how it types an argument word (``全部``, ``提问``)."""
        parts = [name or self.name, *("@" + person for person in self.people)]
        if self.args == ("all",) and not self.people:
            parts.append(word("all"))
        elif self.name == "move":
            parts += self.args[:2]
        elif self.name in ("limit", "alerts") and self.args:
            parts.append(word(self.args[0]))
        elif self.number is not None:
            parts.append(str(self.number))
        if self.request:
            parts.append(word(self.request))
        if self.text:
            parts.append("— " + self.text)
        return " ".join(parts)


class Refusal(Exception):
    """A command that cannot run now; ``notice`` says why."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.notice = Notice(key, dict(params), "warning")


@dataclass(frozen=True)
class Decision:
    """The events a command records, and what to tell the room."""

    events: tuple[Event, ...] = ()
    notice: Notice | None = None
    request: str | None = None  # something only the screen can do: "close", "help"
    also: tuple[Notice, ...] = ()
    """More to tell the room, after ``notice`` (a consequence of the command)."""

    @property
    def notices(self) -> tuple[Notice, ...]:
        return ((self.notice,) if self.notice else ()) + self.also
