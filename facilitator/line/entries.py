"""Lines that become entries: points, decisions, tasks, open items, disputes,
and the topic owner's report.

``d:`` decision, ``a:`` task, ``u:`` open item, ``x:`` dispute (Chinese
决策: 任务: 未决: 争议:, and full-width colons; 决定: and 待定: as recorders
used to type them); ``progress:``
``risk:`` ``proposal:`` (进展: 风险: 建议:) for the owner's report; MeetBot's
``#agreed``/``#action``/``#info`` too. Whatever cannot be read is kept as a
plain point with the reason, so nothing typed is ever thrown away; a task whose
date is none stays a task, without the date.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pendulum import Date

from facilitator.core.notice import Notice
from facilitator.core.text import clean
from facilitator.line.dates import find_dates
from facilitator.line.disputes import dispute_sides
from facilitator.line.names import mentions, resolve_at
from facilitator.line.parsed import Capture, Invalid, LineContext
from facilitator.meeting.events import Entry, EntryKind

PREFIXES: dict[str, EntryKind] = {
    **dict.fromkeys(("p", "point", "note", "info", "要点", "讨论", "记录"), "point"),
    **dict.fromkeys(("d", "decision", "decided", "agreed", "决策", "决定", "决议"), "decision"),
    **dict.fromkeys(("a", "action", "task", "todo", "任务", "待办", "待办任务", "行动"), "action"),
    # 未决 is what the room shows; 待定 and 待解决 are what recorders type too.
    **dict.fromkeys(
        ("u", "unresolved", "open", "未决", "未决事项", "待定", "待解决"), "unresolved"
    ),
    **dict.fromkeys(("x", "dispute", "争议", "分歧"), "dispute"),
    # The topic owner's report, under the template's headings (当前进展, 风险点, 建议).
    **dict.fromkeys(("progress", "进展", "当前进展", "进度"), "progress"),
    **dict.fromkeys(("risk", "risks", "风险", "风险点"), "risk"),
    **dict.fromkeys(("proposal", "suggestion", "建议", "提议"), "proposal"),
}
"""Entry prefixes, in English and Chinese (MeetBot's #agreed/#action/#info too)."""

_PREFIX = re.compile(r"^\s*#?(?P<prefix>[^\s:：]{1,12})\s*[:：]\s*(?P<rest>.*)$", re.DOTALL)
_MEETBOT = re.compile(r"^\s*#(?P<prefix>agreed|action|info|idea)\s+(?P<rest>.*)$", re.I | re.DOTALL)
_DUE_LEAD = re.compile(
    r"(?:\b(?:by|due|before|until|till|on|deadline)\s*:?\s*|截止(?:日期|时间)?\s*[:：]?\s*|于|在)$",
    re.IGNORECASE,
)
_DUE_TAIL = re.compile(r"^\s*(?:之前|以前|前|内|之内|截止|完成)")
_SEPARATORS = ",;，；、。:：-–—"
_OPENING = "([（【"
_CLOSING = ")]）】"
_NO_SPACE_BEFORE = ",;:.!?)]"
_SIDES = re.compile(r"\s*(?:\||｜|\bvs\.?\b|；|;)\s*", re.IGNORECASE)
_SIDE = re.compile(r"^\s*(?P<party>@?[^:：]{1,40}?)\s*[:：]\s*(?P<position>.+)$", re.DOTALL)


_NOBODY = re.compile(r"^-\s*[:：]\s*")
_SAID_COLON = re.compile(r"^\s*[:：]\s*")
_NAME_SAID = re.compile(r"^(?P<name>[^:：@/]{1,40}?)\s*[:：]\s*")


def said_prefix(stripped: str, people: Sequence[str]) -> tuple[str | None, str, Notice | None]:
    """Who a line says said it, and the line without saying so.

    ``@Li: the tests are late`` is Li's point whoever speaks, and so is
    ``Li: the tests are late`` or ``李雷：测试延期`` (a person's whole name, as
    minutes are written; a prefix such as ``d:`` stays a prefix); ``-: a note``
    is nobody's; anything else does not say (None). A name after @ that is not
    a person (``@Legal:``) attributes nothing: the line reads as typed, with a
    warning.
    """
    nobody = _NOBODY.match(stripped)
    if nobody:
        return "", stripped[nobody.end() :], None
    if not stripped.startswith("@"):
        plain = _NAME_SAID.match(stripped)
        typed = plain.group("name").strip().casefold() if plain else ""
        if plain and typed not in PREFIXES:
            named = [person for person in people if person.casefold() == typed]
            if len(named) == 1:
                return named[0], stripped[plain.end() :], None
        return None, stripped, None
    mention = resolve_at(stripped, 0, people)
    colon = _SAID_COLON.match(stripped[mention.end :])
    if colon is None:
        return None, stripped, None
    if mention.name is None:
        notice = Notice("line.speaker_unknown", {"name": mention.typed}, "warning")
        return None, stripped, notice
    return mention.name, stripped[mention.end + colon.end() :], None


def parse_entry(stripped: str, raw: str) -> tuple[EntryKind, str] | Invalid:
    """The kind a line's prefix names (a point if none) and the text after it."""
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
    return kind, body


def kept_as_point(text: str) -> bool:
    """Whether a point's text is a task or open item line the room could not read
    (a name that could be two people) and so kept, as typed, as a plain point:
    worth a look before the close, or a task goes unfollowed."""
    read = parse_entry(text, text)
    return not isinstance(read, Invalid) and read[0] in ("action", "unresolved")


def capture(kind: EntryKind, body: str, raw: str, context: LineContext) -> Capture:
    """The entry a line of ``kind`` makes, with what the recorder should know."""
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
                {"name": first.typed, "candidates": tuple(first.candidates)},
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
    others = [m.name or m.typed for m in found[1:] if (m.name or m.typed)]
    if owner and others:
        # One owner per task: the others stay in its words, and the room says so.
        names = tuple("@" + name for name in others)
        notices.append(Notice("line.one_owner", {"owner": owner, "names": names}, "warning"))
    due: Date | None = None
    dates = [
        d
        for d in find_dates(body, context.today, context.calendar)
        if not any(a <= d.start < b for a, b in spans)
    ]
    if dates and dates[-1].date is None:
        # Not a date ("2/30"), yet still a task or an item: kept as one, without a
        # date and with the words as typed, so it stays on the list to follow up;
        # the closing summary asks for the date.
        notices.append(Notice("line.bad_date", {"date": dates[-1].text}, "warning"))
    elif dates:
        last = dates[-1]
        due = last.date
        assert due is not None
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
        elif (due - context.today).in_days() > FAR_DAYS and not _YEAR.search(last.text):
            # "8/20" typed in November is next August: right, but worth a look.
            notices.append(Notice("line.due_far", {"date": due.isoformat()}, "warning"))
    else:
        notices.append(Notice(f"line.no_due_{kind}", severity="warning"))
    text = _without(body, spans) or body
    return Capture(Entry(kind, text, owner=owner, due=due, raw=raw), tuple(notices))


FAR_DAYS = 180
"""A date typed without its year this far ahead is said aloud (it may mean another year)."""
_YEAR = re.compile(r"\d{4}|年")


def _joins_tight(left: str, right: str) -> bool:
    """Chinese needs no space between parts, nor beside full-width punctuation."""
    return not (left.isascii() and right.isascii())


def _without(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with the spans (owner, date) taken out, and no stray punctuation left:
    ``补充客户异议处理案例，8月20日定稿`` keeps ``补充客户异议处理案例，定稿``."""
    kept = []
    position = 0
    for start, end in sorted(spans):
        kept.append(text[position:start])
        position = max(position, end)
    kept.append(text[position:])
    parts = [part.strip() for part in kept if part.strip()]
    joined = ""
    for part in parts:
        if joined and joined[-1] in _OPENING and part[0] in _CLOSING:
            joined = joined[:-1].rstrip()  # "(by Friday)" left "( )"
            part = part[1:].strip()
        elif joined and joined[-1] in _SEPARATORS + _OPENING and part[0] in _SEPARATORS:
            # "，，" or "- -" left where a date stood between two; "(, to" after "(by Friday,"
            part = part[1:].strip()
        if not part:
            continue
        tight = part[0] in _NO_SPACE_BEFORE or joined[-1:] in tuple(_OPENING)
        if joined and not tight and not _joins_tight(joined[-1], part[0]):
            joined += " "
        joined += part
    return joined.strip(" " + _SEPARATORS)


def _parse_dispute(body: str, raw: str, context: LineContext) -> Capture:
    sides = dispute_sides(body, context.names)
    notices: tuple[Notice, ...] = ()
    if len(sides) < 2:
        notices = (Notice("line.one_sided_dispute", severity="warning"),)
    text = body or clean(raw).strip()
    return Capture(Entry("dispute", text, sides=sides, raw=raw), notices)
