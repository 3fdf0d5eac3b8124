"""Every SVG snapshot still belongs to a test next to it.

syrupy fails a run on snapshots that no test uses any more, but not under
pytest-xdist (make test's parallel run), where it cannot see every worker's
tests. This does it for every lane: a renamed or removed snapshot test must
not leave its picture behind to be mistaken for a live one.
"""

from __future__ import annotations

import ast

from tests.support import TESTS


def _test_names(module_source: str) -> set[str]:
    tree = ast.parse(module_source)
    return {
        node.name
        for node in tree.body
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name.startswith("test")
    }


def test_every_snapshot_belongs_to_a_test_in_the_module_beside_it() -> None:
    # __snapshots__/<test module stem>/<test name>[<parameter id>].svg, beside the module
    pictures = sorted(TESTS.glob("**/__snapshots__/*/*.svg"))
    assert pictures, "no snapshots found: has __snapshots__ moved?"
    orphans = []
    for picture in pictures:
        module = picture.parent.parent.parent / f"{picture.parent.name}.py"
        names = _test_names(module.read_text(encoding="utf-8")) if module.exists() else set()
        if picture.stem.split("[")[0] not in names:
            orphans.append(str(picture.relative_to(TESTS)))
    assert orphans == []
