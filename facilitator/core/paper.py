"""The paper minutes are printed on: A4, or US Letter where the locale uses it.

Most of the world, China included, prints on A4; the Americas' Letter
countries (the same list as glibc's ``LC_PAPER``) do not. The locale of the
person printing decides, as their printer's paper does.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

PAPERS = ("a4", "letter")
LETTER_TERRITORIES = frozenset(
    {"US", "CA", "MX", "CL", "CO", "VE", "PH", "PR", "CR", "GT", "PA", "DO", "SV", "NI", "BZ"}
)
"""Territories whose locales print on Letter (glibc's LC_PAPER: 8.5 x 11 in)."""
_TERRITORY = re.compile(r"^[a-z]{2,3}_([A-Z]{2})\b")


def paper_for(environment: Mapping[str, str]) -> str:
    """``letter`` if the locale (``LC_ALL``, else ``LC_PAPER``, else ``LANG``) is of a
    Letter territory (``en_US.UTF-8``, ``es_MX``), else ``a4`` (``zh_CN``, ``C``)."""
    for name in ("LC_ALL", "LC_PAPER", "LANG"):
        value = environment.get(name, "")
        if not value:
            continue
        match = _TERRITORY.match(value)
        return "letter" if match and match.group(1) in LETTER_TERRITORIES else "a4"
    return "a4"
