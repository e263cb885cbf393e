"""Rule documentation rendered from the rule docstrings (``docs/rules.md``, ``explain``)."""

from __future__ import annotations

import inspect

from pixcrawler_lint.fixes.catalog import Safety, fix_safety
from pixcrawler_lint.registry import FAMILIES, Rule, all_rules

__all__ = ["rule_markdown", "rules_markdown"]

_SEVERITY_NAMES = {"E": "error", "W": "warning", "C": "convention", "F": "fatal"}


def rule_markdown(rule: type[Rule], heading: str = "##") -> str:
    """One rule's documentation: heading, identifiers, then its docstring sections."""
    doc = inspect.cleandoc(rule.__doc__ or "")
    summary, _, body = doc.partition("\n")
    body = body.strip().replace("\n## ", f"\n{heading}# ")
    if body.startswith("## "):
        body = f"{heading}# " + body[3:]
    letter = rule.severity.value
    return (
        f"{heading} {rule.code} `{rule.symbol}`\n\n"
        f"{summary}\n\n"
        f"*Severity:* {_SEVERITY_NAMES[letter]} (`{letter}`) · *pylint:* `{rule.pylint_id()}` / "
        f"`{rule.symbol}` · *flake8:* `{rule.code}`{_fix_note(rule.code)} · *message:* `{rule.message}`\n\n"
        f"{body}\n"
    )


def _fix_note(code: str) -> str:
    safety = fix_safety(code)
    if safety is Safety.SAFE:
        return " · *fix:* safe (`check --fix`)"
    if safety is Safety.UNSAFE:
        return " · *fix:* unsafe (`check --fix --unsafe-fixes`)"
    return ""


def _fix_column(code: str) -> str:
    safety = fix_safety(code)
    return safety.value if safety is not None else ""


def rules_markdown() -> str:
    """The whole rules reference, grouped by family, with an index table."""
    rules = all_rules()
    lines = [
        "# Rules reference",
        "",
        "<!-- Generated from the rule docstrings by scripts/gen_rules_doc.py: do not edit. -->",
        "",
        "Suppress a finding with `# noqa: PXL201` (flake8, CLI) or "
        "`# pylint: disable=missing-operation-id` (pylint, CLI).",
        "",
        "The *fix* column marks the rules `pixcrawler-lint check --fix` repairs (`unsafe`: only with "
        "`--unsafe-fixes`, the fix may change behaviour and needs a review).",
        "",
        "| code | symbol | pylint id | fix | summary |",
        "|---|---|---|---|---|",
    ]
    for rule in rules:
        anchor = f"{rule.code.lower()}-{rule.symbol}"
        lines.append(
            f"| [{rule.code}](#{anchor}) | `{rule.symbol}` | `{rule.pylint_id()}` | {_fix_column(rule.code)} "
            f"| {rule.summary()} |"
        )
    family = None
    for rule in rules:
        if rule.family() != family:
            family = rule.family()
            digit = rule.code[3]
            lines += ["", f"# {FAMILIES[digit].title()} (PXL{digit}xx)", ""]
        lines += [rule_markdown(rule)]
    return "\n".join(lines).rstrip() + "\n"
