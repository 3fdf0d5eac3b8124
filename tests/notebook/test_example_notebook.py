"""The example notebook runs, every cell, on a real kernel, and leaves the archive as it was."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from facilitator.core.clock import FakeClock
from tests.support import ROOT, held_meeting

NOTEBOOK = ROOT / "docs" / "notebook.ipynb"


def html_of(cell: nbformat.NotebookNode) -> str:
    return "".join(
        output.get("data", {}).get("text/html", "")
        for output in cell.get("outputs", [])
        if output.get("output_type") in ("execute_result", "display_data", "update_display_data")
    )


def test_the_notebook_is_committed_without_outputs() -> None:
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    code = [c for c in notebook.cells if c.cell_type == "code"]
    assert code and all(not c.outputs and c.execution_count is None for c in code)


def test_example_notebook_plans_reads_and_charts(
    tmp_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "archive.db"
    held_meeting(db, clock)
    before = archive_contents(db)
    monkeypatch.setenv("FACILITATOR_DB", str(db))
    monkeypatch.setenv("IPYTHONDIR", str(tmp_path / "ipython"))
    monkeypatch.setenv("JUPYTER_RUNTIME_DIR", str(tmp_path / "runtime"))
    monkeypatch.setenv("JUPYTER_DATA_DIR", str(tmp_path / "data"))
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    NotebookClient(
        notebook, timeout=120, kernel_name="python3", resources={"metadata": {"path": tmp_path}}
    ).execute()
    errors = [o for c in notebook.cells for o in c.get("outputs", []) if o.output_type == "error"]
    assert errors == []
    shown = {c.source.splitlines()[0]: html_of(c) for c in notebook.cells if c.cell_type == "code"}
    assert "Q3 product launch coordination" in shown["import os"]
    minutes = next(html for source, html in shown.items() if source.startswith("held = "))
    assert "Minutes: Q3 product launch coordination" in minutes
    assert "go live on 20 Sept" in minutes
    speaking = next(html for source, html in shown.items() if source.startswith("held.speaking"))
    assert "Speaking time per department" in speaking and 'role="img"' in speaking
    check = next(html for source, html in shown.items() if source.startswith("plan = "))
    assert "planned for 35 minutes: over 30" in check
    live = next(html for source, html in shown.items() if source.startswith("review.follow"))
    assert "Release review" in live
    # Trying the example leaves the reader's archive as it was: it planned into a scratch one.
    assert archive_contents(db) == before


def archive_contents(db: Path) -> tuple[bytes, list[tuple]]:
    """The archive file's bytes, and every row of every table (WAL included)."""
    import sqlite3

    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        rows = [(t, *r) for t in sorted(tables) for r in conn.execute(f'SELECT * FROM "{t}"')]
    finally:
        conn.close()
    return db.read_bytes(), rows
