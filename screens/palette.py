"""The command palette (Ctrl+P): every host action, each topic, each person."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.markup import escape

from facilitator.core.i18n import current_language, t
from facilitator.line.grammar import typed_as
from facilitator.meeting.agenda import ALERT_MODES
from facilitator.meeting.decision import Command
from screens.actions import HOST_ACTIONS, line_of
from screens.keys import key_label, label


class RoomCommands(Provider):
    """The room's actions by name, with their key and line shown as help."""

    def _commands(self) -> list[tuple[str, Callable[[], object], str]]:
        screen = self.screen
        run = getattr(screen, "run_action", None)
        meeting = getattr(screen, "meeting", None)
        if run is None or meeting is None:
            return []
        commands: list[tuple[str, Callable[[], object], str]] = []
        for action in HOST_ACTIONS:
            line = line_of(action)
            help_text = key_label(action.key) + (f"  ·  {line}" if line else "")
            commands.append((label(action.label), partial(run, action.action), help_text))
        # Leaving is a host action too; Textual's own "Quit" is not offered (English only).
        commands.append((t("palette.quit"), partial(run, "app.quit"), key_label("ctrl+q")))
        state = meeting.state
        language = current_language()

        def offer(name: str, command: Command) -> None:
            # Typed as the room's hints and / list type it (/暂停, /出席 @李雷).
            line = typed_as(command, language)
            commands.append((name, partial(screen.submit_text, line), line))  # type: ignore[attr-defined]

        for mode in ALERT_MODES:
            offer(t(f"palette.alerts_{mode}"), Command("alerts", (mode,)))
        for number, topic_state in enumerate(state.topics_in_order(), start=1):
            title = topic_state.topic.title
            offer(t("palette.goto", number=number, title=title), Command("goto", number=number))
        for person in state.agenda.people:
            for verb in ("speak", "present", "late"):
                offer(t(f"palette.{verb}", name=person.name), Command(verb, people=(person.name,)))
        return commands

    async def discover(self) -> Hits:
        for name, callback, help_text in self._commands():
            yield DiscoveryHit(Content(name), callback, text=name, help=escape(help_text))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, callback, help_text in self._commands():
            score = max(matcher.match(name), matcher.match(help_text))
            if score > 0:
                shown = _highlighted(matcher.fuzzy_search.match(query, name)[1], name)
                yield Hit(score, shown, callback, text=name, help=escape(help_text))


def _highlighted(offsets: Iterable[int], name: str) -> Content:
    """``name`` as plain text (a topic called ``[WIP] Budget`` is not markup, and
    ``[@click=app.quit]`` is no action) with the letters the query matched in bold.

    Textual's own highlighter reads the name as markup.
    """
    content = Content(name)
    for offset in offsets:
        if not name[offset].isspace():
            content = content.stylize("bold underline", offset, offset + 1)
    return content
