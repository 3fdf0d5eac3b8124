"""Shared fixtures: a fake clock, real archive files in tmp, no user state."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pendulum
import pytest

from facilitator.app.live import LiveMeeting
from facilitator.core.clock import FakeClock
from facilitator.core.i18n import set_language
from facilitator.planning.demo import demo_agenda
from store.archive import Archive

START = pendulum.datetime(2026, 3, 2, 10, 0, tz="Europe/Berlin")


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


def type_lines(meeting: LiveMeeting, *lines: str) -> None:
    """Type lines into the room, asserting each was accepted."""
    for line in lines:
        outcome = meeting.submit(line)
        assert outcome.accepted, (line, [n.text() for n in outcome.notices])


AGENDA_TOML = """\
[meeting]
title = "Weekly ops sync"
goal = "Agree the release checklist"
kind = "sync"
start = 2026-03-02T10:00:00+01:00
end = 2026-03-02T11:00:00+01:00
place = "Room 2"
rsvp_by = 2026-02-26T17:00:00+01:00
materials = ["checklist.pdf"]

[[people]]
name = "Ana"
department = "Ops"
role = "host"

[[people]]
name = "Ben"
department = "R&D"
role = "recorder"

[[people]]
name = "李雷"
department = "Sales"

[[topics]]
title = "Release checklist"
owner = "Ana"
minutes = 20

[[topics]]
title = "Support rota"
owner = "Ben"
minutes = 15
"""


@pytest.fixture
def agenda_file(tmp_path: Path) -> Path:
    path = tmp_path / "agenda.toml"
    path.write_text(AGENDA_TOML, encoding="utf-8")
    return path
