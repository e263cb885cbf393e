"""Whole-project import contracts in ``check``: indirect layer breaches, from the import graph.

The file rules (PXL101–PXL105) see the direct imports of one module; the contracts
(:mod:`pixcrawler_lint.contracts`) see the grimp import graph of a whole project root and
also find chains through helper modules. ``check`` reports, as findings of the same codes:

* only *indirect* chains (a direct import is already reported by the file rule, on that line);
* only chains whose last link does not break the rule on its own (that module's import is
  reported, and fixing it clears every chain through it), so each problem is reported once,
  where it has to be fixed;
* on the line of the chain's first import in the importing module, with the chain in the
  message; and only for importing modules among the linted files.

A graph that cannot be built becomes one PXL900 finding on the root's first file: the gate
must not pass silently.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from pixcrawler_lint.cli.cache import ProjectCache
from pixcrawler_lint.config import ConfigError, config_for_path
from pixcrawler_lint.engine import internal_error
from pixcrawler_lint.findings import Finding
from pixcrawler_lint.modules import locate_module
from pixcrawler_lint.registry import rule_by_code

__all__ = ["contract_findings"]


def _root_findings(root: Path, files: Sequence[Path]) -> list[Finding]:
    from pixcrawler_lint.contracts import Violation, check_project

    by_module = {locate_module(path).modname: path for path in files}
    try:
        violations: list[Violation] = check_project(root, config_for_path(files[0]))
    except ConfigError:
        raise
    except Exception as exc:  # pylint: disable=broad-exception-caught  # grimp on odd trees
        return [internal_error(str(files[0]), "contracts", "import-contracts", exc)]
    direct = {(v.importer, v.code) for v in violations if v.is_direct}
    direct_targets = {(v.importer, v.code, v.imported) for v in violations if v.is_direct}
    found = []
    for violation in violations:
        if violation.is_direct or violation.importer not in by_module or violation.line is None:
            continue
        last = violation.chain[-1].importer
        if (last, violation.code) in direct or (last, violation.code, violation.imported) in direct_targets:
            continue  # the last link breaks the rule itself and is reported there
        rule = rule_by_code(violation.code)
        via = " -> ".join([violation.chain[0].importer, *(step.imported for step in violation.chain)])
        found.append(Finding(
            path=str(by_module[violation.importer]),
            line=violation.line,
            col=0,
            code=violation.code,
            symbol=violation.symbol,
            message=f"indirect import {via}: {violation.message}",
            severity=rule.severity if rule else internal_error("", "", "", Exception()).severity,
        ))
    return found


def contract_findings(
    groups: Mapping[Path, Sequence[Path]], caches: Mapping[Path, ProjectCache] | None = None,
) -> list[Finding]:
    """Contract findings of every project root in ``groups`` (root → its linted files).

    With ``caches``, a root none of whose files changed since the last run reuses its findings.
    """
    found: list[Finding] = []
    for root, files in groups.items():
        if not files:
            continue
        cache = caches.get(root) if caches else None
        cached = cache.load_contracts(files) if cache is not None else None
        if cached is None:
            cached = _root_findings(root, files)
            if cache is not None and not any(f.code == "PXL900" for f in cached):
                cache.store_contracts(files, cached)
        found += cached
    return found
