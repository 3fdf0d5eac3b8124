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

from facilitator.core.i18n import t
from facilitator.core.text import clean
from facilitator.line.dates import find_dates
from facilitator.line.names import Mention, mentions
from facilitator.meeting.events import Entry, EntryKind, Side

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
DEFAULT_EXTEND_MINUTES = 5
EVERYONE = ("all", "everyone", "*", "全体", "全部", "所有人")
"""``/present all`` marks everyone the roll call has not reached as present."""
PEOPLE_COMMANDS = ("speak", "call", "drop", "present", "absent", "late")


@dataclass(frozen=True)
class Notice:
    """Something the recorder should know about a line (a message key)."""

    key: str
    params: dict[str, Any] = field(default_factory=dict)
    severity: str = "info"  # info | warning | hint (what to type next; not wrong yet)

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

    def summary(self) -> str:
        """The command as it was understood, every argument kept: ``move 3 2``, ``speak @Li``."""
        parts = [self.name, *("@" + person for person in self.people)]
        if self.args == ("all",) and not self.people:
            parts.append("all")
        elif self.name == "move":
            parts += self.args[:2]
        elif self.number is not None:
            parts.append(str(self.number))
        return " ".join(parts)


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


def names_to_offer(line: str, people: Sequence[str], departments: Sequence[str]) -> list[str]:
    """The names an ``@`` in ``line`` may complete to.

    In a command about people (``/speak``, ``/absent``...) only people: a
    department neither speaks nor attends. Elsewhere departments too, since a
    department may own a task or an open item.
    """
    stripped = line.lstrip()
    if stripped.startswith("/"):
        word = stripped[1:].split(" ", 1)[0].lower()
        if COMMANDS.get(word) in (*PEOPLE_COMMANDS, "queue"):
            return list(people)
    return [*people, *(d for d in departments if d not in people)]


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
    try:
        if name in NO_ARGUMENTS:
            if rest:
                raise _Bad("line.no_arguments", command="/" + name, extra=rest)
            return Command(name, (), (), None, raw)
        if name == "present" and rest.casefold() in EVERYONE:
            return Command("present", ("all",), (), None, raw)
        if name in PEOPLE_COMMANDS or name == "queue":
            return _people_command(name, rest, context, raw)
        return _number_command(name, rest, raw)
    except _Bad as bad:
        return Invalid(bad.notice, raw)


class _Bad(Exception):
    """A command's arguments cannot be read; ``notice`` says what to type instead."""

    def __init__(self, key: str, severity: str = "warning", **params: object) -> None:
        super().__init__(key)
        self.notice = Notice(key, dict(params), severity)


NO_ARGUMENTS = ("next", "back", "pause", "resume", "done", "undo", "close", "help")
"""Commands that take nothing: ``/undo 3`` or ``/close now`` is refused, never half-read."""

_EXAMPLES = {
    "goto": "/goto 2",
    "skip": "/skip 3",
    "retract": "/retract 3",
    "move": "/move 3 2",
    "queue": "/queue @Li 2",
    "extend": "/extend 5",
}
_SEPARATORS = re.compile(r"[\s,;，；、]+")
"""Between a command's arguments: spaces, commas (either width), 、 and semicolons."""
_WORD = re.compile(r"[^\s,;，；、]+")
_PUNCTUATION = ".!?:()–—。！？：（）“”'\""
_INTEGER = re.compile(r"[+-]?\d+")
_MINUTES = re.compile(r"\+?(?P<n>\d+)\s*(?:m|min|mins|minutes?|分钟|分)?", re.IGNORECASE)


def _words(text: str) -> list[str]:
    return [w for w in _SEPARATORS.split(text) if w]


