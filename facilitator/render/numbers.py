"""Numbers as a heading counts them: ``2`` in English, ``二`` in Chinese (议题二)."""

from __future__ import annotations

from functools import cache

from facilitator.core.i18n import current_language


@cache
def _chinese(number: int) -> str:
    # cn2an takes a tenth of a second to import: only Chinese headings pay for it.
    import cn2an

    return str(cn2an.an2cn(number))


def heading_number(number: int, language: str | None = None) -> str:
    """``议题{number}`` reads 议题一, 议题十二 in Chinese, as the template numbers
    its topics; English keeps the digit (``2. Launch campaign``)."""
    if (language or current_language()) == "zh" and number > 0:
        return _chinese(number)
    return str(number)
