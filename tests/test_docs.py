"""docs/rules.md is generated from the rule docstrings and must be up to date."""

from __future__ import annotations

from pathlib import Path

from pixcrawler_lint.docs import rule_markdown, rules_markdown
from pixcrawler_lint.registry import all_rules, rule_by_code

DOCS = Path(__file__).resolve().parent.parent / "docs" / "rules.md"


def test_rules_reference_is_up_to_date() -> None:
    assert DOCS.read_text(encoding="utf-8") == rules_markdown(), "run scripts/gen_rules_doc.py"


def test_reference_documents_every_rule() -> None:
    text = rules_markdown()
    for rule in all_rules():
        assert f"## {rule.code} `{rule.symbol}`" in text
        assert rule.pylint_id() in text


def test_rule_page_has_all_sections() -> None:
    rule = rule_by_code("PXL201")
    assert rule is not None
    page = rule_markdown(rule)
    for section in ("### What it does", "### Why is this bad?", "### Example", "### Use instead"):
        assert section in page
    assert "operation_id=" in page
