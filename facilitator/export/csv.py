"""Tasks as CSV for spreadsheets, with formula injection neutralised."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from facilitator.core.i18n import t
from facilitator.core.text import clean
from facilitator.followup.tasks import TaskRecord

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


def render_tasks_csv(tasks: Sequence[TaskRecord], language: str | None = None) -> str:
    """One row per task: id, meeting, task, owner, department, due, status.

    Starts with a UTF-8 byte-order mark, for Excel (see :data:`BOM`).
    """
    out = io.StringIO()
    out.write(BOM)
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(
        [
            "id",
            t("followup.meeting", language=language),
            t("minutes.task", language=language),
            t("minutes.owner", language=language),
            t("minutes.department", language=language),
            t("minutes.due", language=language),
            t("minutes.status", language=language),
        ]
    )
    for task in tasks:
        writer.writerow(
            [
                str(task.id),
                safe_cell(task.meeting_title),
                safe_cell(task.title),
                safe_cell(task.owner),
                safe_cell(task.department),
                task.due.isoformat() if task.due else "",
                t("status." + task.status, language=language),
            ]
        )
    return out.getvalue()
