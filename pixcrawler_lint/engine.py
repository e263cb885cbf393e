"""The engine: run the registered rules over one astroid module and return findings.

The engine knows nothing of pylint or flake8. A rule that raises does not abort the run:
it becomes one ``PXL900 internal-error`` finding naming the rule and the file.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from astroid import nodes

from pixcrawler_lint.architecture.selection import CommandLine
from pixcrawler_lint.config import Config, ConfigError, config_for_path
from pixcrawler_lint.context import ModuleContext
from pixcrawler_lint.findings import Finding, Severity
from pixcrawler_lint.modules import ParseError, activate_project_root, build_module, locate_module, read_source
from pixcrawler_lint.registry import Rule, all_rules

__all__ = [
    "lint_module",
    "lint_source",
    "lint_file",
    "internal_error",
    "configuration_error",
    "INTERNAL_ERROR",
    "INVALID_CONFIGURATION",
]

INTERNAL_ERROR = ("PXL900", "internal-error")
INVALID_CONFIGURATION = ("PXL901", "invalid-configuration")


def internal_error(path: str, rule_code: str, rule_symbol: str, exc: BaseException, line: int = 1) -> Finding:
    """The finding that stands for a rule that crashed (the run goes on)."""
    detail = f"{type(exc).__name__}: {exc}".splitlines()[0][:200]
    return Finding(
        path=path,
        line=line,
        col=0,
        code=INTERNAL_ERROR[0],
        symbol=INTERNAL_ERROR[1],
        message=f"rule {rule_code} ({rule_symbol}) crashed on {path}: {detail}; please report this bug",
        severity=Severity.FATAL,
    )


def configuration_error(path: str, error: ConfigError) -> Finding:
    """The one finding reported for a file whose ``[tool.pixcrawler_lint]`` is invalid."""
    return Finding(
        path=path,
        line=1,
        col=0,
        code=INVALID_CONFIGURATION[0],
        symbol=INVALID_CONFIGURATION[1],
        message=f"invalid configuration, no rule ran: {error}",
        severity=Severity.FATAL,
    )


def lint_module(
    module: nodes.Module,
    path: str | None = None,
    config: Config | None = None,
    rules: Iterable[type[Rule]] | None = None,
    command_line: CommandLine | None = None,
) -> list[Finding]:
    """Run ``rules`` (default: all) over ``module`` and return their findings, sorted.

    Only the rules the configuration enables for ``path`` run (preset, ``select``, ``ignore``,
    ``per-file-ignores``; ``command_line`` overrides the first three, see
    :mod:`pixcrawler_lint.architecture.selection`).
    """
    path = path if path is not None else (module.file or module.name)
    if config is None:
        try:
            config = config_for_path(path)
        except ConfigError as exc:
            return [configuration_error(path, exc)]
    try:
        ctx = ModuleContext(module, path, config)
    except ConfigError as exc:
        return [configuration_error(path, exc)]
    for rule_class in rules if rules is not None else all_rules():
        if rule_class.code.startswith("PXL9"):
            continue  # internal rules are produced by the engine itself
        if not ctx.architecture.enabled(rule_class.code, path, command_line):
            continue
        rule = rule_class()
        before = len(ctx.findings)
        try:
            rule.check(ctx)
        except ConfigError as exc:  # e.g. an imported module matching two layers equally
            del ctx.findings[before:]
            ctx.findings.append(configuration_error(path, exc))
        except Exception as exc:  # pylint: disable=broad-exception-caught  # incl. RecursionError
            # A rule bug must not stop the run: its partial findings are dropped and replaced
            # by one internal-error finding; the other rules still run.
            del ctx.findings[before:]
            ctx.findings.append(internal_error(path, rule.code, rule.symbol, exc))
    return sorted(set(ctx.findings))


def lint_source(
    source: str,
    path: str,
    rules: Sequence[type[Rule]] | None = None,
    config: Config | None = None,
    command_line: CommandLine | None = None,
) -> list[Finding]:
    """Lint ``source`` as if it were the file at ``path`` (an editor buffer, stdin).

    The module name and layer come from ``path``; imports resolve from the project on disk.
    Unparseable source yields no finding: the host tool reports syntax errors itself.
    """
    location = locate_module(path)
    if config is None:
        try:
            config = config_for_path(path)
        except ConfigError as exc:
            return [configuration_error(path, exc)]
    activate_project_root(location.root)
    try:
        module = build_module(source, path, location.modname)
    except ParseError:
        return []
    return lint_module(module, path, config, rules, command_line)


def lint_file(path: str | Path, rules: Sequence[type[Rule]] | None = None) -> list[Finding]:
    """Lint the file at ``path``; undecodable or unparseable files yield no finding."""
    try:
        source = read_source(path)
    except (ParseError, OSError):
        return []
    return lint_source(source, str(path), rules)
