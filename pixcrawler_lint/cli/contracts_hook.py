"""Whole-project import contracts in ``check``: indirect layer breaches, from the import graph.

The file rules (PXL101–PXL105) see the direct imports of one module; the contracts
(:mod:`pixcrawler_lint.contracts`) see the grimp import graph of a whole project root and
also find chains through helper modules. ``check`` reports, as findings of the same codes:

* only *indirect* chains (a direct import is already reported by the file rule, on that line);
* only chains whose last link does not break the rule on its own (that module's import is
  reported, and fixing it clears every chain through it), so each problem is reported once,
  where it has to be fixed;
* on the line of the chain's first import in the importing module, with the chain in the
  message; and only for importing modules among the linted files;
* once for chains that share their last import (the root cause: the helper's import of what
  the importers must not reach): on that import, listing the importers affected.

A graph that cannot be built becomes one PXL900 finding on the root's first file: the gate
must not pass silently.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from pixcrawler_lint.cli.cache import ProjectCache
from pixcrawler_lint.config import ConfigError, config_for_path
from pixcrawler_lint.engine import internal_error
from pixcrawler_lint.findings import Finding, Severity
from pixcrawler_lint.modules import locate_module
from pixcrawler_lint.registry import rule_by_code

if TYPE_CHECKING:
    from pixcrawler_lint.contracts import Violation

__all__ = ["contract_findings"]


def _root_findings(root: Path, files: Sequence[Path]) -> list[Finding]:
    from pixcrawler_lint.contracts import check_project

    by_module = {locate_module(path).modname: path for path in files}
    try:
        violations: list[Violation] = check_project(root, config_for_path(files[0]))
    except ConfigError:
        raise
    except Exception as exc:  # pylint: disable=broad-exception-caught  # grimp on odd trees
        return [internal_error(str(files[0]), "contracts", "import-contracts", exc)]
    direct = {(v.importer, v.code) for v in violations if v.is_direct}
    direct_targets = {(v.importer, v.code, v.imported) for v in violations if v.is_direct}
    indirect: list[Violation] = []
    for violation in violations:
        if violation.is_direct or violation.importer not in by_module or violation.line is None:
            continue
        last = violation.chain[-1].importer
        if (last, violation.code) in direct or (last, violation.code, violation.imported) in direct_targets:
            continue  # the last link breaks the rule itself and is reported there
        indirect.append(violation)
    by_cause: dict[tuple[str, str, str], list[Violation]] = {}
    for violation in indirect:
        cause = violation.chain[-1]
        by_cause.setdefault((cause.importer, cause.imported, violation.code), []).append(violation)
    found = []
    for (helper, _, _), group in by_cause.items():
        where = by_module.get(helper) or _module_file(root, helper)
        line = min(group[0].chain[-1].line_numbers, default=None)
        if len(group) > 1 and where is not None and line is not None:
            found.append(_shared_cause_finding(group, where, line))
        else:
            found += [_chain_finding(violation, by_module[violation.importer]) for violation in group]
    return found


def _severity(code: str) -> Severity:
    rule = rule_by_code(code)
    return rule.severity if rule else internal_error("", "", "", Exception()).severity


def _chain_finding(violation: Violation, path: Path) -> Finding:
    via = " -> ".join([violation.chain[0].importer, *(step.imported for step in violation.chain)])
    return Finding(
        path=str(path),
        line=violation.line or 1,
        col=0,
        code=violation.code,
        symbol=violation.symbol,
        message=f"indirect import {via}: {violation.message}",
        severity=_severity(violation.code),
    )


def _shared_cause_finding(group: list[Violation], path: Path, line: int) -> Finding:
    """One finding at the import that lets every importer of ``group`` reach what it must not."""
    cause = group[0].chain[-1]
    importers = ", ".join(sorted({violation.importer for violation in group}))
    return Finding(
        path=str(path),
        line=line,
        col=0,
        code=group[0].code,
        symbol=group[0].symbol,
        message=(
            f"import {cause.importer} -> {cause.imported} lets {importers} reach it indirectly: "
            f"{group[0].message}"
        ),
        severity=_severity(group[0].code),
    )


def _module_file(root: Path, modname: str) -> Path | None:
    base = root.joinpath(*modname.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


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
