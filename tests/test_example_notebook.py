"""The example notebook runs, every cell, on a real kernel against a real archive."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from facilitator.clock import FakeClock
from tests.test_notebook import held_meeting

NOTEBOOK = Path(__file__).parent.parent / "docs" / "notebook.ipynb"


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
    # The notebook planned its meeting in the archive the test made.
    from store.archive import Archive

    with Archive.open(db) as archive:
        assert [m.title for m in archive.meetings()] == [
            "Q3 product launch coordination",
            "Release review",
        ]
