"""The topic owner's report (当前进展, 风险点, 建议) typed with its prefixes, and where it
goes: the room's entries, the minutes per topic in the template's order, JSON, the tables."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from tests.support import LAUNCH_EN, LAUNCH_ZH, cli, hold_meeting

REPORT_LINES = (
    "/next",
    # Typed in the order people speak, not the template's: the minutes reorder them.
    "决定: 推广时间调整为9月20日",
    "风险：测试环境资源紧张，可能影响测试周期",
    "进展：前端开发完成80%，后端接口联调中",
    "建议: 市场部提前提供推广素材",
    "讨论：销售部希望提前一周培训",
)


def test_the_owners_report_reads_in_the_templates_order_in_the_minutes(db_path: Path) -> None:
    hold_meeting(db_path, LAUNCH_ZH, REPORT_LINES)
    text = cli(db_path, "minutes", now="2026-03-02T18:00:00+08:00").stdout
    topic = text[text.index("### 议题一") : text.index("### 议题二")]
    labels = ["**当前进展**", "**风险点**", "**建议**", "**讨论要点**", "**决策**"]
    assert sorted(labels, key=topic.index) == labels
    assert "- 前端开发完成80%，后端接口联调中" in topic
    assert "- 测试环境资源紧张，可能影响测试周期" in topic
    assert "- 市场部提前提供推广素材" in topic
    html = cli(db_path, "minutes", "--format", "html").stdout
    headings = ["<h4>当前进展</h4>", "<h4>风险点</h4>", "<h4>建议</h4>", "<h4>决策</h4>"]
    assert sorted(headings, key=html.index) == headings


def test_the_owners_report_is_in_the_json_and_the_archive(db_path: Path) -> None:
    hold_meeting(db_path, LAUNCH_ZH, REPORT_LINES)
    document = json.loads(cli(db_path, "minutes", "--format", "json").stdout)
    first = document["topics"][0]
    assert first["progress"] == ["前端开发完成80%，后端接口联调中"]
    assert first["risks"] == ["测试环境资源紧张，可能影响测试周期"]
    assert first["proposals"] == ["市场部提前提供推广素材"]
    assert first["decisions"] == ["推广时间调整为9月20日"]
    assert document["general"]["progress"] == []
    with sqlite3.connect(db_path) as conn:
        rows = conn.execute(
            "SELECT r.kind, r.text, t.title FROM topic_reports r "
            "JOIN topics t ON t.id = r.topic_id ORDER BY r.position"
        ).fetchall()
    assert [row[0] for row in rows] == ["progress", "risk", "proposal"]
    assert {row[2] for row in rows} == {"研发进度汇报"}


def test_an_english_owner_report_under_its_headings(db_path: Path) -> None:
    hold_meeting(
        db_path,
        LAUNCH_EN,
        ("/next", "proposal: marketing sends material early", "progress: front end 80% done"),
    )
    text = cli(db_path, "minutes").stdout
    topic = text[text.index("### 1.") : text.index("### 2.")]
    assert topic.index("**Current progress**") < topic.index("**Proposals**")
    assert "- front end 80% done" in topic