def _number_command(name: str, rest: str, raw: str) -> Command:
    """``/extend [N]``, ``/goto N``, ``/skip [N]``, ``/retract N``, ``/move N M``."""
    command = "/" + name
    if name == "extend":
        if not rest:
            return Command(name, (), (), DEFAULT_EXTEND_MINUTES, raw)
        match = _MINUTES.fullmatch(rest)
        if match is None:
            raise _Bad("line.bad_minutes", value=rest)
        minutes = int(match.group("n"))
        if not 0 < minutes <= MAX_EXTEND_MINUTES:
            raise _Bad("line.bad_extend", max=MAX_EXTEND_MINUTES)
        return Command(name, (rest,), (), minutes, raw)
    words = _words(rest)
    wanted = 2 if name == "move" else 1
    for word in words[:wanted]:
        if not _INTEGER.fullmatch(word):
            raise _Bad("line.not_a_number", command=command, value=word, example=_EXAMPLES[name])
    if len(words) > wanted:
        extra = " ".join(words[wanted:])
        raise _Bad("line.too_much", command=command, extra=extra, example=_EXAMPLES[name])
    if len(words) < wanted and not (name == "skip" and not words):
        if name == "move":
            raise _Bad("line.needs_numbers_move")
        raise _Bad(f"line.needs_number_{name}")
    numbers = tuple(str(int(w)) for w in words)
    return Command(name, numbers, (), int(numbers[0]) if numbers else None, raw)


def _people_command(name: str, rest: str, context: LineContext, raw: str) -> Command:
    """``/speak @a @b``, ``/absent @a @briefer``, ``/queue @a N``...: people only.

    Names resolve against the participants alone: a department cannot speak,
    be marked present or brief anyone, so ``@Marketing`` gets its own answer.
    """
    command = "/" + name
    people: list[str] = []
    numbers: list[int] = []
    # Each word is an @mention or a bare name (or the place, for /queue), read
    # left to right: the order matters (/absent @who @briefer).
    found = mentions(rest, context.people)
    leftover = rest
    for mention in found:
        blank = " " * (mention.end - mention.start)
        leftover = leftover[: mention.start] + blank + leftover[mention.end :]
    # A full stop or a dash around a name is punctuation, not part of it.
    words = [
        (m.start(), m.group().strip(_PUNCTUATION))
        for m in _WORD.finditer(leftover)
        if m.group().strip(_PUNCTUATION)
    ]
    for _at, item in sorted([(m.start, m) for m in found] + words, key=lambda pair: pair[0]):
        if isinstance(item, Mention):
            people.append(_person(item.typed, item.name, item.candidates, context))
        elif name == "queue" and _INTEGER.fullmatch(item):
            if numbers:
                raise _Bad("line.too_much", command=command, extra=item, example=_EXAMPLES[name])
            numbers.append(int(item))
        else:
            exact = [n for n in context.people if n.casefold() == item.casefold()]
            people.append(exact[0] if exact else _person(item, None, (), context))
    if not people:
        raise _Bad("line.needs_person", command=command)
    most = {"call": 1, "queue": 1, "absent": 2}.get(name)
    if most is not None and len(people) > most:
        extra = " ".join("@" + p for p in people[most:])
        key = "line.one_briefer" if name == "absent" else "line.one_person"
        raise _Bad(key, command=command, extra=extra)
    if name == "queue":
        return Command(name, tuple(rest.split()), tuple(people), numbers[0] if numbers else 1, raw)
    return Command(name, tuple(rest.split()), tuple(people), None, raw)


def _person(typed: str, name: str | None, candidates: Sequence[str], context: LineContext) -> str:
    """The participant a typed name stands for, or :class:`_Bad` saying why there is none."""
    if name is not None:
        return name
    if not typed:
        # "/speak @" while the name is still being typed: say what to type, no alarm.
        raise _Bad("line.type_name", severity="hint")
    if candidates:
        raise _Bad("line.ambiguous_person", name=typed, candidates=", ".join(candidates))
    department = [d for d in context.departments if d.casefold() == typed.casefold()]
    if not department:
        department = [d for d in context.departments if d.casefold().startswith(typed.casefold())]
    if len(department) == 1:
        raise _Bad("line.department_not_person", name=department[0])
    raise _Bad("line.unknown_person", name=typed, candidates="")
