"""``gitlab``: GitLab Code Quality JSON (``artifacts:reports:codequality``).

A list of issues: ``description``, ``check_name``, ``fingerprint`` (unique per issue, stable
across line shifts: built from the baseline key), ``severity`` (``info`` … ``blocker``) and
``location.path`` (relative to the working directory, the repository root in CI) with
``location.lines.begin``.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from typing import Any

from pixcrawler_lint.cli.baseline import key_of
from pixcrawler_lint.cli.report import Report
from pixcrawler_lint.findings import Severity

__all__ = ["render_gitlab", "SEVERITIES"]

SEVERITIES = {Severity.FATAL: "blocker", Severity.ERROR: "critical", Severity.WARNING: "major",
              Severity.CONVENTION: "minor"}


def gitlab_issues(report: Report) -> list[dict[str, Any]]:
    """The Code Quality issues of ``report``."""
    issues: list[dict[str, Any]] = []
    seen: Counter[str] = Counter()
    for finding in report.findings:
        key = key_of(finding, report.cwd, report.sources)
        base = "\0".join((key.path, key.code, key.scope, key.source))
        seen[base] += 1
        fingerprint = hashlib.sha256(f"{base}\0{seen[base]}".encode()).hexdigest()
        issues.append({
            "type": "issue",
            "description": f"{finding.code} {finding.message}",
            "check_name": finding.code,
            "categories": ["Style" if finding.severity is Severity.CONVENTION else "Bug Risk"],
            "fingerprint": fingerprint,
            "severity": SEVERITIES[finding.severity],
            "location": {"path": report.display(finding), "lines": {"begin": max(1, finding.line)}},
        })
    return issues


def render_gitlab(report: Report) -> str:
    return json.dumps(gitlab_issues(report), indent=2, ensure_ascii=False) + "\n"
