"""``explain`` (one rule's documentation) and ``rules`` (the catalog)."""

from __future__ import annotations

import difflib
import json

from pixcrawler_lint.docs import rule_markdown
from pixcrawler_lint.fixes.catalog import fix_safety
from pixcrawler_lint.registry import Rule, all_rules, presets_of, rule_by_code, rule_by_symbol
from pixcrawler_lint.rules.internal.syntax_error import PYLINT_OWN_IDS

__all__ = ["find_rule", "explain_text", "rules_table", "rules_json", "UnknownRule"]


class UnknownRule(Exception):
    """No rule has that code or symbol; the message suggests the closest ones."""


def _rule_by_pylint_id(name: str) -> type[Rule] | None:
    wanted = name.upper()
    for rule in all_rules():
        if wanted in (rule.pylint_id().upper(), PYLINT_OWN_IDS.get(rule.code, "")):
            return rule
    return None


def find_rule(name: str) -> type[Rule]:
    """The rule with code (``PXL204``, any case), symbol (``shadowed-status-module``) or pylint id
    (``E7204``; ``E0001`` is pylint's own syntax-error, PXL903) ``name``."""
    name = name.strip()
    rule = rule_by_code(name.upper()) or rule_by_symbol(name.lower()) or _rule_by_pylint_id(name)
    if rule is not None:
        return rule
    close = difflib.get_close_matches(name.strip().upper(), [r.code for r in all_rules()], n=2)
    close += difflib.get_close_matches(name.strip().lower(), [r.symbol for r in all_rules()], n=2)
    hint = f" (did you mean {', '.join(close)}?)" if close else " (see `pixcrawler-lint rules`)"
    raise UnknownRule(f"unknown rule {name!r}{hint}")


def explain_text(rule: type[Rule]) -> str:
    """The rule's documentation, as in docs/rules.md."""
    return rule_markdown(rule, heading="#")


def rules_table() -> str:
    """One line per rule: code, symbol, severity letter, pylint id, smallest preset, fix, summary.

    The preset column names the smallest preset that holds the rule: ``recommended`` rules are
    also in ``pixcrawler``; ``pixcrawler`` rules are PixCrawler's house conventions (opt-in elsewhere).
    The fix column says whether ``check --fix`` repairs the rule (safe), only with
    ``--unsafe-fixes`` (unsafe), or not at all (-).
    """
    rules = all_rules()
    width = max(len(r.symbol) for r in rules)
    lines = [f"{'code':<7} {'symbol':<{width}} sev {'pylint':<6} {'preset':<11} {'fix':<6} summary"]
    lines += [
        f"{r.code:<7} {r.symbol:<{width}} {r.severity.value:<3} {r.pylint_id():<6} {_smallest_preset(r):<11} "
        f"{_fix(r.code):<6} {r.summary()}"
        for r in rules
    ]
    return "\n".join(lines) + "\n"


def _smallest_preset(rule: type[Rule]) -> str:
    return "recommended" if "recommended" in presets_of(rule.code) else "pixcrawler"


def _fix(code: str) -> str:
    safety = fix_safety(code)
    return safety.value if safety is not None else "-"


def rules_json() -> str:
    return json.dumps(
        [
            {"code": r.code, "symbol": r.symbol, "severity": r.severity.value, "pylint_id": r.pylint_id(),
             "family": r.family(), "summary": r.summary(), "message": r.message,
             "presets": list(presets_of(r.code)),
             "fix": _fix(r.code) if fix_safety(r.code) is not None else None}
            for r in all_rules()
        ],
        indent=2,
    ) + "\n"
