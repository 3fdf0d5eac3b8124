"""The domain stays pure: no Textual, no SQLite outside the composition root."""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys

import facilitator

COMPOSITION_ROOTS = {
    "facilitator.cli.main",
    "facilitator.cli.plan",
    "facilitator.cli.tasks",
    "facilitator.cli.follow",
    "facilitator.__main__",
    "facilitator.notebook.api",
}


def test_domain_modules_import_neither_textual_nor_sqlite() -> None:
    modules = [
        m.name
        for m in pkgutil.walk_packages(facilitator.__path__, "facilitator.")
        if m.name not in COMPOSITION_ROOTS
    ]
    assert "facilitator.meeting.state" in modules
    script = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "print(json.dumps(sorted(m for m in sys.modules "
        "if m.split('.')[0] in ('textual', 'sqlite3', '_sqlite3', 'sqlite_utils', "
        "'store', 'screens'))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert json.loads(result.stdout) == []


def test_store_never_imports_the_screens() -> None:
    script = (
        "import sys, store.archive, store.schema\n"
        "print([m for m in sys.modules if m.split('.')[0] in ('textual', 'screens')])"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
