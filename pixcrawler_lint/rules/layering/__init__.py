"""Family 1: layer rules (PXL101–PXL105) on import statements.

All five ask :func:`pixcrawler_lint.analysis.layer_policy.import_breaches` about every import
of the module, so they agree with the import-linter contract of :mod:`pixcrawler_lint.contracts`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from pixcrawler_lint.analysis.imports import ModuleImport, find_imports
from pixcrawler_lint.analysis.layer_policy import Breach, import_breaches
from pixcrawler_lint.context import ModuleContext
from pixcrawler_lint.registry import Rule

__all__ = ["report_import_breaches"]


def _counted(found: ModuleImport, ctx: ModuleContext) -> bool:
    return not (found.type_checking and ctx.config.type_checking_imports == "ignore")


def _module_breaches(ctx: ModuleContext) -> list[tuple[ModuleImport, Breach]]:
    if ctx.layer is None:
        return []
    return [
        (found, breach)
        for found in find_imports(ctx)
        if _counted(found, ctx)
        for breach in import_breaches(ctx.modname, found.module, ctx.config)
    ]


def report_import_breaches(
    rule: Rule, ctx: ModuleContext, words: Callable[[], Mapping[str, str]] | None = None
) -> None:
    """Report ``rule`` once per import statement that breaks it (all offending names listed).

    ``words`` adds the message words a rule takes from the project (asked once, on a breach)."""
    by_statement: dict[int, tuple[ModuleImport, Breach, list[str]]] = {}
    for found, breach in ctx.cached("layer-breaches", lambda: _module_breaches(ctx)):
        if breach.code != rule.code:
            continue
        key = id(found.node)
        if key not in by_statement:
            by_statement[key] = (found, breach, [])
        by_statement[key][2].append(breach.args["imported"])
    extra = dict(words()) if words is not None and by_statement else {}
    for found, breach, imported in by_statement.values():
        ctx.report(rule, found.node, **{**breach.args, **extra, "imported": ", ".join(imported)})
