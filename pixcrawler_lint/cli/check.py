"""The ``check`` pipeline: lint, contracts, suppressions, baseline, changed lines — in that order."""

from __future__ import annotations

import dataclasses
import io
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from pixcrawler_lint.cli.baseline import Baseline, compare
from pixcrawler_lint.cli.cache import ProjectCache
from pixcrawler_lint.cli.contracts_hook import contract_findings
from pixcrawler_lint.cli.diff import base_checkout, changed_lines, repository_top
from pixcrawler_lint.cli.discovery import discover, group_by_project_root
from pixcrawler_lint.cli.progress import Progress
from pixcrawler_lint.cli.report import Report, display_path
from pixcrawler_lint.cli.runner import FileResult, lint_files
from pixcrawler_lint.cli.suppression import Pragmas, parse_pragmas
from pixcrawler_lint.architecture.misconfiguration import misconfiguration_warnings
from pixcrawler_lint.architecture.model import architecture_of
from pixcrawler_lint.architecture.selection import CommandLine
from pixcrawler_lint.cli.sources import SourceCache
from pixcrawler_lint.config import Config, ConfigError, config_for_path
from pixcrawler_lint.findings import Finding
from pixcrawler_lint.modules import ParseError, locate_module, memoised_locations, read_source
from pixcrawler_lint.python_version import notice_once
from pixcrawler_lint.registry import all_rules
from pixcrawler_lint.rules.internal.syntax_error import SyntaxErrorRule
from pixcrawler_lint.rules.internal.unused_noqa import UnusedNoqa

__all__ = ["CheckOptions", "collect_findings", "run_check", "Collected"]


@dataclass
class CheckOptions:
    """Everything ``check`` and ``baseline`` take from the command line."""

    paths: Sequence[str] = (".",)
    jobs: int = 1
    exclude: Sequence[str] = ()
    select: Sequence[str] = ()
    ignore: Sequence[str] = ()
    contracts: bool = True
    warn_unused_noqa: bool = False
    baseline: Path | None = None
    diff: str | None = None
    quiet: bool = False
    strict_config: bool = False
    cache: bool = False  # the CLI turns it on unless --no-cache
    cwd: Path = field(default_factory=Path.cwd)


@dataclass
class Collected:
    """Findings after suppression comments, before baseline and diff filtering."""

    findings: list[Finding]
    files: list[Path]
    skipped: list[tuple[str, str]]
    suppressed: int
    config_warnings: list[str] = field(default_factory=list)
    cached: int = 0  # files whose results came from the cache


def _wanted(code: str, select: Sequence[str], ignore: Sequence[str]) -> bool:
    if code == SyntaxErrorRule.code:
        select = ()  # a file that does not parse fails every gate unless PXL903 is ignored by name
    if select and not any(code.startswith(prefix.upper()) for prefix in select):
        return False
    return not any(code.startswith(prefix.upper()) for prefix in ignore)


def _validate_configuration(files: Sequence[Path]) -> list[str]:
    """Raise ConfigError (one line, naming the key) before any work is done; return the
    misconfiguration warnings (patterns that match no module), once per configuration."""
    configs: dict[tuple[Config, Path | None], Config] = {}
    for directory in sorted({file.parent for file in files}):
        config = config_for_path(directory / "__probe__.py")
        configs.setdefault((config, config.source), config)
    for file in files:  # a module in two layers equally: one error now, not one per file later
        architecture_of(config_for_path(file)).layer_of(locate_module(file).modname)
    return [f"{config.source}: {line}" for config in configs.values() for line in misconfiguration_warnings(config)]


def _enabled(finding: Finding, command_line: CommandLine) -> bool:
    if finding.code == SyntaxErrorRule.code:  # --select never hides a file that does not parse
        command_line = CommandLine((), command_line.ignore)
    try:
        model = architecture_of(config_for_path(finding.path))
    except Exception:  # pylint: disable=broad-exception-caught  # validated before; keep what was found
        return True
    return model.enabled(finding.code, finding.path, command_line)


def _pragmas_of(path: str) -> Pragmas:
    try:
        return parse_pragmas(read_source(path))
    except (ParseError, OSError):
        return Pragmas()


def _unused_noqa(pragmas: Pragmas, path: str, used: set[tuple[int, str]], checked: Sequence[str]) -> list[Finding]:
    found = []
    for comment in pragmas.noqa:
        unused = [
            code for code in comment.codes
            if code.startswith("PXL") and (comment.line, code) not in used
            and any(rule_code.startswith(code) for rule_code in checked)
        ]
        if unused:
            codes = ",".join(unused)
            found.append(Finding(
                path=path, line=comment.line, col=comment.col, code=UnusedNoqa.code, symbol=UnusedNoqa.symbol,
                message=UnusedNoqa.message.format(codes=codes), severity=UnusedNoqa.severity,
            ))
    return found


def collect_findings(options: CheckOptions, stderr: TextIO = sys.stderr) -> Collected:
    """Discover, lint in parallel, add contract findings, drop what comments suppress.

    Raises ConfigError, PathError (the caller turns them into exit status 2).
    """
    with memoised_locations():
        return _collect(options, stderr)


