"""Tasks as CSV for spreadsheets, with formula injection neutralised."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from facilitator.core.i18n import t
from facilitator.core.text import clean
from facilitator.followup.listing import RECORD_KEYS, TaskRow
from facilitator.followup.tasks import TASK_STATUSES

# A cell starting with one of these is a formula to Excel and LibreOffice.
# Checked after leading blanks: a tab or space before "=" still reaches the
# formula parser in some spreadsheets' import settings ("trim spaces").
_FORMULA_START = ("=", "+", "-", "@")
# Excel on Windows reads a CSV without a byte-order mark in the local code page,
# so 李雷 comes out as garbage; with it (UTF-8 "utf-8-sig") Excel reads UTF-8.
BOM = "\ufeff"


def safe_cell(value: str) -> str:
    """``value`` as text a spreadsheet will not evaluate (prefixed with ``'``), without
    control or invisible direction characters."""
    value = clean(value)
    return "'" + value if value.lstrip().startswith(_FORMULA_START) else value


def render_tasks_csv(rows: Iterable[TaskRow], language: str | None = None) -> str:
    """One line per task, under a header of stable names (:data:`RECORD_KEYS`):
    ``id, meeting_id, meeting, topic, title, owner, department, due, status,
    status_label``. ``status`` is the code (``delayed``), ``status_label`` the
    word in ``language`` (``延期``): a spreadsheet filters on the first, people
    read the second. The ids are the ones ``facilitator task ID`` takes.

    Starts with a UTF-8 byte-order mark, for Excel (see :data:`BOM`).
    """
    labels = {code: t("status." + code, language=language) for code in TASK_STATUSES}
    out = io.StringIO()
    out.write(BOM)
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(RECORD_KEYS)
    writer.writerows(
        (
            row.id,
            row.meeting_id,
            safe_cell(row.meeting),
            safe_cell(row.topic or ""),
            safe_cell(row.title),
            safe_cell(row.owner),
            safe_cell(row.department),
            row.due or "",
            row.status,
            labels.get(row.status, row.status),
        )
        for row in rows
    )
    return out.getvalue()
