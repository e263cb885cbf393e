"""Meta-tests on the rule registry: codes, symbols, families, docs and pylint ids."""

from __future__ import annotations

import re

import pytest
from pylint.lint import PyLinter

from pixcrawler_lint.findings import Severity
from pixcrawler_lint.pylint_plugin import LEFT_TO_PYLINT
from pixcrawler_lint.registry import DOC_SECTIONS, FAMILIES, Rule, all_rules, register, rule_by_code, rule_by_symbol

RULES = all_rules()


def test_codes_and_symbols_are_unique() -> None:
    codes = [rule.code for rule in RULES]
    symbols = [rule.symbol for rule in RULES]
    assert len(codes) == len(set(codes))
    assert len(symbols) == len(set(symbols))


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_is_complete(rule: type[Rule]) -> None:
    assert re.fullmatch(r"PXL\d{3}", rule.code)
    assert rule.code[3] in FAMILIES
    assert isinstance(rule.severity, Severity)
    assert rule.message.strip()
    doc = rule.__doc__ or ""
    assert rule.summary(), f"{rule.code} has no one-line summary"
    positions = [doc.find(f"## {section}") for section in DOC_SECTIONS]
    assert all(p >= 0 for p in positions), f"{rule.code} docstring lacks one of {DOC_SECTIONS}"
    assert positions == sorted(positions), f"{rule.code} docstring sections out of order"
    assert rule.__module__.split(".")[2] == rule.family(), f"{rule.code} lives outside rules/{rule.family()}/"
    assert rule.__module__.rsplit(".", 1)[1] == rule.symbol.replace("-", "_")


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_pylint_id_is_derived_from_code(rule: type[Rule]) -> None:
    assert rule.pylint_id() == rule.severity.value + "7" + rule.code[3:]


def test_lookup_by_code_and_symbol() -> None:
    assert rule_by_code("pxl201") is rule_by_symbol("missing-operation-id")
    assert rule_by_code("PXL999") is None


def test_register_rejects_bad_and_duplicate_codes() -> None:
    class BadCode(Rule):
        code = "PXL801"  # no family 8
        symbol = "bad-code"
        severity = Severity.ERROR
        message = "x"

    class Duplicate(Rule):
        code = "PXL201"
        symbol = "some-other-name"
        severity = Severity.ERROR
        message = "x"

    class BadSymbol(Rule):
        code = "PXL299"
        symbol = "NotKebab"
        severity = Severity.ERROR
        message = "x"

    for rule in (BadCode, Duplicate, BadSymbol):
        with pytest.raises(ValueError):
            register(rule)
    assert rule_by_code("PXL201") is not Duplicate


def test_pylint_registers_every_message_with_spec_ids() -> None:
    linter = PyLinter()
    linter.load_plugin_modules(["pixcrawler_lint"])
    for rule in RULES:
        if rule.code in LEFT_TO_PYLINT:  # pylint's own E0001 syntax-error
            assert linter.msgs_store.get_message_definitions(LEFT_TO_PYLINT[rule.code])[0].symbol == rule.symbol
            continue
        definitions = linter.msgs_store.get_message_definitions(rule.pylint_id())
        assert [d.symbol for d in definitions] == [rule.symbol]
    checker_names = {checker.name for checker in linter.get_checkers()}
    for family in {rule.family() for rule in RULES}:
        assert f"pixcrawler-{family}" in checker_names
