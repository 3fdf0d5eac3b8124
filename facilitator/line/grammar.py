"""The host's commands: ``/next``, ``/extend 5``, ``/speak @Li``... and their aliases.

A command line is read into a :class:`~facilitator.line.parsed.Command` with
every argument resolved, or an :class:`~facilitator.line.parsed.Invalid`
saying what to type instead; it is never half-read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from facilitator.core.notice import Notice
from facilitator.line.names import Mention, mentions
from facilitator.line.parsed import Invalid, LineContext, Parsed
from facilitator.meeting.commands import DEFAULT_EXTEND_MINUTES, MAX_EXTEND_MINUTES
from facilitator.meeting.decision import Command
from facilitator.meeting.people import MAX_LIMIT_SECONDS

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
    "limit": "limit",
    "限时": "limit",
    "alerts": "alerts",
    "提醒": "alerts",
}
"""Slash commands and their aliases -> canonical command name."""

COMMAND_NAMES = tuple(dict.fromkeys(COMMANDS.values()))

CHINESE_NAMES: dict[str, str] = {
    "next": "下一项",
    "back": "上一个",
    "goto": "议题",
    "pause": "暂停",
    "resume": "继续",
    "extend": "延长",
    "skip": "跳过",
    "move": "移动",
    "speak": "发言",
    "call": "点名",
    "done": "结束发言",
    "queue": "排队",
    "drop": "移除",
    "present": "出席",
    "absent": "缺席",
    "late": "迟到",
    "undo": "撤销",
    "retract": "撤回",
    "close": "散会",
    "help": "帮助",
    "limit": "限时",
    "alerts": "提醒",
}
"""The one name each command goes by in a Chinese room (each is one of its aliases)."""


def command_name(command: str, language: str) -> str:
    """The name ``command`` goes by in the interface ``language`` (the English one
    is the command's own)."""
    return CHINESE_NAMES.get(command, command) if language == "zh" else command


CHINESE_WORDS: dict[str, str] = {
    "all": "全部",
    "order": "程序问题",
    "question": "提问",
    "reply": "回应",
    "bell": "响铃",
    "flash": "闪烁",
    "off": "关闭",
}
"""The word each argument goes by in a Chinese room (each is one the grammar reads)."""


def word_in(word: str, language: str) -> str:
    """An argument word (``all``, ``question``, ``bell``) as the interface
    ``language`` types it: ``/出席 全部``, not ``/出席 all``."""
    return CHINESE_WORDS.get(word, word) if language == "zh" else word


def typed_as(command: Command, language: str) -> str:
    """The line that types ``command`` in the interface ``language``, every argument
    kept: ``/speak @Li question — budget`` / ``/发言 @李雷 提问 — 预算``."""
    name = command_name(command.name, language)
    return "/" + command.summary(name, lambda word: word_in(word, language))


def commands_in(text: str, language: str) -> str:
    """``text`` with each ``/command`` named as in ``language`` (``/pause`` ->
    ``/暂停``), and the word right after it and its @names (``/present all`` ->
    ``/出席 全部``): the lines the help and the palette show. Other words are left
    as they are."""

    def named(match: re.Match[str]) -> str:
        command, people, space, word = match.group(1, 2, 3, 4)
        head = "/" + command_name(command, language) + people
        return head + (space + word_in(word, language) if word else "")

    return re.sub(r"/([a-z]+)((?:\s+@\S+)*)(?:(\s+)([a-z]+)\b)?", named, text)


REQUEST_WORDS: dict[str, str] = {
    **dict.fromkeys(("order", "poo", "point-of-order", "程序问题", "程序"), "order"),
    **dict.fromkeys(("question", "q", "clarify", "提问", "问题", "澄清"), "question"),
    **dict.fromkeys(("reply", "re", "回应", "回复"), "reply"),
    **dict.fromkeys(("new", "to", "新观点", "新议题"), ""),
}
"""``/speak @Li reply``: the word after the names is the kind of request ("" a new
point), and what follows it the reason (``question about the budget``)."""

ALERT_WORDS: dict[str, str] = {
    **dict.fromkeys(("bell", "on", "响铃", "开"), "bell"),
    **dict.fromkeys(("flash", "silent", "闪烁", "静音"), "flash"),
    **dict.fromkeys(("off", "none", "关", "关闭"), "off"),
}
"""``/alerts bell|flash|off``: how the room is alerted at a threshold."""

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
        if name == "speak":
            names, request, reason = split_request(rest, context.people)
            command = _people_command(name, names, context, raw)
            return replace(command, request=request, text=reason)
        if name in PEOPLE_COMMANDS or name == "queue":
            return _people_command(name, rest, context, raw)
        if name == "limit":
            return _limit_command(rest, raw)
        if name == "alerts":
            return _alerts_command(rest, raw)
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


_LIMIT = re.compile(
    r"(?P<n>\d+(?:\.\d+)?)\s*(?:(?P<s>s|sec|secs|seconds?|秒)|m|min|mins|minutes?|分钟|分)?",
    re.IGNORECASE,
)
_NO_LIMIT = ("off", "none", "no", "0", "关", "关闭", "不限", "无")
_REASON_EDGE = " :：,，;；-—"


def split_request(rest: str, people: Sequence[str]) -> tuple[str, str, str]:
    """``@Li question about the budget`` -> (``@Li``, ``question``, ``about the budget``).

    The first word after the names that names a kind of request (not a person:
    a participant called Q stays a name) ends the names; the rest is the reason.
    Without such a word, all of ``rest`` is names and the request a new point.
    """
    leftover = rest
    for mention in mentions(rest, people):
        blank = " " * (mention.end - mention.start)
        leftover = leftover[: mention.start] + blank + leftover[mention.end :]
    for match in _WORD.finditer(leftover):
        word = match.group()
        head = re.split(r"[:：]", word, maxsplit=1)[0].strip(_PUNCTUATION)
        if any(person.casefold() == head.casefold() for person in people):
            continue
        kind = REQUEST_WORDS.get(head.casefold())
        if kind is None:
            continue
        end = match.start() + word.find(head) + len(head)
        return rest[: match.start()], kind, rest[end:].strip(_REASON_EDGE)
    return rest, "", ""


def _limit_command(rest: str, raw: str) -> Command:
    """``/limit 2`` (minutes; ``90s``, ``1.5`` too), ``/limit off``: the time a turn may take."""
    if not rest:
        raise _Bad("line.needs_limit")
    if rest.casefold() in _NO_LIMIT:
        return Command("limit", ("off",), (), 0, raw)
    match = _LIMIT.fullmatch(rest)
    if match is None:
        raise _Bad("line.bad_limit", value=rest)
    value = float(match.group("n"))
    seconds = round(value if match.group("s") else value * 60)
    if not 0 < seconds <= MAX_LIMIT_SECONDS:
        raise _Bad("line.limit_range", max=MAX_LIMIT_SECONDS // 60)
    return Command("limit", (rest,), (), seconds, raw)


def _alerts_command(rest: str, raw: str) -> Command:
    """``/alerts`` (the next mode), ``/alerts bell|flash|off``."""
    if not rest:
        return Command("alerts", (), (), None, raw)
    mode = ALERT_WORDS.get(rest.casefold())
    if mode is None:
        raise _Bad("line.bad_alerts", value=rest)
    return Command("alerts", (mode,), (), None, raw)


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
        raise _Bad("line.ambiguous_person", name=typed, candidates=tuple(candidates))
    department = [d for d in context.departments if d.casefold() == typed.casefold()]
    if not department:
        department = [d for d in context.departments if d.casefold().startswith(typed.casefold())]
    if len(department) == 1:
        raise _Bad("line.department_not_person", name=department[0])
    raise _Bad("line.unknown_person", name=typed, candidates="")
