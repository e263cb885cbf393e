"""``json``: one object with the findings, the fixed baseline entries and a summary."""

from __future__ import annotations

import json
from typing import Any

from pixcrawler_lint import __version__
from pixcrawler_lint.cli.report import Report
from pixcrawler_lint.findings import Finding

__all__ = ["render_json", "finding_dict"]


def finding_dict(finding: Finding, report: Report) -> dict[str, Any]:
    """A finding as JSON: ``line``/``column`` 1-based, as shown in text output."""
    return {
        "path": report.display(finding),
        "absolute_path": finding.path,
        "line": finding.line,
        "column": finding.col + 1,
        "end_line": finding.end_line,
        "end_column": finding.end_col + 1 if finding.end_col is not None else None,
        "code": finding.code,
        "symbol": finding.symbol,
        "severity": finding.severity.value,
        "message": finding.message,
    }


def render_json(report: Report) -> str:
    payload = {
        "tool": "pixcrawler-lint",
        "version": __version__,
        "findings": [finding_dict(f, report) for f in report.findings],
        "fixed": [
            {"path": k.path, "code": k.code, "scope": k.scope, "source": k.source, "count": n}
            for k, n in sorted((report.fixed or {}).items())
        ],
        "skipped": [{"path": p, "reason": why} for p, why in report.skipped],
        "summary": {
            "files": report.files,
            "findings": len(report.findings),
            "baselined": report.baselined,
            "fixed": report.fixed_count(),
            "suppressed": report.suppressed,
            "cached": report.cached,
        },
    }
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"
