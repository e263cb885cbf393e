"""Every fixture file, through every front end: the findings are exactly its ``# expect:`` marks.

A fixture tree is a directory of ``tests/fixtures`` with its own ``pyproject.toml`` and a
``backend``-style package. Each rule has a ``*_bad.py`` fixture that must produce its code and
a ``*_good.py`` fixture that must produce nothing at all.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fixture_trees import FIXTURES, TreeResults
from expectations import parse_expectations
from frontends import FRONT_ENDS, python_files

from pixcrawler_lint.registry import all_rules

TREES = sorted(p for p in FIXTURES.iterdir() if (p / "pyproject.toml").is_file())
FILES = [(tree, path) for tree in TREES for path in python_files(tree)]
RULE_FIXTURE = re.compile(r"^(pxl\d{3})_.*_(bad|good)\.py$")


def _id(item: tuple[Path, Path]) -> str:
    tree, path = item
    return str(path.relative_to(FIXTURES))


# scripts/test.sh distributes with --dist loadfile: this whole file stays on one worker, so each
# front end runs once per tree (TreeResults caches per session).
ITEMS = [pytest.param(item, id=_id(item)) for item in FILES]


@pytest.mark.parametrize("frontend", list(FRONT_ENDS))
@pytest.mark.parametrize("item", ITEMS)
def test_fixture_findings(item: tuple[Path, Path], frontend: str, tree_results: TreeResults) -> None:
    tree, path = item
    expected = parse_expectations(path)
    actual = tree_results.get(frontend, tree).get(str(path.resolve()), set())
    assert sorted(actual) == sorted(expected), f"{frontend} on {path.relative_to(FIXTURES)}"


def _rule_fixtures() -> dict[str, dict[str, list[Path]]]:
    found: dict[str, dict[str, list[Path]]] = {}
    for _, path in FILES:
        match = RULE_FIXTURE.match(path.name)
        if match:
            found.setdefault(match.group(1).upper(), {}).setdefault(match.group(2), []).append(path)
    return found


@pytest.mark.parametrize("rule", [r for r in all_rules() if not r.code.startswith("PXL9")], ids=lambda r: r.code)
def test_every_rule_has_bad_and_good_fixture(rule: type) -> None:
    fixtures = _rule_fixtures().get(rule.code, {})
    assert fixtures.get("bad"), f"{rule.code}: no pxl{rule.code[3:]}_*_bad.py fixture"
    assert fixtures.get("good"), f"{rule.code}: no pxl{rule.code[3:]}_*_good.py fixture"
    for bad in fixtures["bad"]:
        codes = {code for _, code in parse_expectations(bad)}
        assert rule.code in codes, f"{bad} expects no {rule.code}"
    for good in fixtures["good"]:
        assert parse_expectations(good) == set(), f"{good} is a good fixture but expects findings"
