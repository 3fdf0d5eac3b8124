"""Shared fixtures: a fake clock, real archives (files in tmp, databases on a
throwaway PostgreSQL server), no user state.

Fixtures only; every other helper is in tests/support.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from facilitator.app.live import LiveMeeting
from facilitator.app.settings import Location
from facilitator.core.clock import FakeClock
from facilitator.core.i18n import set_language
from facilitator.planning.demo import demo_agenda
from store.archive import Archive
from tests.support import AGENDA_TOML, NO_POSTGRES, START, PostgresServer, postgres_binaries

SERIAL_MARKERS = ("tmux", "crash", "browser")
"""Tests that time real keystrokes or kill processes: they run on their own
(``make test``'s second run, ``-m serial``), never beside another test."""


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A tmux or crash test is a serial one, wherever it is (before -m selects)."""
    for item in items:
        if any(item.get_closest_marker(name) for name in SERIAL_MARKERS):
            item.add_marker(pytest.mark.serial)


@pytest.fixture(autouse=True)
def isolated_user(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Keep the developer's archive, language and home out of every test."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.delenv("FACILITATOR_DB", raising=False)
    monkeypatch.delenv("FACILITATOR_LANG", raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    set_language("en")
    yield
    set_language("en")


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(START)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "archive.db"


@pytest.fixture
def archive(db_path: Path) -> Iterator[Archive]:
    with Archive.open(db_path) as opened:
        yield opened


@pytest.fixture
def meeting(archive: Archive, clock: FakeClock) -> LiveMeeting:
    """The demo meeting, just created, on a real archive file."""
    journal = archive.create_meeting(demo_agenda(clock.now()), clock.now())
    return LiveMeeting(journal, clock)


@pytest.fixture
def agenda_file(tmp_path: Path) -> Path:
    path = tmp_path / "agenda.toml"
    path.write_text(AGENDA_TOML, encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    """A PostgreSQL server of this test process's own (skipped where none is installed)."""
    binaries = postgres_binaries()
    if binaries is None:
        pytest.skip(NO_POSTGRES)
    server = PostgresServer(binaries)
    yield server
    server.stop()


@pytest.fixture
def pg_url(postgres: PostgresServer) -> str:
    """A new, empty database on the test server, as the URL a user gives ``--db``."""
    return postgres.new_database()


@pytest.fixture(params=["sqlite", "postgres"])
def location(request: pytest.FixtureRequest, db_path: Path) -> Location:
    """Where an archive goes, on each engine in turn: one test, both backends."""
    if request.param == "sqlite":
        return db_path
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture
def any_archive(location: Location) -> Iterator[Archive]:
    """A new archive on each engine in turn (see ``location``)."""
    with Archive.open(location) as opened:
        yield opened
