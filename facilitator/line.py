"""The one input line: capture for the recorder, commands for the host.

Plain text is a discussion point. ``d:`` decision, ``a:`` action item,
``u:`` unresolved item, ``x:`` dispute (Chinese 决定: 任务: 待定: 争议:, and
full-width colons). ``/next``, ``/extend 5``, ``/speak @Li`` ... drive the
room. Whatever cannot be read is kept as a plain point, with the reason, so
nothing typed is ever thrown away.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from typing import Any

from pendulum import Date

from facilitator.dates import find_dates
from facilitator.events import Entry, EntryKind, Side
from facilitator.i18n import t
from facilitator.names import mentions
from facilitator.text import clean

PREFIXES: dict[str, EntryKind] = {
    **dict.fromkeys(("p", "point", "note", "info", "要点", "讨论", "记录"), "point"),
    **dict.fromkeys(("d", "decision", "decided", "agreed", "决定", "决策", "决议"), "decision"),
    **dict.fromkeys(("a", "action", "task", "todo", "任务", "待办", "行动"), "action"),
    **dict.fromkeys(("u", "unresolved", "open", "待定", "未决", "待解决"), "unresolved"),
    **dict.fromkeys(("x", "dispute", "争议", "分歧"), "dispute"),
}
"""Entry prefixes, in English and Chinese (MeetBot's #agreed/#action/#info too)."""

COMMANDS: dict[str, str] = {
    "next": "next",
    "n": "next",
    "下一个": "next",
    "下一项": "next",
    "back": "back",
    "prev": "back",
    "上一个": "back",
    "goto": "goto",
    "topic": "goto",
    "议题": "goto",
    "pause": "pause",
    "暂停": "pause",
    "resume": "resume",
    "继续": "resume",
    "extend": "extend",
    "延长": "extend",
    "skip": "skip",
    "跳过": "skip",
    "move": "move",
    "移动": "move",
    "speak": "speak",
    "s": "speak",
    "发言": "speak",
    "call": "call",
    "点名": "call",
    "done": "done",
    "结束发言": "done",
    "queue": "queue",
    "排队": "queue",
    "drop": "drop",
    "移除": "drop",
    "present": "present",
    "到": "present",
    "出席": "present",
    "absent": "absent",
    "缺席": "absent",
    "late": "late",
    "迟到": "late",
    "undo": "undo",
    "撤销": "undo",
    "retract": "retract",
    "撤回": "retract",
    "close": "close",
    "结束": "close",
    "散会": "close",
    "help": "help",
    "帮助": "help",
}
"""Slash commands and their aliases -> canonical command name."""

COMMAND_NAMES = tuple(dict.fromkeys(COMMANDS.values()))

_PREFIX = re.compile(r"^\s*#?(?P<prefix>[^\s:：]{1,12})\s*[:：]\s*(?P<rest>.*)$", re.DOTALL)
_MEETBOT = re.compile(r"^\s*#(?P<prefix>agreed|action|info|idea)\s+(?P<rest>.*)$", re.I | re.DOTALL)
_DUE_LEAD = re.compile(
    r"(?:\b(?:by|due|before|until|till|on|deadline)\s*:?\s*|截止(?:日期|时间)?\s*[:：]?\s*|于|在)$",
    re.IGNORECASE,
)
_DUE_TAIL = re.compile(r"^\s*(?:之前|以前|前|内|之内|截止|完成)")
_SIDES = re.compile(r"\s*(?:\||｜|\bvs\.?\b|；|;)\s*", re.IGNORECASE)
_SIDE = re.compile(r"^\s*(?P<party>@?[^:：]{1,40}?)\s*[:：]\s*(?P<position>.+)$", re.DOTALL)
MAX_EXTEND_MINUTES = 240
EVERYONE = ("all", "everyone", "*", "全体", "全部", "所有人")
"""``/present all`` marks everyone the roll call has not reached as present."""
PEOPLE_COMMANDS = ("speak", "call", "drop", "present", "absent", "late")


@dataclass(frozen=True)
class Notice:
    """Something the recorder should know about a line (a message key)."""

    key: str
    params: dict[str, Any] = field(default_factory=dict)
    severity: str = "info"  # info | warning

    def text(self, language: str | None = None) -> str:
        return t(self.key, language=language, **self.params)


@dataclass(frozen=True)
class Capture:
    """A line that becomes an entry under the current topic."""

    entry: Entry
    notices: tuple[Notice, ...] = ()


@dataclass(frozen=True)
class Command:
    """A host command: ``/name args``; ``people`` are the resolved @names."""

    name: str
    args: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    number: int | None = None
    raw: str = ""


@dataclass(frozen=True)
class Invalid:
    """A command line that cannot run; the line stays in the input to fix."""

    notice: Notice
    raw: str = ""


Parsed = Capture | Command | Invalid


@dataclass(frozen=True)
class LineContext:
    """What the parser needs to know about the room."""

    people: Sequence[str]
    departments: Sequence[str] = ()
    today: Date = field(default_factory=lambda: Date.today())
    holidays: Collection[Date] = ()

    @property
    def names(self) -> list[str]:
        return list(self.people) + [d for d in self.departments if d not in self.people]


def parse_line(text: str, context: LineContext) -> Parsed:
    """Read one line typed into the room."""
    raw = text
    # The entry keeps what was typed in ``raw``; its text never carries escape
    # sequences or control characters to a screen or an export.
    stripped = clean(text).strip()
    if not stripped:
        return Invalid(Notice("line.empty_entry", severity="warning"), raw)
    if stripped.startswith("/") and len(stripped) > 1:
        return _parse_command(stripped[1:], context, raw)
    kind: EntryKind = "point"
    body = stripped
    meetbot = _MEETBOT.match(stripped)
    match = meetbot or _PREFIX.match(stripped)
    if match and (match.group("prefix").lower() in PREFIXES or meetbot):
        prefix = match.group("prefix").lower()
        kind = "point" if prefix == "idea" else PREFIXES[prefix]
        body = match.group("rest").strip()
        if not body:
            return Invalid(Notice("line.empty_entry", severity="warning"), raw)
    if kind in ("action", "unresolved"):
        return _parse_assignment(kind, body, raw, context)
    if kind == "dispute":
        return _parse_dispute(body, raw, context)
    return Capture(Entry(kind, body, raw=raw))


def _as_point(raw: str, notice: Notice) -> Capture:
    """Keep an unreadable line as a plain point, saying why."""
    return Capture(Entry("point", clean(raw).strip(), raw=raw), (notice,))


def _parse_assignment(kind: EntryKind, body: str, raw: str, context: LineContext) -> Capture:
    notices: list[Notice] = []
    owner = ""
    spans: list[tuple[int, int]] = []
    found = mentions(body, context.names)
    first = found[0] if found else None
    if first is not None and first.name is not None:
        # A person, or a department in the room ("@R&D"): both may own a task.
        owner = first.name
        spans.append((first.start, first.end))
    elif first is not None and first.candidates:
        return _as_point(
            raw,
            Notice(
                "line.ambiguous_name",
                {"name": first.typed, "candidates": ", ".join(first.candidates)},
                "warning",
            ),
        )
    elif first is not None and first.typed:
        # Outside departments and people owe tasks and opinions too ("@Legal"):
        # the owner is kept as typed, and the summary lets the room fix a typo.
        owner = first.typed
        spans.append((first.start, first.end))
        notices.append(Notice("line.outside_owner", {"name": first.typed}, "warning"))
    else:
        if first is not None:
            spans.append((first.start, first.end))  # a bare "@" names nobody
        notices.append(Notice(f"line.no_owner_{kind}", severity="warning"))
    due: Date | None = None
    dates = [
        d
        for d in find_dates(body, context.today, context.holidays)
        if not any(a <= d.start < b for a, b in spans)
    ]
    if dates:
        last = dates[-1]
        if last.date is None:
            return _as_point(raw, Notice("line.bad_date", {"date": last.text}, "warning"))
        due = last.date
        start, end = last.start, last.end
        lead = _DUE_LEAD.search(body[:start])
        if lead:
            start = lead.start()
        tail = _DUE_TAIL.match(body[end:])
        if tail:
            end += tail.end()
        spans.append((start, end))
        if due < context.today:
            notices.append(Notice("line.due_in_past", {"date": due.isoformat()}, "warning"))
    else:
        notices.append(Notice(f"line.no_due_{kind}", severity="warning"))
    text = _without(body, spans) or body
    return Capture(Entry(kind, text, owner=owner, due=due, raw=raw), tuple(notices))


def _without(text: str, spans: list[tuple[int, int]]) -> str:
    kept = []
    position = 0
    for start, end in sorted(spans):
        kept.append(text[position:start])
        position = max(position, end)
    kept.append(text[position:])
    joined = " ".join(part.strip() for part in kept if part.strip())
    return joined.strip(" ,;，；:：-")


def _parse_dispute(body: str, raw: str, context: LineContext) -> Capture:
    sides: list[Side] = []
    for part in _SIDES.split(body):
        if not part.strip():
            continue
        match = _SIDE.match(part)
        if match:
            party = match.group("party").strip()
            if party.startswith("@"):
                found = mentions(party, context.names)
                party = found[0].name if found and found[0].name else party[1:]
            sides.append(Side(party, match.group("position").strip()))
        else:
            sides.append(Side("", part.strip()))
    notices: tuple[Notice, ...] = ()
    if len(sides) < 2:
        notices = (Notice("line.one_sided_dispute", severity="warning"),)
    text = body or clean(raw).strip()
    return Capture(Entry("dispute", text, sides=tuple(sides), raw=raw), notices)


def _parse_command(body: str, context: LineContext, raw: str) -> Parsed:
    word, _, rest = body.strip().partition(" ")
    name = COMMANDS.get(word.lower())
    if name is None:
        return Invalid(Notice("line.unknown_command", {"command": "/" + word}, "warning"), raw)
    rest = rest.strip()
    if name == "present" and rest.casefold() in EVERYONE:
        return Command("present", ("all",), (), None, raw)
    people: list[str] = []
    for mention in mentions(rest, context.names):
        if mention.name is None:
            # A command is not captured, so "kept as a plain point" would be wrong here.
            key = "line.ambiguous_person" if mention.candidates else "line.unknown_person"
            return Invalid(
                Notice(
                    key,
                    {"name": mention.typed, "candidates": ", ".join(mention.candidates)},
                    "warning",
                ),
                raw,
            )
        people.append(mention.name)
    # Bare names (no @) are accepted for people commands: "/speak Ana"
    if not people and rest and (name in PEOPLE_COMMANDS or name == "queue"):
        for word_ in rest.split():
            if name == "queue" and word_.isdigit():
                continue
            matches = [n for n in context.names if n.casefold() == word_.casefold()]
            if not matches:
                return Invalid(Notice("line.unknown_person", {"name": word_}, "warning"), raw)
            people.append(matches[0])
    args = tuple(rest.split()) if rest else ()
    number: int | None = None
    if name == "queue":
        numbers = re.findall(r"(?<![@\w])\d+", rest)
        if not people:
            return Invalid(Notice("line.needs_person", {"command": "/queue"}, "warning"), raw)
        return Command(name, args, tuple(people[:1]), int(numbers[0]) if numbers else 1, raw)
    if name in ("extend", "goto", "skip", "move", "retract"):
        numbers = re.findall(r"[+-]?\d+", rest)
        if name == "extend":
            number = int(numbers[0]) if numbers else 5
            if not 0 < number <= MAX_EXTEND_MINUTES:
                return Invalid(
                    Notice("line.bad_extend", {"max": MAX_EXTEND_MINUTES}, "warning"), raw
                )
        elif name in ("goto", "retract") and not numbers:
            return Invalid(Notice(f"line.needs_number_{name}", severity="warning"), raw)
        elif name == "move" and len(numbers) < 2:
            return Invalid(Notice("line.needs_numbers_move", severity="warning"), raw)
        elif numbers:
            number = int(numbers[0])
            args = tuple(numbers)
    if name in ("speak", "call", "drop", "present", "late") and not people:
        return Invalid(Notice("line.needs_person", {"command": "/" + name}, "warning"), raw)
    if name == "absent" and not people:
        return Invalid(Notice("line.needs_person", {"command": "/absent"}, "warning"), raw)
    return Command(name, args, tuple(people), number, raw)
