"""The inline rules and the whole-graph contract agree on every direct import.

Every direct import that breaks the layer-map contract is reported inline on its line with
the same code, and every inline PXL101–PXL105 finding is a direct contract violation. Run on
the layering fixture trees (incl. a custom layout and ``type-checking-imports = "ignore"``)
and on the legacy example.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pixcrawler_lint.config import config_for_path
from pixcrawler_lint.contracts import build_graph, check_architecture
from pixcrawler_lint.engine import lint_file
from pixcrawler_lint.modules import locate_module
from pixcrawler_lint.registry import all_rules

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures"
LEGACY = REPO / "examples" / "legacy"
LAYER_CODES = {"PXL101", "PXL102", "PXL103", "PXL104", "PXL105"}
TREES = [
    FIXTURES / "layering",
    FIXTURES / "layering_type_checking_ignored",
    FIXTURES / "layering_custom_layout",
    LEGACY,
]

Marks = set[tuple[str, int, str]]  # (module, line, code)


def _inline(root: Path, packages: list[str]) -> Marks:
    rules = [rule for rule in all_rules() if rule.code in LAYER_CODES]
    found: Marks = set()
    for package in packages:
        for path in sorted((root / package).rglob("*.py")):
            modname = locate_module(path).modname
            found |= {(modname, f.line, f.code) for f in lint_file(path, rules)}
    return found


def _contract(root: Path) -> tuple[Marks, list[str]]:
    config = config_for_path(root)
    graph = build_graph(root, config)
    direct: Marks = set()
    for violation in check_architecture(graph, config):
        if violation.is_direct:
            direct |= {(violation.importer, line, violation.code) for line in violation.chain[0].line_numbers}
    packages = sorted({module.split(".")[0] for module in graph.modules if not graph.is_module_squashed(module)})
    return direct, packages


@pytest.mark.parametrize("root", TREES, ids=lambda p: p.name)
def test_inline_rules_and_contract_agree_on_direct_imports(root: Path) -> None:
    if not (root / "pyproject.toml").is_file():
        pytest.skip(f"{root} is not there")
    direct, packages = _contract(root)
    inline = _inline(root, packages)
    assert direct, f"no direct contract violation in {root}: the comparison would prove nothing"
    assert sorted(direct - inline) == [], "contract violations not reported inline"
    assert sorted(inline - direct) == [], "inline findings the contract does not see"


def test_legacy_example_has_a_readable_indirect_chain() -> None:
    if not (LEGACY / "backend" / "api").is_dir():
        pytest.skip("legacy example not there")
    config = config_for_path(LEGACY)
    indirect = [v for v in check_architecture(build_graph(LEGACY, config), config) if not v.is_direct]
    api_to_repository = [
        v for v in indirect
        if v.importer.startswith("backend.api.") and v.imported.startswith("backend.repositories")
    ]
    assert api_to_repository, "no api -> helper -> repository chain in the legacy example"
    shortest = min(api_to_repository, key=lambda v: len(v.chain))
    assert len(shortest.chain) == 2
    assert shortest.chain[0].imported == shortest.chain[1].importer  # a connected chain
    assert f"{shortest.chain[0].importer} -> {shortest.chain[0].imported}" in shortest.render()
