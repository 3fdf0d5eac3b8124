"""The archive in Datasette, with the metadata we ship: what a SQL user browses.

Datasette is run in-process (its own test client, real SQL, real pages); the
command that starts it for a person is tests/e2e/test_datasette.py.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from datasette.app import Datasette

from facilitator.cli.datasette import metadata_for
from tests.support import TWENTY_MEETINGS, twenty_meetings


@pytest.fixture(scope="module")
def team(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("datasette") / "team.db"
    twenty_meetings(path)
    return path


def _get(path: Path, *urls: str) -> list[Any]:
    async def fetch() -> list[Any]:
        datasette = Datasette(files=[str(path)], metadata=metadata_for(path))
        await datasette.invoke_startup()
        answers = []
        for url in urls:
            response = await datasette.client.get(url)
            assert response.status_code == 200, (url, response.text[:500])
            answers.append(response.json() if ".json" in url else response.text)
        return answers

    return asyncio.run(fetch())


def test_the_search_box_is_there_and_finds_three_characters_or_more(team: Path) -> None:
    page, found = _get(
        team, "/team/search_entries", "/team/search_entries.json?_search=预算审批&_shape=array"
    )
    assert 'name="_search"' in page and "for shorter words" in page
    assert len(found) == TWENTY_MEETINGS // 2
    assert {row["meeting_day"] for row in found} >= {"2026-04-01", "2026-04-19"}


def test_the_search_query_finds_two_characters_in_every_meeting(team: Path) -> None:
    (rows,) = _get(team, "/team/search.json?q=预算&_shape=array")
    assert len(rows) == TWENTY_MEETINGS
    assert rows[0]["meeting_day"] == "2026-04-20"  # newest first
    assert {row["kind"] for row in rows} == {"decision", "open_item"}
    (longer,) = _get(team, "/team/search.json?q=budget%20approval&_shape=array")
    assert len(longer) == TWENTY_MEETINGS // 2


def test_canned_queries_open_tasks_per_department_overdue_first_and_decisions(
    team: Path,
) -> None:
    tasks, decisions = _get(
        team,
        "/team/open_tasks_by_department.json?_shape=array",
        "/team/decisions_by_text.json?text=frozen&_shape=array",
    )
    departments = [row["department"] for row in tasks]
    assert departments == sorted(departments)
    first_of = {}
    for row in tasks:
        first_of.setdefault(row["department"], row["status"])
    assert set(first_of.values()) == {"delayed"}  # every task is late by now
    assert len(decisions) == TWENTY_MEETINGS // 2
    assert decisions[0]["text"] == "the 预算 stays frozen until May"


def test_tables_and_views_carry_their_descriptions(team: Path) -> None:
    (page,) = _get(team, "/team/task_status")
    assert "delayed once past due (in the meeting&#39;s zone)" in page
    (home,) = _get(team, "/team")
    assert "Search every meeting (any length, Chinese too)" in home
    assert "Open tasks per department, overdue first" in home
