"""``github``: workflow commands that GitHub Actions turns into pull-request annotations.

``::error file=backend/api/x.py,line=12,col=5,title=PXL204::message`` — ``%``, CR and LF
are escaped in the message; property values also escape ``:`` and ``,``.
"""

from __future__ import annotations

from pixcrawler_lint.cli.report import Report
from pixcrawler_lint.findings import Finding, Severity

__all__ = ["render_github", "escape_data", "escape_property"]

LEVELS = {Severity.ERROR: "error", Severity.FATAL: "error", Severity.WARNING: "warning", Severity.CONVENTION: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(finding: Finding, path: str) -> str:
    props = [f"file={escape_property(path)}", f"line={finding.line}", f"col={finding.col + 1}"]
    if finding.end_line is not None:
        props.append(f"endLine={finding.end_line}")
        if finding.end_line == finding.line and finding.end_col is not None:
            props.append(f"endColumn={finding.end_col + 1}")
    props.append(f"title={escape_property(f'{finding.code} {finding.symbol}')}")
    return f"::{LEVELS[finding.severity]} {','.join(props)}::{escape_data(finding.message)}"


def render_github(report: Report) -> str:
    lines = [annotation(f, report.display(f)) for f in report.findings]
    if report.fixed:
        lines.append(f"::notice title=pixcrawler-lint baseline::{escape_data(report.summary())}")
    lines.append(report.summary())
    return "\n".join(lines) + "\n"
