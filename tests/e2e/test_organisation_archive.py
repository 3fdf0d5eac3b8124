"""The organisation's archive, tried as a new user would: the demo archive moved
onto a PostgreSQL server with one command, two rooms running on it from two
terminals while a third follows one of them and a notebook reads both, both
closed, and one weekly report covering both rooms.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from facilitator.core.clock import FakeClock
from facilitator.notebook import open_archive
from tests.support import AGENDA_TOML, FACILITATOR, START, held_meeting, terminal

pytestmark = [
    pytest.mark.tmux,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]

ROOMS = {"Ops": "Ops weekly sync", "Sales": "Sales weekly sync"}


def _agenda(tmp_path: Path, department: str) -> Path:
    path = tmp_path / f"{department.lower()}.toml"
    path.write_text(AGENDA_TOML.replace("Weekly ops sync", ROOMS[department]), encoding="utf-8")
    return path


def _facilitator(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(FACILITATOR), *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "FACILITATOR_LANG": "en", "COLUMNS": "200"},
    )


def test_two_rooms_a_follower_and_a_notebook_on_one_server_then_one_report(
    tmp_path: Path, pg_url: str
) -> None:
    demo = tmp_path / "demo.db"
    held_meeting(demo, FakeClock(START))
    moved = _facilitator("archive", "copy", str(demo), pg_url)
    assert moved.returncode == 0, moved.stderr

    url = f"FACILITATOR_LANG=en {FACILITATOR} --db '{pg_url}'"
    ops, sales = (_agenda(tmp_path, name) for name in ROOMS)
    with (
        terminal(f"{url} run {ops}") as ops_room,
        terminal(f"{url} run {sales}") as sales_room,
    ):
        for room in (ops_room, sales_room):
            room.wait_for("Roll call")
            room.type_line("/next")
            room.wait_for("owner: Ana")
        with terminal(f"{url} follow 'Ops weekly'") as projector:
            projector.wait_for("Ops weekly sync")
            ops_room.type_line("d: freeze the checklist on Friday")
            sales_room.type_line("d: sales keeps the old rota")
            projector.wait_for("freeze the checklist on Friday", seconds=10)
            assert "sales keeps the old rota" not in projector.screen()

            with open_archive(pg_url) as nb:  # a notebook reading both rooms at once
                running = {m["title"]: m["status"] for m in nb.meetings().to_records()}
                assert running[ROOMS["Ops"]] == running[ROOMS["Sales"]] == "planned"
                ops_now = nb.meeting("Ops weekly").now()
                sales_now = nb.meeting("Sales weekly").now()
                assert "freeze the checklist on Friday" in repr(ops_now)
                assert "sales keeps the old rota" in repr(sales_now)

            ops_room.type_line("a: @Ben update the release checklist by 3/10")
            sales_room.type_line("a: @Ana send the rota to Sales by 3/12")
            for room, task in ((ops_room, "update the release"), (sales_room, "send the rota")):
                room.wait_for(task)
                room.type_line("/close")
                room.wait_for("Confirm and write minutes")
                room.send("Enter")
                room.wait_for("Meeting closed")
            projector.wait_for("Meeting closed", seconds=10)

    report = _facilitator("--db", pg_url, "report")
    assert report.returncode == 0, report.stderr
    for task in ("update the release checklist", "send the rota to Sales"):
        assert task in report.stdout
    assert ROOMS["Ops"] in report.stdout and ROOMS["Sales"] in report.stdout
    with open_archive(pg_url) as nb:
        titles = {record["title"] for record in nb.tasks().to_records()}
        assert {"update the release checklist", "send the rota to Sales"} <= titles
