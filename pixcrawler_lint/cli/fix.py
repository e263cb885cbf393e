"""``check --fix`` / ``--diff-fixes`` / ``--unsafe-fixes``: repair what the findings say, file by file.

The findings come from the same pipeline as ``check`` (suppression comments honoured, so a
``# noqa`` line is left alone); each file is fixed by :func:`pixcrawler_lint.fixes.apply.fix_source`,
which re-lints it with the engine after every pass (the project on disk resolves the rest).
"""

from __future__ import annotations

import difflib
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

import astroid

from pixcrawler_lint.cli.check import CheckOptions, collect_findings
from pixcrawler_lint.cli.report import display_path
from pixcrawler_lint.cli.suppression import parse_pragmas
from pixcrawler_lint.config import config_for_path
from pixcrawler_lint.engine import lint_source
from pixcrawler_lint.findings import Finding
from pixcrawler_lint.modules import ParseError, activate_project_root, locate_module, read_source

if TYPE_CHECKING:
    from pixcrawler_lint.fixes.apply import Relint

__all__ = ["FixOutcome", "run_fixes", "relinter"]


@dataclass
class FixOutcome:
    """What ``--fix`` did (or, with ``--diff-fixes``, would do)."""

    fixed_findings: int = 0
    files: list[str] = field(default_factory=list)
    diff: str = ""


def _wanted(code: str, options: CheckOptions) -> bool:
    if options.select and not any(code.startswith(prefix) for prefix in options.select):
        return False
    return not any(code.startswith(prefix) for prefix in options.ignore)


def relinter(path: str, options: CheckOptions | None = None) -> Relint:
    """Lint a text as the file at ``path`` with the engine, honouring its suppression comments."""
    def relint(text: str) -> list[Finding]:
        pragmas = parse_pragmas(text)
        found = lint_source(text, path)
        return [f for f in found if not pragmas.suppresses(f) and (options is None or _wanted(f.code, options))]
    return relint


def run_fixes(options: CheckOptions, write: bool, unsafe: bool, stderr: TextIO = sys.stderr) -> FixOutcome:
    """Fix every file of ``options.paths``; with ``write`` False only the unified diff is computed.

    Raises ImportError when the ``fix`` extra (libcst) is not installed, and what ``check`` raises.
    """
    from pixcrawler_lint.fixes.apply import fix_source, is_fixable
    from pixcrawler_lint.fixes.context import ProjectNames

    collected = collect_findings(options, stderr)
    per_file: dict[str, list[Finding]] = {}
    for finding in collected.findings:
        per_file.setdefault(finding.path, []).append(finding)
    outcome = FixOutcome()
    names = ProjectNames()
    diffs: list[str] = []
    for path in sorted(per_file):
        if not any(is_fixable(finding.code, unsafe) for finding in per_file[path]):
            continue
        try:
            source = read_source(path)
        except (ParseError, OSError):
            continue
        activate_project_root(locate_module(path).root)
        result = fix_source(source, path, per_file[path], config_for_path(path), relinter(path, options),
                            unsafe=unsafe, names=names)
        if not result.changed:
            continue
        outcome.fixed_findings += len(result.applied)
        shown = display_path(path, options.cwd)
        outcome.files.append(shown)
        diffs.append("".join(difflib.unified_diff(
            source.splitlines(keepends=True), result.fixed.splitlines(keepends=True),
            fromfile=f"a/{shown}", tofile=f"b/{shown}",
        )))
        if write:
            Path(path).write_text(result.fixed, encoding="utf-8")
            # The report that follows must see the file as written (the rest of the cache stays warm).
            astroid.MANAGER.astroid_cache.pop(locate_module(path).modname, None)
    outcome.diff = "".join(diffs)
    return outcome
