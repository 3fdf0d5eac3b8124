"""Minutes exported as Markdown (golden files), HTML and JSON, from real archives."""

from __future__ import annotations

import json
import os
from html.parser import HTMLParser
from itertools import pairwise
from pathlib import Path

import pytest

from tests.support import (
    GOLDEN,
    LAUNCH_EN,
    LAUNCH_EN_LINES,
    LAUNCH_ZH,
    LAUNCH_ZH_LINES,
    cli,
    hold_meeting,
    rendered_links,
)

AFTER_MEETING = "2026-03-02T18:00:00+01:00"


@pytest.mark.parametrize(
    ("name", "agenda", "lines"),
    [("minutes_en.md", LAUNCH_EN, LAUNCH_EN_LINES), ("minutes_zh.md", LAUNCH_ZH, LAUNCH_ZH_LINES)],
)
def test_markdown_minutes_match_the_golden_file(db_path: Path, name, agenda, lines) -> None:
    hold_meeting(db_path, agenda, lines)
    result = cli(db_path, "minutes", "--format", "md", now=AFTER_MEETING)
    assert result.exit_code == 0
    golden = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(result.output, encoding="utf-8")
    assert result.output == golden.read_text(encoding="utf-8")


def _rendered(markdown_text: str) -> list[str]:
    """The blocks markdown-it sees, as ``li:…`` inside a list item, else ``p:…``, ``h3:…``."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").enable("table").parse(markdown_text)
    blocks, depth = [], 0
    for previous, token in pairwise(tokens):
        depth += {"list_item_open": 1, "list_item_close": -1}.get(token.type, 0)
        if token.type == "inline":
            blocks.append(f"{'li' if depth else previous.tag}:{token.content}")
    return blocks


@pytest.mark.parametrize(
    ("agenda", "lines", "labels"),
    [
        (LAUNCH_EN, LAUNCH_EN_LINES, ("**Points**", "**Disputes**", "**Decisions**")),
        (LAUNCH_ZH, LAUNCH_ZH_LINES, ("**讨论要点**", "**争议**", "**决策**")),
    ],
    ids=["en", "zh"],
)
def test_the_minutes_render_as_labelled_lists_not_one_run_on_list(
    db_path: Path, agenda, lines, labels
) -> None:
    hold_meeting(db_path, agenda, lines)
    text = cli(db_path, "minutes", now=AFTER_MEETING).stdout
    blocks = _rendered(text)
    # Each label is a paragraph of its own, never the tail of the list item above.
    for label in labels:
        assert f"p:{label}" in blocks, blocks
    assert not any(block.startswith("li:") and "**" in block for block in blocks)
    first_topic = blocks[blocks.index(f"p:{labels[0]}") :]
    assert [b.split(":")[0] for b in first_topic[:2]] == ["p", "li"]


def test_the_actual_time_is_shown_only_when_it_differs_from_the_plan(db_path: Path) -> None:
    hold_meeting(db_path, LAUNCH_EN, ("/next",), minutes_per_line=60)  # 10:00 to 11:00
    hold_meeting(db_path, LAUNCH_ZH, ("/next",), minutes_per_line=75)  # 14:00 to 15:15
    on_time = cli(db_path, "minutes", "1").stdout
    assert "| Time | Mon 2 Mar 2026, 10:00–11:00 (Europe/Berlin) |" in on_time
    assert "Actual time" not in on_time
    late = cli(db_path, "minutes", "2").stdout
    assert "| 实际时间 | 2026年3月2日 星期一 14:00–15:15（北京时间） |" in late
    page = cli(db_path, "minutes", "2", "--format", "html").stdout
    assert "<tr><th>实际时间</th><td>2026年3月2日 星期一 14:00–15:15（北京时间）</td></tr>" in page


def test_task_status_in_the_minutes_is_the_current_follow_up_status(db_path: Path) -> None:
    hold_meeting(db_path, LAUNCH_EN, LAUNCH_EN_LINES)
    assert cli(db_path, "task", "1", "done", now="2026-03-05T09:00:00+01:00").exit_code == 0
    result = cli(db_path, "minutes", now="2026-03-23T09:00:00+01:00")
    assert "| 1 | submit the test resource form | Li | Tue 10 Mar 2026 | Done |" in result.output
    assert "| 2 | campaign draft | Marta | Fri 20 Mar 2026 | Delayed |" in result.output


def test_the_minutes_name_each_task_by_the_id_that_task_takes(db_path: Path) -> None:
    # Two meetings in one archive: the Chinese meeting's only task is task 3, not "1".
    hold_meeting(db_path, LAUNCH_EN, LAUNCH_EN_LINES)
    hold_meeting(db_path, LAUNCH_ZH, LAUNCH_ZH_LINES)
    markdown = cli(db_path, "minutes", "Q3新产品", now=AFTER_MEETING).stdout
    assert "| 编号 | 任务名称 |" in markdown
    assert "| 3 | 提交测试资源申请表 | 李雷 |" in markdown
    document = json.loads(cli(db_path, "minutes", "2", "--format", "json").stdout)
    (task,) = document["tasks"]
    assert (task["id"], task["title"]) == (3, "提交测试资源申请表")
    page = cli(db_path, "minutes", "2", "--format", "html").stdout
    assert '<td class="short num">3</td><td>提交测试资源申请表</td>' in page
    # ...and the id closes that very task, not the first meeting's task 1.
    assert cli(db_path, "task", "3", "done", now=AFTER_MEETING).exit_code == 0
    assert "| 3 | 提交测试资源申请表 | 李雷 | 2026年3月10日 星期二 | 完成 |" in (
        cli(db_path, "minutes", "2", now=AFTER_MEETING).stdout
    )
    assert "| 1 | submit the test resource form | Li | Tue 10 Mar 2026 | Open |" in (
        cli(db_path, "minutes", "1", now=AFTER_MEETING).stdout
    )


def test_a_latecomer_is_marked_late_in_every_minutes_format(db_path: Path) -> None:
    hold_meeting(db_path, LAUNCH_EN, ("/late @Wang", "/present all", "/next"))
    hold_meeting(db_path, LAUNCH_ZH, ("/late @李雷", "/present all", "/next"))
    english = cli(db_path, "minutes", "1", now=AFTER_MEETING).stdout
    assert "Wang (Sales, late)" in english and "Li (R&D)" in english
    assert "Wang (Sales, late)" in cli(db_path, "minutes", "1", "--format", "html").stdout
    chinese = cli(db_path, "minutes", "2", now=AFTER_MEETING).stdout
    assert "李雷（研发部，迟到）" in chinese and "韩梅梅（市场部）" in chinese
    assert "李雷（研发部，迟到）" in cli(db_path, "minutes", "2", "--format", "html").stdout


def test_an_extended_topic_shows_its_plan_and_the_extension_apart(db_path: Path) -> None:
    # 15 planned, /extend 2, 17 taken: the minutes and the metrics show the plan and
    # the extension apart, and a topic ending inside its extension did not overrun.
    hold_meeting(db_path, LAUNCH_EN, ("/next", "/extend 2", "/next"), minutes_per_line=8.5)
    hold_meeting(db_path, LAUNCH_ZH, ("/next", "/extend 2", "/next"), minutes_per_line=11)
    english = cli(db_path, "minutes", "1", now=AFTER_MEETING).stdout
    assert "Owner: Li · planned 15 min (+2 extended), took 17 min 00 s" in english
    assert "planned 15 min, took 8 min 30 s" in english  # not extended: said as before
    page = cli(db_path, "minutes", "1", "--format", "html").stdout
    assert "planned 15 min (+2 extended), took 17 min 00 s" in page
    chinese = cli(db_path, "minutes", "2", now=AFTER_MEETING).stdout
    assert "议题负责人：李雷 · 计划20分钟（延长2分钟），实际22分00秒" in chinese
    assert (
        "计划20分钟（延长2分钟），实际22分00秒"
        in cli(db_path, "minutes", "2", "--format", "html").stdout
    )
    metrics = cli(db_path, "metrics", "1").stdout
    row = next(line for line in metrics.splitlines() if "R&D progress" in line)
    assert [cell.strip() for cell in row.split("│")[1:-1]] == [
        "1",
        "R&D progress and risks",
        "15 (+2)",
        "17.0",
        "",
    ]


EVIL_EN = (
    LAUNCH_EN.replace('name = "Marta"', 'name = "<script>alert(1)</script>"')
    .replace('owner = "Marta"', 'owner = "<script>alert(1)</script>"')
    .replace('title = "Launch campaign"', 'title = "[bold]x[/] & <b>co</b>"')
)


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        self.tags.append(tag)

    def handle_data(self, data) -> None:
        self.text.append(data)


def test_html_minutes_are_one_printable_page_with_everything_escaped(db_path: Path) -> None:
    hold_meeting(
        db_path,
        EVIL_EN,
        ("/next", "/next", "a: @<script>alert(1)</script> draft <img src=x> by 3/20"),
    )
    result = cli(db_path, "minutes", "--format", "html", now=AFTER_MEETING)
    assert result.exit_code == 0
    page = result.output
    assert page.startswith("<!DOCTYPE html>") and "@media print" in page
    assert "<script" not in page and "<img" not in page and "<b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "[bold]x[/] &amp; &lt;b&gt;co&lt;/b&gt;" in page
    assert "http" not in page.split("<body>")[0]  # nothing fetched from outside
    parsed = _Collect()
    parsed.feed(page)
    assert "script" not in parsed.tags and "style" in parsed.tags
    assert "2. [bold]x[/] & <b>co</b>" in parsed.text


def test_html_minutes_in_chinese_have_the_chinese_headings(db_path: Path) -> None:
    hold_meeting(db_path, LAUNCH_ZH, LAUNCH_ZH_LINES)
    page = cli(db_path, "minutes", "--format", "html", now=AFTER_MEETING).output
    assert '<html lang="zh-CN">' in page and "会议纪要：Q3新产品上线协调会" in page
    assert "研发部" in page and "需延长测试周期" in page


def test_json_minutes_have_a_stable_documented_shape(db_path: Path, tmp_path: Path) -> None:
    hold_meeting(db_path, LAUNCH_EN, LAUNCH_EN_LINES)
    out = tmp_path / "minutes.json"
    result = cli(db_path, "minutes", "--format", "json", "-o", str(out), now=AFTER_MEETING)
    assert result.exit_code == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["format"] == "facilitator.minutes/1"
    assert list(data) == [
        "format",
        "meeting",
        "attendance",
        "general",
        "topics",
        "open_items",
        "tasks",
        "speaking",
        # added within the version, after the keys it began with
        "topics_left",
        "briefs",
        "confirmations",
    ]
    assert [brief["for"] for brief in data["briefs"]] == ["Wang"]
    assert data["confirmations"] == []
    assert data["topics_left"] == ["t3"]
    assert data["meeting"]["title"] == "Q3 launch coordination"
    assert data["meeting"]["timezone"] == "Europe/Berlin"
    assert data["meeting"]["host"] == ["Ana"]
    # Opened at the first topic, closed 16 minutes later: in the meeting's zone, like start.
    assert data["meeting"]["start"] == "2026-03-02T10:00:00+01:00"
    assert data["meeting"]["opened_at"] == "2026-03-02T10:02:00+01:00"
    assert data["meeting"]["closed_at"] == "2026-03-02T10:18:00+01:00"
    wang = next(a for a in data["attendance"] if a["name"] == "Wang")
    assert wang["status"] == "absent" and wang["briefer"] == "Marta"
    first = data["topics"][0]
    assert first["decisions"] == ["ship on 20 Sept"]
    assert first["disputes"][0]["sides"] == [
        {"party": "R&D", "position": "longer tests"},
        {"party": "Marketing", "position": "keep the date"},
    ]
    assert data["open_items"][0] == {
        "text": "budget approval",
        "owner": "Marta",
        "deadline": "2026-03-05",
        "topic": "t2",
        "id": 1,
        "status": "open",
        "department": "Marketing",
    }
    assert data["tasks"][0]["status"] == "open" and data["tasks"][0]["due"] == "2026-03-10"
    assert {"department": "R&D", "seconds": 600.0} in data["speaking"]


def test_minutes_to_an_unwritable_place_is_one_clear_line(db_path: Path, tmp_path: Path) -> None:
    hold_meeting(db_path, LAUNCH_EN, LAUNCH_EN_LINES)
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = cli(db_path, "minutes", "-o", str(blocker / "minutes.md"), now=AFTER_MEETING)
    assert result.exit_code == 2 and result.output.startswith("facilitator: cannot write")
    assert result.output.count("\n") == 1


def test_a_web_address_is_a_link_in_every_markdown_renderer_and_in_html(db_path: Path) -> None:
    hold_meeting(db_path, LAUNCH_EN, ("/next", "notes at https://wiki.example.com/q3, read them"))
    markdown = cli(db_path, "minutes").stdout
    links = ["https://meet.example.com/q3", "https://wiki.example.com/q3"]
    # CommonMark links no bare address, GitHub's renderer links them all: written
    # as autolinks, both link the same addresses, the comma left outside.
    assert rendered_links(markdown) == rendered_links(markdown, linkify=True) == links
    page = cli(db_path, "minutes", "--format", "html").stdout
    for link in links:
        assert f'<a href="{link}">{link}</a>' in page


@pytest.mark.parametrize(
    ("agenda", "absent", "recorder", "host"),
    [
        (LAUNCH_EN, "/absent @Zhao @Li", "Zhao (absent)", "Ana"),
        (LAUNCH_ZH, "/absent @赵芳 @李雷", "赵芳（缺席）", "周敏"),
    ],
    ids=["en", "zh"],
)
def test_a_recorder_absent_at_the_roll_call_is_not_named_as_if_present(
    db_path: Path, agenda: str, absent: str, recorder: str, host: str
) -> None:
    hold_meeting(db_path, agenda, (absent, "/next", "/next"))
    markdown = cli(db_path, "minutes", "--format", "md", now=AFTER_MEETING).output
    assert f"| {recorder} |" in markdown
    assert f"| {host} |" in markdown  # present: just the name
    page = cli(db_path, "minutes", "--format", "html", now=AFTER_MEETING).output
    parsed = _Collect()
    parsed.feed(page)
    assert recorder in parsed.text and host in parsed.text
