"""A request to speak and where it joins the queue: TC39's typed queue.

Each request has a kind. A point of order goes before everything; a
clarifying question before replies; a reply before new points, right after
the current speaker; a new point goes at the end. Among requests of one
kind, first come first served. The fold places each request with
:func:`queue_place`; ``/queue @a N`` can still move anyone anywhere.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

RequestKind = Literal["order", "question", "reply", "new"]
REQUEST_KINDS: tuple[RequestKind, ...] = ("order", "question", "reply", "new")
"""In order of precedence: a point of order first, a new point last."""
NEW: RequestKind = "new"


@dataclass(frozen=True)
class Request:
    """What someone asked to speak for, and why (``reason``: as typed, may be empty)."""

    kind: RequestKind = NEW
    reason: str = ""


def request_kind(code: str) -> RequestKind:
    """The kind a stored code names; an unknown or empty one is a new point."""
    for kind in REQUEST_KINDS:
        if kind == code:
            return kind
    return NEW


def queue_place(waiting: Sequence[RequestKind], kind: RequestKind) -> int:
    """Where a request of ``kind`` joins a queue whose requests are ``waiting``:
    before the first request of lower precedence, so after every request of
    its own kind or higher (0 is next)."""
    rank = REQUEST_KINDS.index(kind)
    for index, other in enumerate(waiting):
        if REQUEST_KINDS.index(other) > rank:
            return index
    return len(waiting)
