"""Briefs for absentees (facilitator brief): what the briefer passes on, as golden
Markdown in both languages, as HTML, and in the minutes' JSON."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.support import GOLDEN, LAUNCH_EN, LAUNCH_ZH, cli, hold_meeting

# Wang (Sales) is absent, Marta briefs him: a task of his, an open item of Sales and a
# dispute a side of which is Sales concern him; Li's task does not.
BRIEF_EN_LINES = (
    "/absent @Wang @Marta",
    "/next",
    "x: R&D: longer tests | Sales: keep the date",
    "x: R&D: more rigs | Marketing: fewer rigs",
    "d: ship on 20 Sept",
    "a: @Wang price list by 3/20",
    "a: @Li test form by 3/10",
    "/next",
    "u: @Sales discount policy in 3 workdays",
    "d: campaign starts 1 Sept",
)
# 韩梅梅 (市场部) is absent, 周敏 briefs her: her task, 市场部's open item, the dispute.
BRIEF_ZH_LINES = (
    "/absent @韩梅梅 @周敏",
    "/next",
    "争议: 研发部: 需延长测试周期 | 市场部: 担心影响推广节奏",
    "决定: 推广时间调整为9月20日",
    "任务: @韩梅梅 提供推广素材 3月12日",
    "/next",
    "待定: @市场部 预算审批 3个工作日内",
    "任务: @李雷 提交测试资源申请表 3月10日",
)
AFTER = "2026-03-03T09:00:00+01:00"


@pytest.mark.parametrize(
    ("name", "agenda", "lines"),
    [("brief_en.md", LAUNCH_EN, BRIEF_EN_LINES), ("brief_zh.md", LAUNCH_ZH, BRIEF_ZH_LINES)],
    ids=["en", "zh"],
)
def test_a_brief_matches_the_golden_file(db_path: Path, name: str, agenda: str, lines) -> None:
    hold_meeting(db_path, agenda, lines)
    result = cli(db_path, "brief", now=AFTER)
    assert result.exit_code == 0, result.output
    golden = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(result.output, encoding="utf-8")
    assert result.output == golden.read_text(encoding="utf-8")


def test_a_brief_as_html_and_for_one_absentee(db_path: Path, tmp_path: Path) -> None:
    hold_meeting(db_path, LAUNCH_EN, ("/absent @Wang @Marta", "/absent @Li @Ana", *BRIEF_EN_LINES))
    both = cli(db_path, "brief", "1", now=AFTER).stdout
    assert both.count("# Brief for ") == 2
    only_li = cli(db_path, "brief", "1", "--for", "li", now=AFTER).stdout
    assert only_li.startswith("# Brief for Li: Q3 launch coordination")
    assert "test form" in only_li and "price list" not in only_li
    # Li is R&D: both disputes name R&D.
    assert "## Disputes naming R&D (2)" in only_li
    page = tmp_path / "brief.html"
    result = cli(db_path, "brief", "--for", "Wang", "--format", "html", "-o", str(page), now=AFTER)
    assert result.exit_code == 0 and page.stat().st_mode & 0o777 == 0o600
    html = page.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "<script" not in html
    assert "<h1>Brief for Wang: Q3 launch coordination</h1>" in html
    assert "<li><strong>Sales</strong>: keep the date</li>" in html


def test_the_minutes_json_holds_each_brief(db_path: Path) -> None:
    hold_meeting(db_path, LAUNCH_EN, BRIEF_EN_LINES)
    document = json.loads(cli(db_path, "minutes", "--format", "json", now=AFTER).stdout)
    (brief,) = document["briefs"]
    assert (brief["for"], brief["department"], brief["briefer"]) == ("Wang", "Sales", "Marta")
    assert [d["text"] for d in brief["decisions"]] == ["ship on 20 Sept", "campaign starts 1 Sept"]
    assert brief["tasks"] == [
        {"id": 1, "title": "price list", "owner": "Wang", "due": "2026-03-20", "status": "open"}
    ]
    assert [(i["id"], i["owner"]) for i in brief["open_items"]] == [(1, "Sales")]
    assert brief["disputes"][0]["sides"][1] == {"party": "Sales", "position": "keep the date"}
    assert len(brief["disputes"]) == 1


def test_brief_says_when_there_is_no_one_to_brief(db_path: Path) -> None:
    hold_meeting(db_path, LAUNCH_EN, ("/next", "d: ship it"))
    result = cli(db_path, "brief", now=AFTER)
    assert result.exit_code == 0 and "Nobody was absent" in result.stderr
    hold_meeting(db_path, LAUNCH_ZH, BRIEF_ZH_LINES)
    wrong = cli(db_path, "brief", "2", "--for", "李雷", now=AFTER)
    assert wrong.exit_code == 2 and wrong.output.count("\n") == 1
    assert "李雷 was not absent from 'Q3新产品上线协调会': the absentees are 韩梅梅" in wrong.output
