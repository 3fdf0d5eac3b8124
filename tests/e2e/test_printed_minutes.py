"""The HTML minutes printed to PDF by headless Chromium, and read back as paper.

``facilitator minutes --format html`` writes the page a person prints; Chromium
(Debian's ``chromium``) prints it with the page's own CSS page size, and
poppler's ``pdftotext`` / ``pdfinfo`` read the PDF: no word of a short column
split over two lines, no heading alone at the foot of a page, a long task
table continued on the next page under its header row, links that are links,
A4 unless the locale prints on Letter.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.e2e.test_browser_room import CHROMIUM, CHROMIUM_FLAGS
from tests.support import LAUNCH_ZH, cli, hold_meeting

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (.ci/run installs it)"),
    pytest.mark.skipif(
        shutil.which("pdftotext") is None, reason="poppler-utils is not installed (.ci/run)"
    ),
]

# Words that sit in short columns or the key column: each must print whole.
WHOLE_WORDS = (
    "韩梅梅",
    "李雷",
    "星期五",
    "编号",
    "任务名称",
    "责任人",
    "截止日期",
    "状态",
    "会议时间",
    "实际时间",
    "参会人员",
    "缺席人员",
    "2026年3月13日",
)
HEADINGS = {"基本信息", "各议题讨论要点", "决策事项", "未决事项", "待办任务", "发言时间"}
HEADINGS |= {"讨论要点", "争议", "决策", "任务", "议题一：研发进度汇报", "议题二：推广方案确认"}
LINK = "https://wiki.example.com/q3-launch"


def long_meeting(db: Path, extra_points: int) -> None:
    """A Chinese meeting whose task table is too long for one page; ``extra_points``
    moves every page break further down."""
    lines = ["/next", "前端开发完成80%，后端接口联调中"]
    lines += [f"第{n + 1}项风险：测试环境资源不足，需要各部门协调" for n in range(extra_points)]
    lines += [
        "决定: 推广时间调整为9月20日",
        "争议: 研发部: 需延长测试周期 | 市场部: 担心影响推广节奏",
    ]
    lines += [
        f"任务: @{'韩梅梅' if n % 2 else '李雷'} 完成第{n + 1}项准备工作并提交书面报告 下周五"
        for n in range(40)
    ]
    lines += ["/next", "待定: @韩梅梅 预算审批 3个工作日内", f"参考资料见 {LINK} 。"]
    hold_meeting(db, LAUNCH_ZH, tuple(lines), minutes_per_line=0.2)


def printed(html: Path, pdf: Path) -> None:
    """``html`` printed to ``pdf`` by Chromium, at the page size its CSS asks for."""
    from playwright.sync_api import sync_playwright

    hosts: set[str] = set()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        page = browser.new_page()
        page.on("request", lambda request: hosts.add(request.url.split(":")[0]))
        page.goto(html.resolve().as_uri())
        page.pdf(path=str(pdf), prefer_css_page_size=True, print_background=True)
        browser.close()
    assert hosts <= {"file"}  # the page loads nothing from anywhere


def pages(pdf: Path) -> list[list[str]]:
    """Each page's lines as pdftotext reads them, blank lines left out."""
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return [
        [line.strip() for line in page.splitlines() if line.strip()] for page in text.split("\f")
    ]


def page_size(pdf: Path) -> str:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    return re.search(r"Page size:.*\((\w+)\)", info.stdout).group(1)  # type: ignore[union-attr]