def _collect(options: CheckOptions, stderr: TextIO) -> Collected:
    files = discover(options.paths, options.exclude)
    warnings = _validate_configuration(files)
    groups = group_by_project_root(files)
    for members in groups.values():  # before the work: say it even if it crashes
        notice = notice_once(members[0])
        if notice is not None:
            stderr.write(f"pixcrawler-lint: warning: {notice}\n")
    command_line = CommandLine(tuple(options.select), tuple(options.ignore))
    caches = (
        {root: ProjectCache(root, members, [repr(command_line)]) for root, members in groups.items()}
        if options.cache else {}
    )
    progress = Progress(len(files), stderr, enabled=not options.quiet)
    try:
        results = lint_files(
            files, options.jobs, on_done=lambda _result: progress.advance(), command_line=command_line,
            caches=caches,
        )
    finally:
        progress.close()
    by_path: dict[str, FileResult] = {result.path: result for result in results}
    raw: list[Finding] = [f for result in results for f in result.findings]
    if options.contracts:
        raw += contract_findings(groups, caches)
    # A file that does not parse fails the gate under any --select, unless PXL903 is ignored.
    syntax_line = CommandLine((), tuple(options.ignore))
    raw = [f for f in raw if _enabled(f, syntax_line if f.code == SyntaxErrorRule.code else command_line)]

    per_file: dict[str, list[Finding]] = {}
    for finding in raw:
        per_file.setdefault(finding.path, []).append(finding)
    kept: list[Finding] = []
    suppressed = 0
    checked: list[str] | None = None
    paths = set(per_file) | (set(by_path) if options.warn_unused_noqa else set())
    for path in sorted(paths):
        pragmas = by_path[path].pragmas if path in by_path else _pragmas_of(path)
        used: set[tuple[int, str]] = set()
        for finding in per_file.get(path, []):
            if pragmas.suppresses(finding, used):
                suppressed += 1
            else:
                kept.append(finding)
        if options.warn_unused_noqa and not pragmas.skip_file:
            if checked is None:  # the rule modules are imported only when a noqa can be unused
                checked = [rule.code for rule in all_rules() if _wanted(rule.code, options.select, options.ignore)]
            unused = _unused_noqa(pragmas, path, used, checked)
            kept += [f for f in unused if _enabled(f, command_line)]
    # With PXL903 deselected, files that do not parse are only warned about (the old behaviour).
    reported = _wanted(SyntaxErrorRule.code, options.select, options.ignore)
    skipped = [] if reported else [(display_path(r.path, options.cwd), r.skipped) for r in results if r.skipped]
    return Collected(sorted(set(kept)), files, skipped, suppressed, warnings, sum(1 for r in results if r.cached))


def run_check(options: CheckOptions, stderr: TextIO = sys.stderr) -> Report:
    """The whole ``check``; raises ConfigError, PathError, BaselineError, DiffError."""
    baseline = Baseline.load(options.baseline) if options.baseline is not None else None
    changed = changed_lines(options.diff, options.cwd) if options.diff is not None else None
    collected = collect_findings(options, stderr)
    report = Report(collected.findings, options.cwd, files=len(collected.files), skipped=collected.skipped,
                    suppressed=collected.suppressed, config_warnings=collected.config_warnings,
                    cached=collected.cached)
    findings = collected.findings
    if baseline is not None and options.baseline is not None:
        comparison = compare(
            findings, baseline, options.baseline.absolute().parent, report.sources,
            {str(path) for path in collected.files},
        )
        report.baselined = len(findings) - len(comparison.new)
        new = set(comparison.new)
        report.baselined_findings = [f for f in findings if f not in new]
        report.fixed = comparison.fixed
        findings = comparison.new
    if changed is not None and options.diff is not None:
        caused = _new_since(options, collected.findings, report, stderr)
        findings = [f for f in findings if _on_changed_line(f, changed) or f in caused]
        report.baselined_findings = [f for f in report.baselined_findings if _on_changed_line(f, changed)]
    report.findings = findings
    return report


def _new_since(options: CheckOptions, current: list[Finding], report: Report, stderr: TextIO) -> set[Finding]:
    """The findings of ``current`` whose baseline key the base revision does not have: what the
    change caused anywhere, also in files it did not touch (compared as ``--baseline`` does)."""
    assert options.diff is not None
    top = repository_top(options.cwd)
    with base_checkout(options.diff, options.cwd, keep=options.cache) as base:
        paths = []
        for raw in options.paths:
            absolute = (options.cwd / raw).resolve()
            try:
                mapped = base / absolute.relative_to(top)
            except ValueError:
                continue  # outside the repository: nothing to compare with
            if mapped.exists():
                paths.append(str(mapped))
        if not paths:
            return set(current)
        try:
            cwd = base / options.cwd.resolve().relative_to(top)
        except ValueError:
            cwd = base
        base_options = dataclasses.replace(options, paths=paths, cwd=cwd, diff=None, baseline=None, quiet=True)
        try:
            before = collect_findings(base_options, io.StringIO())
        except ConfigError as exc:
            stderr.write(f"pixcrawler-lint: warning: cannot lint {options.diff} ({exc}); "
                         "reporting only findings on changed lines\n")
            return set()
        sources = SourceCache()
        baseline = Baseline.from_findings(before.findings, base, sources)
    comparison = compare(current, baseline, top, report.sources, set())
    return set(comparison.new)


def _on_changed_line(finding: Finding, changed: dict[Path, set[int] | None]) -> bool:
    try:
        path = Path(finding.path).resolve()
    except (OSError, RuntimeError):  # a symlink loop
        path = Path(finding.path).absolute()
    if path not in changed:
        return False
    lines = changed[path]
    return lines is None or finding.line in lines
