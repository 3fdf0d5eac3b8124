"""The four private parts of Textual the screens lean on are still there.

An upgrade of Textual that moves one of them fails here, naming the place,
rather than in a meeting (README, "Architecture").
"""

from __future__ import annotations

import inspect

from textual.app import App
from textual.widget import Widget


def test_the_paste_parser_can_still_extend_textuals_xterm_parser() -> None:
    from textual._xterm_parser import XTermParser

    from screens.paste import PasteParser

    assert issubclass(PasteParser, XTermParser)
    assert "feed" in dir(XTermParser)


def test_the_footer_can_still_draw_textuals_own_footer_keys() -> None:
    from textual.widgets._footer import FooterKey

    parameters = inspect.signature(FooterKey).parameters
    assert {"key", "key_display", "description", "action"} <= set(parameters)


def test_bindings_can_still_be_translated_in_place() -> None:
    widget = Widget()
    assert hasattr(widget._bindings, "key_to_bindings")


def test_the_app_still_has_a_fatal_error_hook_to_override() -> None:
    from screens.app import FacilitatorApp

    assert callable(getattr(App, "_fatal_error", None))
    assert FacilitatorApp._fatal_error is not App._fatal_error