class _Body(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.inside, self.text = False, []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.inside = self.inside or tag == "body"

    def handle_data(self, data: str) -> None:
        if self.inside:
            self.text.append(data)


def visible_text(html: str) -> str:
    body = _Body()
    body.feed(html)
    return "".join(body.text)


@pytest.fixture(scope="module")
def printed_minutes(tmp_path_factory: pytest.TempPathFactory) -> Iterator[list[tuple[str, Path]]]:
    """The minutes of four meetings of different lengths, as HTML and as PDF."""
    folder = tmp_path_factory.mktemp("print")
    done = []
    for extra in (0, 5, 11, 17):
        db = folder / f"meeting{extra}.db"
        long_meeting(db, extra)
        html, pdf = folder / f"minutes{extra}.html", folder / f"minutes{extra}.pdf"
        assert cli(db, "minutes", "--format", "html", "-o", str(html)).exit_code == 0
        printed(html, pdf)
        done.append((html.read_text(encoding="utf-8"), pdf))
    yield done


def test_chinese_minutes_print_on_a4_with_no_word_split(printed_minutes) -> None:
    for html, pdf in printed_minutes:
        assert page_size(pdf) == "A4"
        paper = "\n".join(line for page in pages(pdf) for line in page)
        shown = visible_text(html)
        for word in WHOLE_WORDS:
            # A word broken over two lines is no longer found whole on either
            # (a table's header row is printed again on each page it runs on).
            assert paper.count(word) >= shown.count(word) > 0, (pdf.name, word)
            for cut in range(1, len(word)):
                assert f"{word[:cut]}\n{word[cut:]}" not in paper, (pdf.name, word)


def test_no_heading_is_left_alone_at_the_foot_of_a_page(printed_minutes) -> None:
    for _html, pdf in printed_minutes:
        for number, page in enumerate(pages(pdf)[:-1], start=1):
            assert page[-1] not in HEADINGS, (pdf.name, number, page[-3:])


def test_a_long_task_table_runs_on_under_its_header_row(printed_minutes) -> None:
    for _html, pdf in printed_minutes:
        paper = pages(pdf)
        start = next(n for n, page in enumerate(paper) if "待办任务" in page)
        end = next(n for n, page in enumerate(paper) if "发言时间" in page)
        assert end > start, pdf.name  # 40 rows do not fit on one page
        header = ("编号", "任务名称", "责任人", "截止日期", "状态")
        # It starts under its heading (not pushed whole to the next page) ...
        first = "\n".join(paper[start])
        assert all(word in first for word in header), (pdf.name, paper[start][-5:])
        assert "完成第1项准备工作并提交书面报告" in first
        # ... and every page it runs on to repeats its header row.
        continued = [
            "\n".join(page)
            for page in paper[start + 1 : end + 1]
            if any("准备工作并提交书面报告" in line for line in page)
        ]
        assert continued, pdf.name
        for text in continued:
            assert all(word in text for word in header), (pdf.name, text[:60])
        assert len(paper) <= 6, (pdf.name, len(paper))


def test_each_topic_lists_its_tasks_and_open_items_and_links_are_links(printed_minutes) -> None:
    html, pdf = printed_minutes[0]
    paper = pages(pdf)
    lines = [line for page in paper for line in page]
    topic2 = lines.index("议题二：推广方案确认")
    section = lines[topic2 : lines.index("决策事项")]
    assert section[2:] == [
        "讨论要点",
        f"韩梅梅：参考资料见 {LINK} 。",  # said while the topic's owner had the floor
        "未决事项",
        "预算审批（韩梅梅，2026年3月5日 星期四）",
    ]
    assert f'<a href="{LINK}">{LINK}</a>' in html
    assert f"/URI ({LINK})".encode() in pdf.read_bytes()


def test_a_us_locale_prints_on_letter_and_the_option_overrides_it(tmp_path: Path) -> None:
    db = tmp_path / "archive.db"
    long_meeting(db, 0)
    html, pdf = tmp_path / "us.html", tmp_path / "us.pdf"
    env = {**os.environ, "LC_ALL": "", "LC_PAPER": "en_US.UTF-8"}
    from tests.support import FACILITATOR

    subprocess.run(
        [str(FACILITATOR), "--db", str(db), "minutes", "--format", "html", "-o", str(html)],
        env=env,
        check=True,
    )
    printed(html, pdf)
    assert page_size(pdf) == "letter"
    cli(db, "minutes", "--format", "html", "--paper", "a4", "-o", str(html))
    printed(html, pdf)
    assert page_size(pdf) == "A4"
