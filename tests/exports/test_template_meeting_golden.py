"""The template's own Q3 launch meeting (examples/launch.zh.toml, 会议纪要表's
example) held in Chinese on a fake clock, and every paper it leaves compared
with golden files: the minutes as Markdown, HTML and JSON, a task's history
and the weekly report. (Its notice is tests/golden/notice_zh.md, from the same
agenda, in test_notice_golden.py.)

Regenerate after an intended change with ``UPDATE_GOLDEN=1``, then read the
diff as a Chinese colleague would before committing it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pendulum
import pytest
from pendulum.tz.local_timezone import test_local_timezone as local_zone_as

from tests.support import GOLDEN, ROOT, cli, hold_meeting

TEMPLATE = ROOT / "examples" / "launch.zh.toml"

LINES = (
    "/present all",
    "/absent @王强 @刘洋",
    "/next",
    "进展：前端开发完成80%，后端接口联调中，无重大风险",
    "风险：测试环境资源紧张，可能影响测试周期",
    "建议：市场部提前提供推广素材，便于同步适配",
    "争议：研发部认为需延长测试周期，市场部担心影响推广节奏",
    "任务：@李雷 提交测试资源申请表 8月20日前",
    "/next",
    "市场部方案：9月1日预热，9月15日正式上线，预算10万元",
    "决策：推广时间调整为9月20日，研发部需9月10日前完成培训版本交付",
    "未决：@法务部门 3个工作日内提供合规性意见",
    "/next",
    "任务：@刘洋 整理培训大纲（含产品功能、竞品分析） 8月14日前",
    "任务：@运营部 补充客户异议处理案例，8月20日定稿",
)
"""The template's own example, typed as a recorder would (议题一 to 议题三)."""

AFTER = "2026-08-14T10:00:00+08:00"
"""The Friday after: one task started, the week's report read in Beijing."""

PAPERS = {
    "template_minutes_zh.md": ("minutes",),
    "template_minutes_zh.html": ("minutes", "--format", "html"),
    "template_minutes_zh.json": ("minutes", "--format", "json"),
    "template_task_zh.txt": ("task", "1"),
    "template_report_zh.txt": ("report", "--week"),
}


@pytest.fixture(scope="module")
def template_archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("template") / "archive.db"
    hold_meeting(db, TEMPLATE.read_text(encoding="utf-8"), LINES)
    cli(db, "task", "1", "doing", "--note", "已提交初稿", now="2026-08-12T09:30:00+08:00")
    return db


@pytest.mark.parametrize("golden", sorted(PAPERS))
def test_the_template_meetings_papers_match_the_golden_files(
    template_archive: Path, golden: str
) -> None:
    # The report is read where its reader is (the local zone): Beijing, whatever
    # zone the machine running the tests is in.
    with local_zone_as(pendulum.timezone("Asia/Shanghai")):
        result = cli(template_archive, *PAPERS[golden], lang="zh", now=AFTER)
    assert result.exit_code == 0, result.output
    path = GOLDEN / golden
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == path.read_text(encoding="utf-8")
