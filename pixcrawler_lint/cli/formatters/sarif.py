"""``sarif``: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

Every registered rule is listed in ``tool.driver.rules`` (with its documentation as help, in
text and Markdown, and ``helpUri`` pointing at its section of docs/rules.md);
locations are relative to ``%SRCROOT%`` (the working directory) when below it. Each result
carries a ``partialFingerprints`` entry built from the baseline key, so that code scanning
tracks a finding across line shifts the same way ``--baseline`` does. With ``--baseline``
every result has a ``baselineState``: ``new``, or ``unchanged`` for the baselined findings,
which are listed too, with an external suppression (viewers show them as suppressed).
"""

from __future__ import annotations

import functools
import hashlib
import inspect
import json
from pathlib import Path
from typing import Any

from pixcrawler_lint import __version__
from pixcrawler_lint.cli.baseline import key_of
from pixcrawler_lint.cli.report import Report
from pixcrawler_lint.findings import Finding, Severity
from pixcrawler_lint.registry import Rule, all_rules

__all__ = ["render_sarif", "SARIF_SCHEMA", "sarif_log"]

SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.FATAL: "error", Severity.WARNING: "warning", Severity.CONVENTION: "note"}


@functools.lru_cache(maxsize=1)
def rules_doc_url() -> str | None:
    """Where docs/rules.md is: the ``Rules`` project URL of the installed distribution, else the
    file in the checkout the package runs from (an editable or repository install), else None."""
    from importlib import metadata  # pylint: disable=import-outside-toplevel  # slow, only SARIF needs it

    try:
        urls = metadata.metadata("pixcrawler-lint").get_all("Project-URL") or []
    except metadata.PackageNotFoundError:
        urls = []
    for entry in urls:
        label, _, url = entry.partition(",")
        if label.strip().lower() == "rules" and url.strip():
            return str(url).strip()
    local = Path(__file__).resolve().parents[3] / "docs" / "rules.md"
    return local.as_uri() if local.is_file() else None


def rule_anchor(rule: type[Rule]) -> str:
    """The anchor of the rule's section in docs/rules.md (``pxl201-missing-operation-id``)."""
    return f"{rule.code.lower()}-{rule.symbol}"


def _rule_descriptor(rule: type[Rule]) -> dict[str, Any]:
    doc = inspect.cleandoc(rule.__doc__ or "")
    descriptor: dict[str, Any] = {
        "id": rule.code,
        "name": rule.symbol,
        "shortDescription": {"text": rule.summary() or rule.symbol},
        "fullDescription": {"text": doc.partition("\n")[2].strip() or rule.summary() or rule.symbol},
        "help": {"text": doc or rule.symbol, "markdown": doc or rule.symbol},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"pylintId": rule.pylint_id(), "tags": [rule.family()]},
    }
    url = rules_doc_url()
    if url is not None:
        descriptor["helpUri"] = f"{url}#{rule_anchor(rule)}"
    return descriptor


def _location(finding: Finding, report: Report) -> dict[str, Any]:
    shown = report.display(finding)
    artifact: dict[str, Any]
    if Path(shown).is_absolute():
        artifact = {"uri": Path(shown).as_uri()}
    else:
        artifact = {"uri": shown, "uriBaseId": "%SRCROOT%"}
    region: dict[str, Any] = {"startLine": max(1, finding.line), "startColumn": finding.col + 1}
    if finding.end_line is not None and finding.end_line >= finding.line:
        region["endLine"] = finding.end_line
        if finding.end_col is not None and (finding.end_line > finding.line or finding.end_col > finding.col):
            region["endColumn"] = finding.end_col + 1
    return {"physicalLocation": {"artifactLocation": artifact, "region": region}}


def _fingerprint(finding: Finding, report: Report) -> str:
    key = key_of(finding, report.cwd, report.sources)
    return hashlib.sha256("\0".join((key.path, key.code, key.scope, key.source)).encode()).hexdigest()[:32]


def sarif_log(report: Report) -> dict[str, Any]:
    """The SARIF log object of ``report``."""
    rules = all_rules()
    index = {rule.code: i for i, rule in enumerate(rules)}
    results = []
    baselined = set(report.baselined_findings)
    for finding in sorted([*report.findings, *report.baselined_findings]):
        result: dict[str, Any] = {
            "ruleId": finding.code,
            "level": LEVELS[finding.severity],
            "message": {"text": finding.message},
            "locations": [_location(finding, report)],
            "partialFingerprints": {"pixcrawlerLint/v1": _fingerprint(finding, report)},
        }
        if finding.code in index:
            result["ruleIndex"] = index[finding.code]
        if report.fixed is not None:  # a baseline was given
            result["baselineState"] = "unchanged" if finding in baselined else "new"
            if finding in baselined:
                result["suppressions"] = [{"kind": "external", "justification": "in the pixcrawler-lint baseline"}]
        results.append(result)
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "pixcrawler-lint",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "rules": [_rule_descriptor(rule) for rule in rules],
                    }
                },
                "originalUriBaseIds": {"%SRCROOT%": {"uri": report.cwd.as_uri() + "/"}},
                "invocations": [{"executionSuccessful": True}],
                "results": results,
            }
        ],
    }


def render_sarif(report: Report) -> str:
    return json.dumps(sarif_log(report), indent=2, ensure_ascii=False) + "\n"
