"""Automatic fixes for the mechanical rules, on libcst (formatting and comments are kept).

One module per family of fixes; :mod:`pixcrawler_lint.fixes.registry` maps a rule code to its
fixer and :mod:`pixcrawler_lint.fixes.catalog` says whether the fix is safe (``--fix``) or
unsafe (``--unsafe-fixes`` too). Fixers are driven by the engine's findings: a fixer gets
the findings of its code in one file and returns :class:`~pixcrawler_lint.fixes.edits.Fix`
objects (text edits); :func:`~pixcrawler_lint.fixes.apply.fix_source` applies them.
"""

from __future__ import annotations

from pixcrawler_lint.fixes.catalog import FIXABLE, Safety, fix_safety

__all__ = ["FIXABLE", "Safety", "fix_safety"]
