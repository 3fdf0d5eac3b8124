"""Click commands whose help speaks the user's language.

Help texts live in the catalogue (``[cli_help]``), looked up when help is
shown, not when the module is imported: the language is only known once the
environment and ``--lang`` have been read. A command without a catalogue
entry falls back to its docstring.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import click

from facilitator.core.i18n import (
    LOCALE,
    catalogue,
    current_language,
    language_from_environment,
    set_language,
    t,
)


def _help_for(key: str, fallback: str | None) -> str | None:
    return t(key) if key in catalogue("en") else fallback


class I18nHelpFormatter(click.HelpFormatter):
    """Section headings with the language's colon (``选项：``, not ``选项:``)."""

    def write_heading(self, heading: str) -> None:
        self.write(f"{'':>{self.current_indent}}{t('cli_help.heading', name=heading)}\n")


class I18nContext(click.Context):
    formatter_class = I18nHelpFormatter


@cache
def _click_zh() -> dict[str, str]:
    import tomllib

    text = (LOCALE / "click.zh.toml").read_text("utf-8")
    return tomllib.loads(text)


def _click_gettext(message: str) -> str:
    if current_language() == "zh":
        return _click_zh().get(message, message)
    return message


def _click_ngettext(singular: str, plural: str, count: int) -> str:
    return _click_gettext(singular if count == 1 else plural)


def translate_click() -> None:
    """Let Click's own messages (usage errors, ``[default: …]``) follow the UI language.

    Click looks its texts up with gettext's module functions, bound in each
    of its modules; we ship no ``.mo`` files, so those names are pointed at
    our table (``locale/click.zh.toml``), consulted when a message is made.
    """
    import click.core
    import click.exceptions
    import click.parser
    import click.types

    for module in (click.core, click.exceptions, click.parser, click.types):
        if hasattr(module, "_"):
            module._ = _click_gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = _click_ngettext  # type: ignore[attr-defined]


class I18nOption(click.Option):
    """An option whose help is the catalogue entry ``cli_help.option_<name>``."""

    def get_help_record(self, ctx: click.Context) -> tuple[str, str] | None:
        self.help = _help_for(f"cli_help.option_{self.name}", self.help)
        return super().get_help_record(ctx)


class I18nCommand(click.Command):
    """A command whose help is the catalogue entry ``cli_help.<command name>``."""

    context_class = I18nContext

    def _translate(self) -> None:
        key = f"cli_help.{(self.name or '').replace('-', '_')}"
        self.help = _help_for(key, self.help)
        self.short_help = None
        for param in self.params:
            if isinstance(param, click.Option) and not isinstance(param, I18nOption):
                param.help = _help_for(f"cli_help.option_{param.name}", param.help)

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        self._translate()
        super().format_help(ctx, formatter)

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = t("cli_help.option_help")
        return option

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        pieces = self.collect_usage_pieces(ctx)
        formatter.write_usage(ctx.command_path, " ".join(pieces), t("cli_help.usage"))

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        records = [r for p in self.get_params(ctx) if (r := p.get_help_record(ctx))]
        if records:
            with formatter.section(t("cli_help.options")):
                formatter.write_dl(records)
        if isinstance(self, click.Group):
            self.format_commands(ctx, formatter)

    def get_short_help_str(self, limit: int = 45) -> str:
        self._translate()
        return super().get_short_help_str(limit)


class I18nGroup(I18nCommand, click.Group):
    """The ``facilitator`` group: sets the language before anything is shown."""

    command_class = I18nCommand

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                rows.append((name, command.get_short_help_str(formatter.width - 6 - len(name))))
        if rows:
            with formatter.section(t("cli_help.commands")):
                formatter.write_dl(rows)

    def main(self, *args: Any, **kwargs: Any) -> Any:
        set_language(language_from_environment())
        translate_click()
        return super().main(*args, **kwargs)


def set_language_early(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """``--lang`` is eager so that ``--lang zh --help`` is already in Chinese."""
    if value:
        set_language(value)
    return value
