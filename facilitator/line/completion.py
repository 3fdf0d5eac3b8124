"""What the input line offers to complete at the cursor: ``/commands`` and ``@names``.

One rule for the dropdown, the ghost text after the cursor and Tab, so the
three always agree with each other and with what Enter records (the line as
typed: a completion is only ever applied by Tab, → or a pick from the list).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from facilitator.core.i18n import current_language, t
from facilitator.line.grammar import COMMAND_NAMES, COMMANDS, command_name, names_to_offer
from facilitator.line.names import complete

MAX_CHOICES = 8
"""Names offered at most (the list scrolls no further: type more of the name)."""
MAX_COMMANDS = len(COMMAND_NAMES)
"""Every command may be offered: ``/`` alone lists them all, one line each."""


@dataclass(frozen=True)
class Offer:
    """The word being typed at the cursor and what it may become."""

    start: int
    """Index in the line where the word (its ``/`` or ``@``) starts."""
    end: int
    """Index where it ends (the cursor)."""
    choices: tuple[str, ...]
    """Whole replacements for the word, best first: ``/speak``, ``@Marta``."""
    whole: bool
    """The word as typed is already a command or a name: Enter reads it as it
    stands, so no ghost text suggests another one."""
    notes: tuple[str, ...] = ()
    """What each choice does (commands: ``next topic``), shown beside it; may be empty."""

    def ghost(self, text: str) -> str:
        """The line with the first choice written in, for the ghost text after the
        cursor, or "" when there is none to show.

        Only where the choice continues what was typed (``@Mar`` → ``@Marta``):
        ``@ll`` → ``@李雷`` is offered in the list, not as ghost letters that
        would not match the line.
        """
        if self.whole or not self.choices or self.end != len(text):
            return ""
        word = text[self.start : self.end]
        if len(word) < 2:
            return ""  # a bare "@" or "/": the list shows the names, no guess is made
        choice = self.choices[0]
        if not choice.casefold().startswith(word.casefold()) or len(choice) == len(word):
            return ""
        return text[: self.start] + word + choice[len(word) :] + " "


def word_at(text: str, cursor: int) -> tuple[int, str]:
    """The ``/command`` or ``@name`` being typed just before ``cursor``: (start, word).

    ``(cursor, "")`` when the cursor is not at the end of such a word.
    """
    before = text[:cursor]
    if before.startswith("/") and " " not in before:
        return 0, before
    at = before.rfind("@")
    if at == -1 or any(c.isspace() for c in before[at:]):
        return cursor, ""
    # An e-mail address is not a mention.
    if at > 0 and before[at - 1].isascii() and before[at - 1].isalnum():
        return cursor, ""
    return at, before[at:]


def command_choices(
    typed: str, language: str | None = None
) -> tuple[tuple[str, ...], bool, tuple[str, ...]]:
    """Commands whose name or alias starts with ``typed`` (without the slash),
    one entry per command; the command ``typed`` already stands for comes first.
    Also: whether ``typed`` is a command already, and what each choice does.

    Each command is offered under its name in the interface ``language``
    (``/next``, ``/下一项``) when that fits what was typed, else under its own
    name, else under the alias that does (``/下`` → ``/下一个`` in English).
    """
    lang = language or current_language()
    folded = typed.casefold()
    exact = COMMANDS.get(folded)

    def shown(command: str, alias: str) -> str:
        for name in (command_name(command, lang), command):
            if name.casefold().startswith(folded):
                return name
        return alias

    chosen: dict[str, str] = {}
    if exact is not None:
        chosen[exact] = shown(exact, typed)
    for alias, command in COMMANDS.items():
        if command not in chosen and alias.casefold().startswith(folded):
            chosen[command] = shown(command, alias)
    notes = tuple(t(f"commands.{command}", language=lang) for command in chosen)
    return tuple("/" + name for name in chosen.values()), exact is not None, notes


def offer(
    text: str, cursor: int, people: Sequence[str], departments: Sequence[str] = ()
) -> Offer | None:
    """What the word at ``cursor`` may complete to, or None if it is not one to complete."""
    start, word = word_at(text, cursor)
    if not word:
        return None
    if word.startswith("/"):
        commands, whole, notes = command_choices(word[1:])
        return Offer(start, cursor, commands[:MAX_COMMANDS], whole, notes) if commands else None
    names = names_to_offer(text, people, departments)
    typed = word[1:]
    # A bare "@" offers every name: the list is how a recorder finds who is here.
    found = complete(typed, names) if typed else list(names)
    choices = tuple("@" + name for name in found)
    whole = any(name.casefold() == typed.casefold() for name in found) if typed else False
    if not choices:
        return None
    return Offer(start, cursor, choices[:MAX_CHOICES], whole)


def apply(text: str, found: Offer, choice: str) -> tuple[str, int]:
    """The line with ``choice`` in place of the word, and where the cursor goes (after
    the space that follows it, ready for the next word)."""
    rest = text[found.end :].lstrip(" ")
    head = text[: found.start] + choice + " "
    return head + rest, len(head)
