"""Something a person should be told: a message of the catalogue, its values, how serious.

The rules say what happened as notices; the words come from the catalogue
when shown, in the language of whoever reads them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from facilitator.core.i18n import listed, t


@dataclass(frozen=True)
class Notice:
    """Something the recorder should know about a line (a message key)."""

    key: str
    params: dict[str, Any] = field(default_factory=dict)
    severity: str = "info"  # info | warning | hint (what to type next; not wrong yet)

    def text(self, language: str | None = None) -> str:
        """The words, in ``language``; a tuple of names reads as that language lists
        them (``Li, Zhao`` / ``李雷、赵芳``)."""
        params = {
            name: listed(value, language) if isinstance(value, tuple) else value
            for name, value in self.params.items()
        }
        return t(self.key, language=language, **params)
