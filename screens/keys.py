"""Key bindings whose labels follow the language chosen at run time.

``BINDINGS`` are read when a class is defined, which is before the CLI has
chosen the language; so they hold catalogue keys ("keys.next") and each
screen translates its own copy when it is created.
"""

from __future__ import annotations

from dataclasses import replace

from textual.dom import DOMNode

from facilitator.core.i18n import t
from facilitator.meeting.commands import DEFAULT_EXTEND_MINUTES


def label(key: str) -> str:
    """The words for an action (a catalogue key), as keys, footer, help and palette show them.

    A label may name a rule's own number: "+5 min" is F4's /extend.
    """
    return t(key, minutes=DEFAULT_EXTEND_MINUTES)


def localize_bindings(node: DOMNode) -> None:
    """Translate the descriptions of ``node``'s bindings (catalogue keys) in place."""
    table = node._bindings.key_to_bindings
    for key, bindings in table.items():
        table[key] = [
            replace(
                b, description=label(b.description), tooltip=label(b.tooltip) if b.tooltip else ""
            )
            if b.description.startswith("keys.")
            else b
            for b in bindings
        ]


def key_label(key: str) -> str:
    """A key as printed in the help screen: "shift+f2" -> "Shift+F2", "ctrl+p" -> "Ctrl+P".

    A letter alone stays as typed: "e", not "E", which reads as Shift+E.
    """
    *modifiers, name = key.split("+")
    if (name[0] == "f" and name[1:].isdigit()) or (modifiers and len(name) == 1):
        name = name.upper()
    elif len(name) > 1:
        name = name.capitalize()
    return "+".join([*(m.capitalize() for m in modifiers), name])


def short_key_label(key: str) -> str:
    """A key as the footer shows it: "shift+f2" -> "⇧F2", "ctrl+p" -> "^P", "e" -> "e"."""
    *modifiers, name = key.split("+")
    if (name[0] == "f" and name[1:].isdigit()) or modifiers == ["ctrl"]:
        name = name.upper()  # as printed on the key; a plain letter stays as typed
    elif name == "delete":
        name = "Del"
    elif name == "escape":
        name = "Esc"
    elif name == "enter":
        name = "Enter"
    marks = {"shift": "⇧", "ctrl": "^", "alt": "⌥"}
    return "".join(marks.get(m, m + "+") for m in modifiers) + name
