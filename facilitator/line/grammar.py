"""The host's commands: ``/next``, ``/extend 5``, ``/speak @Li``... and their aliases.

A command line is read into a :class:`~facilitator.line.parsed.Command` with
every argument resolved, or an :class:`~facilitator.line.parsed.Invalid`
saying what to type instead; it is never half-read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from facilitator.core.notice import Notice
from facilitator.line.names import Mention, mentions
from facilitator.line.parsed import Invalid, LineContext, Parsed
from facilitator.meeting.commands import DEFAULT_EXTEND_MINUTES, MAX_EXTEND_MINUTES
from facilitator.meeting.decision import Command

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

EVERYONE = ("all", "everyone", "*", "全体", "全部", "所有人")
"""``/present all`` marks everyone the roll call has not reached as present."""
PEOPLE_COMMANDS = ("speak", "call", "drop", "present", "absent", "late")


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


def parse_command(body: str, context: LineContext, raw: str) -> Parsed:
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
    # The words left once the mentions are blanked out, built in one pass
    # (blanking them one by one copied the line once per name: quadratic).
    pieces: list[str] = []
    position = 0
    for mention in found:
        pieces += [rest[position : mention.start], " " * (mention.end - mention.start)]
        position = mention.end
    pieces.append(rest[position:])
    leftover = "".join(pieces)
    # A full stop or a dash around a name is punctuation, not part of it.
    words: list[tuple[int, Mention | str]] = [
        (m.start(), m.group().strip(_PUNCTUATION))
        for m in _WORD.finditer(leftover)
        if m.group().strip(_PUNCTUATION)
    ]
    read: list[tuple[int, Mention | str]] = [(m.start, m) for m in found]
    for _at, item in sorted(read + words, key=lambda pair: pair[0]):
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
