"""``check --fix`` on a copy of the legacy example keeps only the findings no safe fix covers."""

from __future__ import annotations

import ast
import io
import shutil
from pathlib import Path

from pixcrawler_lint.cli.check import CheckOptions, collect_findings
from pixcrawler_lint.cli.main import main
from pixcrawler_lint.fixes.catalog import FIXABLE, Safety

LEGACY = Path(__file__).resolve().parent.parent / "examples" / "legacy"


def _codes(root: Path) -> list[str]:
    return [f.code for f in collect_findings(CheckOptions(paths=[str(root)], quiet=True, cwd=root)).findings]


def test_legacy_example_after_fix(tmp_path: Path) -> None:
    copy = tmp_path / "legacy"
    shutil.copytree(LEGACY, copy, ignore=shutil.ignore_patterns("__pycache__"))
    before = _codes(copy)
    safe = {code for code, safety in FIXABLE.items() if safety is Safety.SAFE}
    assert safe <= set(before), "the legacy example trips every safely fixable rule"

    err = io.StringIO()
    assert main(["check", "--fix", "-q", "--exit-zero", str(copy)], stdout=io.StringIO(), stderr=err) == 0
    after = _codes(copy)
    assert not safe & set(after), f"safe fixes left {sorted(safe & set(after))}"
    for code in set(before) - safe:
        assert after.count(code) <= before.count(code), f"--fix added a {code} finding"
    assert {"PXL207", "PXL403"} <= set(after), "unsafe fixes wait for --unsafe-fixes"
    for path in copy.rglob("*.py"):
        ast.parse(path.read_text(encoding="utf-8"))

    main(["check", "--fix", "--unsafe-fixes", "-q", str(copy)], stdout=io.StringIO(), stderr=io.StringIO())
    unsafe_after = _codes(copy)
    assert "PXL207" not in unsafe_after
    out = io.StringIO()
    assert main(["check", "--diff-fixes", "--unsafe-fixes", "-q", str(copy)], stdout=out, stderr=io.StringIO()) == 0
    assert out.getvalue() == ""
