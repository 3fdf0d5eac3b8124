"""The host's actions: one table behind the keys, the footer, the palette and help.

Each action has a key, a label (a catalogue key, translated when a screen is
created) and the line syntax that does the same, so whoever learns one way
finds the others.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding

from facilitator.core.i18n import current_language, t
from facilitator.line.grammar import commands_in


@dataclass(frozen=True)
class HostAction:
    key: str
    action: str
    label: str  # catalogue key
    line: str = ""  # the same thing typed into the input line; {name} {briefer} translated


PAUSE_KEY = "f3"
"""Pause and resume: one key, its label saying which it will do (the room relabels it)."""

HOST_ACTIONS: tuple[HostAction, ...] = (
    HostAction("f1", "help", "keys.help", "/help"),
    HostAction("f2", "command('next')", "keys.next", "/next"),
    HostAction(PAUSE_KEY, "toggle_pause", "keys.pause", "/pause  /resume"),
    HostAction("f4", "command('extend')", "keys.extend", "/extend"),
    HostAction("f5", "command('skip')", "keys.skip", "/skip"),
    HostAction("f6", "command('done')", "keys.done", "/done"),
    HostAction("f7", "entries", "keys.entries", "/retract N"),
    HostAction("f8", "everyone_present", "keys.everyone_present", "/present all"),
    HostAction("f9", "command('undo')", "keys.undo", "/undo"),
    HostAction("f10", "close_meeting", "keys.close", "/close"),
    HostAction("shift+f2", "command('back')", "keys.back", "/back"),
    # Not Shift+F3: xterm and tmux send it as ESC[1;2R, the very bytes of a
    # cursor-position report, which Textual takes and never passes on as a key.
    HostAction("ctrl+g", "prefill('/goto ')", "keys.goto", "/goto N"),
    HostAction("shift+f4", "prefill('/extend ')", "keys.extend_by", "/extend N"),
    HostAction("shift+f5", "prefill('/move ')", "keys.move", "/move N M"),
    HostAction("shift+f6", "prefill('/speak @')", "keys.speak", "/speak @{name}"),
    HostAction("shift+f7", "prefill('/queue @')", "keys.queue", "/queue @{name} N"),
    HostAction("shift+f8", "prefill('/drop @')", "keys.drop", "/drop @{name}"),
    HostAction("shift+f9", "prefill('/absent @')", "keys.absent", "/absent @{name} @{briefer}"),
    HostAction("shift+f10", "balance", "keys.balance", ""),
    HostAction("ctrl+t", "toggle_projector", "keys.theme", ""),
)


def line_of(action: HostAction) -> str:
    """The action's line in the interface language: its commands (``/暂停``) and
    placeholders (@name, @甲) as the room types them."""
    line = action.line.format(name=t("help.name"), briefer=t("help.briefer"))
    return commands_in(line, current_language())


def room_bindings() -> list[Binding]:
    """The room's bindings; descriptions are catalogue keys until localized.

    Not priority bindings: those run the moment the key arrives, ahead of
    letters and an Enter typed before them and still on their way to the
    input line, so F2 right after a line would move on before recording it.
    """
    return [
        Binding(a.key, a.action, a.label, id=a.label.removeprefix("keys.")) for a in HOST_ACTIONS
    ]
