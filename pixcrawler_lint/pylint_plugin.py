"""pylint front end: translates engine findings into pylint messages.

pylint wants every message id of one checker to share its two-digit base, so there is one
checker per rule family (71xx layering … 76xx wiring, 79xx internal). The engine runs once
per module; each family checker reports its own share of the findings.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from itertools import groupby

from astroid import nodes
from pylint.checkers import BaseChecker
from pylint.constants import WarningScope
from pylint.lint import PyLinter

from pixcrawler_lint.architecture.misconfiguration import warn_configuration_once
from pixcrawler_lint.engine import lint_module
from pixcrawler_lint.findings import Finding
from pixcrawler_lint.python_version import notice_once
from pixcrawler_lint.registry import Rule, all_rules
from pixcrawler_lint.rules.internal.syntax_error import PYLINT_OWN_IDS

__all__ = ["register", "LEFT_TO_PYLINT"]

# Rules whose findings pylint reports itself, under its own id: a file that does not parse is
# pylint's E0001 syntax-error (the symbol PXL903 shares, so PXL903 is not registered here).
LEFT_TO_PYLINT = PYLINT_OWN_IDS


class _SharedRun:
    """Runs the engine once per module for all family checkers of one linter."""

    def __init__(self, linter: PyLinter, rules: Sequence[type[Rule]]) -> None:
        self.linter = linter
        self.rules = rules
        self._module: nodes.Module | None = None
        self._findings: list[Finding] = []

    def findings_for(self, module: nodes.Module) -> list[Finding]:
        if module is not self._module:
            notice = notice_once(module.file or ".") if module.file else None
            if notice is not None:
                sys.stderr.write(f"pixcrawler-lint: warning: {notice}\n")
            enabled = [rule for rule in self.rules if self.linter.is_message_enabled(rule.symbol)]
            path = module.file or module.name
            warn_configuration_once(path, "pixcrawler-lint (pylint)")
            self._findings = lint_module(module, path, rules=enabled) if enabled else []
            self._module = module
        return self._findings


class _FamilyChecker(BaseChecker):
    """Base of the generated per-family checkers."""

    codes: frozenset[str] = frozenset()
    shared: _SharedRun

    def visit_module(self, node: nodes.Module) -> None:
        for finding in self.shared.findings_for(node):
            if finding.code in self.codes:
                self.add_message(
                    finding.symbol,
                    line=finding.line,
                    col_offset=finding.col,
                    end_lineno=finding.end_line,
                    end_col_offset=finding.end_col,
                    args=(finding.message,),
                )


def _make_checker(linter: PyLinter, family: str, rules: list[type[Rule]], shared: _SharedRun) -> BaseChecker:
    msgs = {
        rule.pylint_id(): ("%s", rule.symbol, f"{rule.code}: {rule.summary()}", {"scope": WarningScope.LINE})
        for rule in rules
    }
    checker_class = type(
        f"Pixcrawler{family.title()}Checker",
        (_FamilyChecker,),
        {"name": f"pixcrawler-{family}", "msgs": msgs, "codes": frozenset(r.code for r in rules), "shared": shared},
    )
    return checker_class(linter)  # type: ignore[no-any-return]


def register(linter: PyLinter) -> None:
    """Register one checker per rule family with ``linter``."""
    rules = [rule for rule in all_rules() if rule.code not in LEFT_TO_PYLINT]
    shared = _SharedRun(linter, rules)
    for family, members in groupby(rules, key=lambda rule: rule.family()):
        linter.register_checker(_make_checker(linter, family, list(members), shared))
