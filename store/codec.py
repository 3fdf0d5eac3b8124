"""Events as the journal stores them: JSON payloads, and back.

The journal's ``payload`` column holds an event's own fields (not ``at`` or
``seq``) as JSON; dates and instants as ISO 8601, the agenda as its plain
data. Only the store reads and writes it.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from collections.abc import Callable
from functools import cache
from typing import Any

import pendulum
from pendulum import Date, DateTime

from facilitator.meeting.agenda import Agenda
from facilitator.meeting.events import EVENT_TYPES, Event


def _encode(value: Any) -> Any:
    if isinstance(value, Agenda):
        return value.to_dict()
    if isinstance(value, DateTime):
        return value.isoformat()
    if isinstance(value, Date):
        return value.isoformat()
    if dataclasses.is_dataclass(value):
        return {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [_encode(v) for v in value]
    return value


def _decode(tp: Any, value: Any) -> Any:
    return None if value is None else _decoder(tp)(value)


@cache
def _decoder(tp: Any) -> Callable[[Any], Any]:
    """How to rebuild a value of type ``tp`` from JSON, worked out once per type:
    reopening a long meeting decodes thousands of events (benchmarks/reopen.py)."""
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(tp) if a is not type(None)]
        return _decoder(inner[0])
    if tp is Agenda:
        return Agenda.from_dict
    if tp is Date:
        return _date
    if tp is DateTime:
        return _instant
    if origin is tuple:
        (item, *_rest) = typing.get_args(tp)
        return lambda value: tuple(_decode(item, v) for v in value)
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        hints = _hints(tp)
        return lambda value: tp(**{k: _decode(hints[k], v) for k, v in value.items() if k in hints})
    return lambda value: value


def _instant(text: str) -> DateTime:
    return pendulum.parse(text)  # type: ignore[return-value]


def _date(text: str) -> Date:
    return pendulum.parse(text, exact=True)  # type: ignore[return-value]


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    """The field types of a dataclass, worked out once per class."""
    found = _HINTS.get(cls)
    if found is None:
        found = _HINTS[cls] = typing.get_type_hints(cls)
    return found


def encode_payload(event: Event) -> str:
    """The event's own fields (not ``at``/``seq``) as a JSON string."""
    fields = {
        f.name: _encode(getattr(event, f.name))
        for f in dataclasses.fields(event)
        if f.name not in ("at", "seq", "group")
    }
    return json.dumps(fields, ensure_ascii=False, separators=(",", ":"))


def decode_event(kind: str, payload: str, at: str, seq: int, group: int = 0) -> Event:
    """Rebuild an event from a journal row."""
    cls = EVENT_TYPES[kind]
    hints = _hints(cls)
    data = json.loads(payload) if payload else {}
    fields = {k: _decode(hints[k], v) for k, v in data.items() if k in hints}
    return cls(at=_instant(at), seq=seq, group=group or seq, **fields)
