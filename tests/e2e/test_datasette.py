"""``facilitator datasette``: the command a person runs, a real server, real HTTP."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from urllib.parse import quote

import pytest

from tests.e2e.test_serve import fetch, free_port
from tests.support import FACILITATOR, TWENTY_MEETINGS, twenty_meetings

pytestmark = pytest.mark.serial


def test_datasette_opens_the_archive_with_our_search_and_queries(tmp_path: Path) -> None:
    db = tmp_path / "team.db"
    twenty_meetings(db)
    port = free_port()
    server = subprocess.Popen(
        [str(FACILITATOR), "--db", str(db), "datasette", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        base = f"http://127.0.0.1:{port}/team"
        page = fetch(f"{base}/search_entries")
        assert 'name="_search"' in page
        found = json.loads(fetch(f"{base}/search.json?q={quote('预算')}&_shape=array"))
        assert len(found) == TWENTY_MEETINGS
        home = fetch(base)
        assert "Open tasks per department, overdue first" in home
    finally:
        server.terminate()
        _out, err = server.communicate(timeout=30)
    assert f"Datasette on http://127.0.0.1:{port}/team" in err
    # Nothing was written: the archive is as the meetings left it.
    assert not (tmp_path / "team.db-journal").exists()


def test_datasette_metadata_can_be_saved_for_ones_own_datasette(tmp_path: Path) -> None:
    db = tmp_path / "team.db"
    twenty_meetings(db)
    result = subprocess.run(
        [str(FACILITATOR), "--db", str(db), "datasette", "--print-metadata"],
        capture_output=True,
        text=True,
        check=True,
    )
    metadata = json.loads(result.stdout)
    assert set(metadata["databases"]) == {"team"}
    assert metadata["databases"]["team"]["tables"]["search_entries"]["fts_table"] == "search_index"
