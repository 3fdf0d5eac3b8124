"""An archive written before the follow-up tables (m020-m024) is brought up to date by
``facilitator upgrade``: its open items get a status and their owner's department,
its meetings their series; nothing recorded is lost."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from sqlite_utils import Database

from facilitator.planning.agenda_file import parse_agenda
from store.archive import Archive
from store.versions import KNOWN
from tests.support import LAUNCH_ZH, cli, migrated_until

CLOSED = "2026-03-02T15:30:00+08:00"
CLOSED_UTC = "2026-03-02T07:30:00+00:00"
"""As the archive keeps every instant since m030."""


def _archive_before_follow_up(path: Path) -> None:
    """A closed meeting as the version before m020 stored it (no series, no statuses)."""
    migrated_until(path, "m020_topic_reports")
    db = Database(str(path))
    agenda = parse_agenda(LAUNCH_ZH)
    stored = agenda.to_dict()
    del stored["series"]  # that version knew no series
    db["meetings"].insert(
        {
            "id": 1,
            "key": agenda.key,
            "title": agenda.title,
            "start": agenda.start.isoformat(),
            "end": agenda.end.isoformat(),
            "timezone": agenda.timezone,
            "language": "zh",
            "status": "closed",
            "created_at": CLOSED,
            "closed_at": CLOSED,
            "agenda": json.dumps(stored, ensure_ascii=False),
        }
    )
    for person in agenda.people:
        db["people"].insert({"meeting_id": 1, "name": person.name, "department": person.department})
    db["open_items"].insert(
        {"meeting_id": 1, "text": "预算审批", "owner": "韩梅梅", "deadline": "2026-03-05"}
    )
    db["open_items"].insert(
        {"meeting_id": 1, "text": "提供合规性意见", "owner": "法务部门", "deadline": "2026-03-05"}
    )
    db["tasks"].insert(
        {
            "meeting_id": 1,
            "title": "提交测试资源申请表",
            "owner": "李雷",
            "department": "研发部",
            "due": "2026-03-10",
            "status": "doing",
            "created_at": CLOSED,
            "updated_at": CLOSED,
        }
    )
    db["task_updates"].insert(
        {"task_id": 1, "at": "2026-03-03T09:00:00+08:00", "previous": "open", "status": "doing"}
    )
    db.conn.close()


def test_an_older_archive_is_upgraded_with_its_open_items_and_series(db_path: Path) -> None:
    _archive_before_follow_up(db_path)
    # Reading never migrates: the read commands say what to run.
    before = cli(db_path, "items")
    assert before.exit_code == 2 and "upgrade" in before.output
    assert cli(db_path, "upgrade").exit_code == 0
    with sqlite3.connect(db_path) as conn:
        items = conn.execute(
            "SELECT owner, department, status, created_at FROM open_items ORDER BY id"
        ).fetchall()
        series = conn.execute("SELECT series FROM meetings").fetchall()
    assert items == [
        ("韩梅梅", "市场部", "open", CLOSED_UTC),
        ("法务部门", "法务部门", "open", CLOSED_UTC),  # outside the meeting: its own department
    ]
    assert series == [("Q3新产品上线协调会",)]
    listed = cli(db_path, "items", "--department", "市场部", "--format", "csv").stdout
    assert "预算审批,韩梅梅,市场部,2026-03-05" in listed
    history = cli(db_path, "task", "1", lang="zh", now="2026-03-04T09:00:00+08:00").output
    assert "未开始 → 进行中" in history
    assert cli(db_path, "item", "2", "resolved", now="2026-03-04T09:00:00+08:00").exit_code == 0
    with Archive.open(db_path) as archive:
        assert archive.schema_version == len(KNOWN)
