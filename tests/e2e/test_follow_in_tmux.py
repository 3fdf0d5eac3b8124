"""The follow view in a real terminal when its archive goes away under it."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from facilitator.core.clock import FakeClock
from facilitator.planning.demo import demo_agenda
from store.archive import Archive
from tests.support import START, needs_tmux, room_command, terminal

pytestmark = needs_tmux

TITLE = "Q3 product launch coordination"


def planned(db: Path) -> Path:
    clock = FakeClock(START)
    with Archive.open(db) as archive:
        archive.create_meeting(demo_agenda(clock.now()), clock.now())
    return db


def delete(db: Path) -> None:
    for path in db.parent.glob(db.name + "*"):
        path.unlink()


def replace(db: Path) -> None:
    # What a sync tool or a restore does: another file renamed over it.
    other = db.with_name("other.db")
    shutil.copy(db, other)
    os.replace(other, db)


@pytest.mark.parametrize(
    ("fate", "said"),
    [(delete, "was deleted"), (replace, "was replaced")],
    ids=["deleted", "replaced"],
)
def test_a_follow_view_says_when_its_archive_is_deleted_or_replaced(
    tmp_path: Path, fate, said: str
) -> None:
    db = planned(tmp_path / "archive.db")
    with terminal(room_command(db, "follow")) as view:
        view.wait_for(TITLE, seconds=60)
        fate(db)
        view.wait_for("while it was", seconds=10)
        shown = view.screen()
        words = " ".join(shown.split())  # the notice wraps the archive's long path
        assert said in words and "while it was being followed" in words
        assert TITLE in shown and "Traceback" not in shown
