"""``pixcrawler-lint``: the command line (``check``, ``baseline``, ``explain``, ``rules``, ``init``).

Exit status: 0 clean, 1 findings, 2 usage or configuration error (one line on stderr),
3 internal error (a crash of the linter, or a PXL900 finding: a rule crashed, so the result is
incomplete; ``--exit-zero`` does not hide it).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from pixcrawler_lint import __version__
from pixcrawler_lint.cli.baseline import DEFAULT_BASELINE, Baseline, BaselineError, BaselineKey, compare
from pixcrawler_lint.cli.cache import CACHE_DIR
from pixcrawler_lint.cli.check import CheckOptions, collect_findings, run_check
from pixcrawler_lint.cli.diff import DiffError
from pixcrawler_lint.cli.discovery import PathError
from pixcrawler_lint.cli.explain import UnknownRule, explain_text, find_rule, rules_json, rules_table
from pixcrawler_lint.cli.formatters import FORMATS, render
from pixcrawler_lint.cli.formatters.github import step_summary
from pixcrawler_lint.cli.formatters.statistics import render_statistics
from pixcrawler_lint.cli.formatters.text import render_text, use_color
from pixcrawler_lint.cli.output import OutputError, check_writable, write_atomic
from pixcrawler_lint.cli.runner import default_jobs
from pixcrawler_lint.cli.sources import SourceCache
from pixcrawler_lint.config import ConfigError
from pixcrawler_lint.registry import known_code_prefix
from pixcrawler_lint.init.command import InitError, add_init_command, run_init
from pixcrawler_lint.engine import INTERNAL_ERROR

__all__ = ["main", "build_parser", "EXIT_CLEAN", "EXIT_FINDINGS", "EXIT_ERROR", "EXIT_INTERNAL"]

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR, EXIT_INTERNAL = 0, 1, 2, 3


class _Parser(argparse.ArgumentParser):
    """argparse, but usage errors go through our stderr stream (tests capture it)."""

    stderr: TextIO = sys.stderr

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(self.stderr)
        self.exit(EXIT_ERROR, f"{self.prog}: error: {message}\n")

    def exit(self, status: int = 0, message: str | None = None) -> None:  # type: ignore[override]
        if message:
            self.stderr.write(message)
        raise SystemExit(status)


def _jobs(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if jobs < 0:
        raise argparse.ArgumentTypeError("must be 0 (all cores) or more")
    return jobs or default_jobs()


def _codes(value: str) -> list[str]:
    codes = [part.strip().upper() for part in value.split(",") if part.strip()]
    unknown = [code for code in codes if not known_code_prefix(code)]
    if unknown:
        raise argparse.ArgumentTypeError(
            f"unknown rule code or prefix {', '.join(repr(c) for c in unknown)} (see `pixcrawler-lint rules`)"
        )
    return codes


def _add_run_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", default=["."], help="files or directories (default: .)")
    parser.add_argument("-j", "--jobs", type=_jobs, default=None, help="worker processes (default: all cores)")
    parser.add_argument("--exclude", action="append", default=[], metavar="GLOB",
                        help="skip directories/files matching GLOB while walking (repeatable)")
    parser.add_argument("--select", type=_codes, default=[], metavar="CODES",
                        help="only these codes/prefixes (PXL2,PXL401)")
    parser.add_argument("--ignore", type=_codes, default=[], metavar="CODES", help="never these codes/prefixes")
    parser.add_argument("--extend-ignore", type=_codes, action="extend", default=[], metavar="CODES",
                        help="never these codes either (PXL903: skip unparseable files with a warning)")
    parser.add_argument("--no-contracts", dest="contracts", action="store_false",
                        help="do not check the whole-project import contracts")
    parser.add_argument("--no-cache", dest="cache", action="store_false",
                        help=f"neither read nor write the cache ({CACHE_DIR}/ beside the project)")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress indicator and no notes on stderr")
    parser.add_argument("--strict-config", action="store_true",
                        help="exit 2 when a configured pattern matches no module of the project")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="pixcrawler-lint",
        description="Architecture-conformance linter for layered FastAPI + SQLAlchemy backends.",
    )
    parser.add_argument("--version", action="version", version=f"pixcrawler-lint {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    commands.required = True

    check = commands.add_parser("check", help="lint files with every rule and the import contracts")
    _add_run_options(check)
    check.add_argument("--format", choices=[*FORMATS, "concise"], default="text", help="output format (default: text)")
    check.add_argument("-o", "--output", type=Path, help="write the report to this file instead of stdout")
    check.add_argument("--baseline", type=Path, metavar="FILE", help="report only findings not in this baseline")
    check.add_argument("--diff", metavar="REV", help="report only findings on lines changed since git revision REV")
    check.add_argument("--warn-unused-noqa", action="store_true", help="report `# noqa: PXL…` codes that silence nothing")
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    check.add_argument("--statistics", action="store_true",
                       help="print the number of findings per code instead of the findings (json with --format json)")
    check.add_argument("--color", choices=["auto", "always", "never"], default="auto",
                       help="colour text output (default auto: on a terminal unless NO_COLOR is set)")
    check.add_argument("--fix", action="store_true", help="apply the safe fixes, then report what is left")
    check.add_argument("--diff-fixes", action="store_true",
                       help="print the fixes as a unified diff without writing (exit 1 when there are any)")
    check.add_argument("--unsafe-fixes", action="store_true", help="with --fix/--diff-fixes: also the unsafe fixes")

    baseline = commands.add_parser("baseline", help="write today's findings to a baseline file")
    _add_run_options(baseline)
    baseline.add_argument("-o", "--output", type=Path, default=Path(DEFAULT_BASELINE), metavar="FILE",
                          help=f"baseline file (default: {DEFAULT_BASELINE})")
    baseline.add_argument("--update", action="store_true",
                          help="prune entries that no longer occur; add nothing new unless --add-new")
    baseline.add_argument("--add-new", action="store_true", help="with --update: also add today's new findings")

    explain = commands.add_parser("explain", help="print a rule's documentation")
    explain.add_argument("rule", help="code (PXL204) or symbol (shadowed-status-module)")

    commands.add_parser("server", help="run the language server (LSP over stdio) for editors")

    rules = commands.add_parser("rules", help="list every rule")
    rules.add_argument("--format", choices=["text", "json"], default="text")
    add_init_command(commands)
    return parser


def _options(args: argparse.Namespace) -> CheckOptions:
    return CheckOptions(
        paths=args.paths, jobs=args.jobs or default_jobs(), exclude=args.exclude, select=args.select,
        ignore=[*args.ignore, *args.extend_ignore], contracts=args.contracts,
        warn_unused_noqa=getattr(args, "warn_unused_noqa", False),
        baseline=getattr(args, "baseline", None), diff=getattr(args, "diff", None), quiet=args.quiet,
        strict_config=args.strict_config,
        cache=args.cache,
    )


def _config_warnings(lines: list[str], strict: bool, stderr: TextIO) -> bool:
    """Print the misconfiguration warnings (always, even with --quiet); True: stop with exit 2."""
    for line in lines:
        stderr.write(f"pixcrawler-lint: {'error' if strict else 'warning'}: {line}\n")
    return strict and bool(lines)


def _check(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    if args.output is not None:
        check_writable(args.output)
    if args.fix or args.diff_fixes:
        status = _fix(args, stdout, stderr)
        if status is not None:
            return status
    report = run_check(_options(args), stderr)
    if _config_warnings(report.config_warnings, args.strict_config, stderr):
        return EXIT_ERROR
    if not args.quiet:
        for path, why in report.skipped:
            stderr.write(f"pixcrawler-lint: warning: skipped {path}: {why}\n")
    stream_is_output = args.output is None
    color = stream_is_output and use_color(args.color, stdout)
    if args.statistics:
        text = render_statistics(report, as_json=args.format == "json")
    elif args.format in ("text", "concise"):
        text = render_text(report, show_source=args.format == "text", color=color)
    else:
        text = render(args.format, report)
    if args.output is not None:
        write_atomic(args.output, text)
    else:
        stdout.write(text)
    if args.format == "github" and os.environ.get("GITHUB_STEP_SUMMARY"):
        _append_step_summary(Path(os.environ["GITHUB_STEP_SUMMARY"]), step_summary(report), stderr)
    if any(finding.code == INTERNAL_ERROR[0] for finding in report.findings):
        return EXIT_INTERNAL
    return EXIT_FINDINGS if report.findings and not args.exit_zero else EXIT_CLEAN


def _append_step_summary(path: Path, markdown: str, stderr: TextIO) -> None:
    """Append to the job summary; a summary that cannot be written is a warning, not a failed gate."""
    try:
        with path.open("a", encoding="utf-8") as handle:
            handle.write(markdown)
    except OSError as exc:
        stderr.write(f"pixcrawler-lint: warning: cannot write GITHUB_STEP_SUMMARY {path}: {exc.strerror or exc}\n")


def _fix(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int | None:
    """Apply (``--fix``) or show (``--diff-fixes``) the fixes; a status ends the command, None goes on to the report."""
    try:
        from pixcrawler_lint.cli.fix import run_fixes
        outcome = run_fixes(_options(args), write=not args.diff_fixes, unsafe=args.unsafe_fixes, stderr=stderr)
    except ImportError as exc:
        raise _UsageError(f"fixes need libcst: pip install 'pixcrawler-lint[fix]' ({exc})") from None
    if args.diff_fixes:
        stdout.write(outcome.diff)
        return EXIT_FINDINGS if outcome.diff and not args.exit_zero else EXIT_CLEAN
    if not args.quiet:
        stderr.write(f"pixcrawler-lint: fixed {outcome.fixed_findings} findings in {len(outcome.files)} files\n")
    return None


def _server() -> int:
    try:
        from pixcrawler_lint.server import serve
        return serve()
    except ImportError as exc:
        raise _UsageError(f"the server needs pygls: pip install 'pixcrawler-lint[server]' ({exc})") from None


def _baseline(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    if args.add_new and not args.update:
        raise _UsageError("--add-new only makes sense with --update")
    options = _options(args)
    file: Path = args.output
    check_writable(file)
    old = Baseline.load(file) if args.update else None
    collected = collect_findings(options, stderr)
    if _config_warnings(collected.config_warnings, args.strict_config, stderr):
        return EXIT_ERROR
    base = file.absolute().parent
    sources = SourceCache()
    current = Baseline.from_findings(collected.findings, base, sources)
    if not args.update:
        current.dump(file)
        stdout.write(f"Wrote {current.total()} findings to {file}.\n")
        return EXIT_CLEAN
    assert old is not None
    comparison = compare(collected.findings, old, base, sources, {str(p) for p in collected.files})
    counts: Counter[BaselineKey] = Counter(old.counts)
    counts.subtract(comparison.fixed)
    added = 0
    if args.add_new:
        for key, count in comparison.current.items():
            added += max(0, count - counts[key])
            counts[key] = max(counts[key], count)
    Baseline(+counts).dump(file)
    stdout.write(
        f"Updated {file}: {comparison.fixed.total()} fixed entries pruned, {added} new findings added, "
        f"{len(comparison.new) - added} new findings not added.\n"
    )
    return EXIT_CLEAN


class _UsageError(Exception):
    pass


def main(argv: Sequence[str] | None = None, stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    """Run the command line; returns the exit status (the console script exits with it)."""
    stdout = stdout if stdout is not None else sys.stdout
    stderr = stderr if stderr is not None else sys.stderr
    _Parser.stderr = stderr
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code) if isinstance(exc.code, int) else EXIT_ERROR
    try:
        if args.command == "check":
            return _check(args, stdout, stderr)
        if args.command == "baseline":
            return _baseline(args, stdout, stderr)
        if args.command == "server":
            return _server()
        if args.command == "init":
            return run_init(args, stdout, stderr)
        if args.command == "explain":
            stdout.write(explain_text(find_rule(args.rule)))
            return EXIT_CLEAN
        stdout.write(rules_json() if args.format == "json" else rules_table())
        return EXIT_CLEAN
    except (ConfigError, PathError, BaselineError, DiffError, OutputError, UnknownRule, InitError,
            _UsageError) as exc:
        stderr.write(f"pixcrawler-lint: error: {exc}\n")
        return EXIT_ERROR
    except KeyboardInterrupt:
        stderr.write("pixcrawler-lint: interrupted\n")
        return 130
    except Exception as exc:  # pylint: disable=broad-exception-caught  # a bug of ours: say so, exit 3
        detail = f"{type(exc).__name__}: {exc}".splitlines()[0][:300]
        stderr.write(f"pixcrawler-lint: internal error: {detail}; please report this bug\n")
        return EXIT_INTERNAL
