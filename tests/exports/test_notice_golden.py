"""The meeting notice in both languages, compared with golden files.

Regenerate after an intended change with ``UPDATE_GOLDEN=1``.
"""

from __future__ import annotations

import os

import pytest
from click.testing import CliRunner

from facilitator.cli.main import main
from tests.support import GOLDEN, ROOT


@pytest.mark.parametrize(
    ("example", "golden"),
    [("launch.en.toml", "notice_en.md"), ("launch.zh.toml", "notice_zh.md")],
)
def test_notice_reads_as_a_colleague_would_write_it(example: str, golden: str) -> None:
    result = CliRunner().invoke(main, ["notice", str(ROOT / "examples" / example)])
    assert result.exit_code == 0, result.output
    path = GOLDEN / golden
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == path.read_text(encoding="utf-8")
