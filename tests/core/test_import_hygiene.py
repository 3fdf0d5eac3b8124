"""The architecture at run time: pure rooms load no UI, no storage, no CLI.

``pyproject.toml`` states the same rules for import-linter (``make lint``);
these tests check what is actually loaded, and that every module imports on
its own (no hidden order, no cycle).
"""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys

import facilitator
import screens
import store

COMPOSITION_ROOTS = ("facilitator.cli", "facilitator.notebook", "facilitator.__main__")
"""The only parts of facilitator/ that wire in the store, the screens and click."""

FORBIDDEN_IN_PURE_ROOMS = (
    "textual",
    "sqlite3",
    "_sqlite3",
    "sqlite_utils",
    "psycopg",
    "store",
    "screens",
    "click",
    "rich",
)


def _modules(package) -> list[str]:
    return [m.name for m in pkgutil.walk_packages(package.__path__, package.__name__ + ".")]


def _loaded_after_importing(modules: list[str], roots: tuple[str, ...]) -> list[str]:
    script = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "print(json.dumps(sorted(m for m in sys.modules "
        f"if m.split('.')[0] in {roots!r})))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout)


def test_pure_rooms_load_neither_ui_nor_storage_nor_cli() -> None:
    pure = [m for m in _modules(facilitator) if not m.startswith(COMPOSITION_ROOTS)]
    assert "facilitator.meeting.state" in pure and "facilitator.render.times" in pure
    assert _loaded_after_importing(pure, FORBIDDEN_IN_PURE_ROOMS) == []


def test_the_core_loads_nothing_else_of_ours() -> None:
    core = [m for m in _modules(facilitator) if m.startswith("facilitator.core.")]
    loaded = _loaded_after_importing(core, ("facilitator", "store", "screens"))
    assert [m for m in loaded if not m.startswith("facilitator.core")] == ["facilitator"]


def test_store_never_loads_the_screens() -> None:
    assert _loaded_after_importing(_modules(store), ("textual", "screens")) == []


def test_a_room_on_an_sqlite_file_loads_neither_psycopg_nor_the_migrations(tmp_path) -> None:
    """PostgreSQL is an optional extra: a room on an existing SQLite archive (opened
    and written, as at every start) loads none of it, nor the migrations' SQL."""
    db = str(tmp_path / "archive.db")
    subprocess.run(
        [sys.executable, "-c", f"from store.archive import Archive; Archive.open({db!r}).close()"],
        check=True,
    )
    script = (
        "import json, sys\n"
        "from facilitator.app.live import LiveMeeting\n"
        "from facilitator.core.clock import FakeClock\n"
        "from facilitator.planning.demo import demo_agenda\n"
        "from store.archive import Archive\n"
        f"with Archive.open({db!r}) as archive:\n"
        "    now = FakeClock().now()\n"
        "    LiveMeeting(archive.create_meeting(demo_agenda(now), now)).submit('/next')\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('psycopg', 'sqlite_utils') or m in ('store.schema', 'store.postgres'))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert json.loads(result.stdout) == []


def test_every_module_imports_on_its_own() -> None:
    """Each module first, in an interpreter where nothing of ours is loaded yet."""
    scripts = ("facilitator.__main__",)  # runs the CLI when imported, by design
    modules = [
        m for m in _modules(facilitator) + _modules(store) + _modules(screens) if m not in scripts
    ]
    script = (
        "import importlib, sys, traceback\n"
        "ours = ('facilitator', 'store', 'screens')\n"
        "failed = []\n"
        f"for name in {modules!r}:\n"
        "    for loaded in [m for m in sys.modules if m.split('.')[0] in ours]:\n"
        "        del sys.modules[loaded]\n"
        "    try:\n"
        "        importlib.import_module(name)\n"
        "    except Exception:\n"
        "        failed.append(name + ': ' + traceback.format_exc().splitlines()[-1])\n"
        "print('\\n'.join(failed))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


def test_the_wall_clock_is_read_without_the_date_library_a_fake_one_as_set() -> None:
    # `facilitator tasks` reads the time this way (see benchmarks/task_query.py).
    script = (
        "import datetime as dt, sys\n"
        "from facilitator.core.clock import SystemClock, current_instant\n"
        "now = current_instant(SystemClock())\n"
        "assert now.tzinfo is not None and abs(now - dt.datetime.now(dt.UTC)).seconds < 60\n"
        "print('pendulum' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.stdout.strip() == "False", done.stderr
    from facilitator.core.clock import FakeClock, current_instant

    fake = FakeClock("2026-03-02T10:00:00+01:00")
    assert current_instant(fake) == fake.now()
