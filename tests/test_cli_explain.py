"""``pixcrawler-lint explain`` and ``pixcrawler-lint rules``."""

from __future__ import annotations

import json
from pathlib import Path

from test_cli_support import cli

from pixcrawler_lint.registry import all_rules, rule_by_code


def test_explain_by_code_and_by_symbol_prints_the_rule_doc(tmp_path: Path) -> None:
    by_code = cli("explain", "PXL201", cwd=tmp_path)
    by_symbol = cli("explain", "missing-operation-id", cwd=tmp_path)
    lower = cli("explain", "pxl201", cwd=tmp_path)
    assert by_code.status == by_symbol.status == lower.status == 0
    assert by_code.out == by_symbol.out == lower.out
    assert by_code.out.startswith("# PXL201 `missing-operation-id`\n")
    for section in ("## What it does", "## Why is this bad?", "## Example", "## Use instead"):
        assert section in by_code.out
    assert "operation_id=" in by_code.out and "C7201" in by_code.out


def test_explain_unknown_rule_suggests_and_exits_2(tmp_path: Path) -> None:
    run = cli("explain", "PXL2011", cwd=tmp_path)
    assert run.status == 2
    assert "unknown rule 'PXL2011'" in run.err and "PXL201" in run.err
    assert run.out == ""


def test_rules_lists_every_rule(tmp_path: Path) -> None:
    run = cli("rules", cwd=tmp_path)
    assert run.status == 0
    lines = run.out.splitlines()[1:]
    assert [line.split()[0] for line in lines] == [rule.code for rule in all_rules()]
    row = next(line for line in lines if line.startswith("PXL201 "))
    rule = rule_by_code("PXL201")
    assert rule is not None
    assert row.split()[1:4] == ["missing-operation-id", "C", "C7201"] and row.endswith(rule.summary())


def test_rules_as_json(tmp_path: Path) -> None:
    rules = json.loads(cli("rules", "--format", "json", cwd=tmp_path).out)
    assert {r["code"]: r["symbol"] for r in rules} == {r.code: r.symbol for r in all_rules()}
    assert all(r["summary"] and r["severity"] in "EWCF" for r in rules)
