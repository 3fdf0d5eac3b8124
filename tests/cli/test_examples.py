"""The example agendas shipped in examples/ stay runnable."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from facilitator.cli.main import main
from tests.support import ROOT

EXAMPLES = sorted((ROOT / "examples").glob("*.toml"))


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_example_agenda_passes_check(path: Path) -> None:
    result = CliRunner().invoke(main, ["check", str(path)])
    assert result.exit_code == 0, result.output


def test_there_are_examples_in_both_languages() -> None:
    assert {p.name for p in EXAMPLES} >= {"launch.en.toml", "launch.zh.toml"}
