"""Fix one file: ask the fixers for the findings' fixes, apply the ones that do not overlap,
re-lint, repeat until nothing changes. A pass that would add a finding is undone."""

from __future__ import annotations

import ast
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import libcst as cst

from pixcrawler_lint.config import Config
from pixcrawler_lint.findings import Finding
from pixcrawler_lint.fixes.catalog import Safety, fix_safety
from pixcrawler_lint.fixes.context import FixContext, ProjectNames
from pixcrawler_lint.fixes.edits import Fix, apply_fixes
from pixcrawler_lint.fixes.registry import FIXERS

__all__ = ["FileFixResult", "fixes_for", "fix_source", "is_fixable", "Relint"]

# Re-lint a text as the file at a path: the findings that still apply (suppressions honoured).
Relint = Callable[[str], list[Finding]]

_MAX_PASSES = 6


def is_fixable(code: str, unsafe: bool) -> bool:
    safety = fix_safety(code)
    return safety is Safety.SAFE or (safety is Safety.UNSAFE and unsafe)


@dataclass
class FileFixResult:
    """The file's text before and after, and the fixes that went in (over every pass)."""

    path: str
    original: str
    fixed: str
    applied: list[Fix] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return self.fixed != self.original


def fixes_for(
    source: str, path: str, findings: Sequence[Finding], config: Config, unsafe: bool = False,
    names: ProjectNames | None = None,
) -> list[Fix]:
    """Every fix the fixers offer for ``findings`` of ``source``; a fixer that crashes offers none."""
    wanted: dict[str, list[Finding]] = {}
    for finding in sorted(findings):
        if finding.path == path and is_fixable(finding.code, unsafe):
            wanted.setdefault(finding.code, []).append(finding)
    if not wanted:
        return []
    try:
        ctx = FixContext(source, path, config, names)
    except (cst.ParserSyntaxError, RecursionError, ValueError):
        return []
    ctx.findings = [finding for finding in findings if finding.path == path]
    fixes: list[Fix] = []
    for code in sorted(wanted):
        try:
            fixes += FIXERS[code](ctx, wanted[code])
        except Exception:  # pylint: disable=broad-exception-caught  # a fixer bug leaves the file alone
            continue
    return fixes


def _parses(text: str) -> bool:
    try:
        ast.parse(text)
    except (SyntaxError, ValueError, RecursionError):
        return False
    return True


def _adds_findings(before: Sequence[Finding], after: Sequence[Finding]) -> bool:
    old, new = Counter(f.code for f in before), Counter(f.code for f in after)
    return any(count > old[code] for code, count in new.items())


def fix_source(
    source: str, path: str, findings: Sequence[Finding], config: Config, relint: Relint,
    unsafe: bool = False, names: ProjectNames | None = None,
) -> FileFixResult:
    """Apply the fixes of ``findings`` to ``source`` (the file at ``path``) until none is left.

    ``findings`` are all the findings of the file (not only the fixable ones): a pass whose
    re-lint has more findings of some code than before is undone."""
    names = names if names is not None else ProjectNames()
    result = FileFixResult(path, source, source)
    current = list(findings)
    for _ in range(_MAX_PASSES):
        fixes = fixes_for(result.fixed, path, current, config, unsafe, names)
        if not fixes:
            break
        text, applied = apply_fixes(result.fixed, fixes)
        after = relint(text) if text != result.fixed and _parses(text) else None
        if after is None or _adds_findings(current, after):
            # One fix at a time, keeping only those that parse and add nothing.
            text, applied, after = _one_by_one(result.fixed, fixes, current, relint)
            if not applied:
                break
        result.fixed, current = text, after
        result.applied += applied
    names.record(path, result.fixed)
    return result


def _one_by_one(
    source: str, fixes: Sequence[Fix], findings: list[Finding], relint: Relint
) -> tuple[str, list[Fix], list[Finding]]:
    applied: list[Fix] = []
    for fix in fixes:
        text, done = apply_fixes(source, [fix])
        if not done or text == source or not _parses(text):
            continue
        after = relint(text)
        if _adds_findings(findings, after):
            continue
        return text, done, after  # positions moved: the next pass asks the fixers again
    return source, applied, findings
