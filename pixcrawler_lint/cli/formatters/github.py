"""``github``: workflow commands that GitHub Actions turns into pull-request annotations.

``::error file=backend/api/x.py,line=12,col=5,title=PXL204::message`` — ``%``, CR and LF
are escaped in the message; property values also escape ``:`` and ``,``. GitHub shows only
the first few annotations of a step (see docs/ci.md); every finding is still in the log, and
when ``$GITHUB_STEP_SUMMARY`` is set :func:`step_summary` adds a Markdown table of all of them
to the job summary.
"""

from __future__ import annotations

from collections import Counter

from pixcrawler_lint.cli.report import Report
from pixcrawler_lint.findings import Finding, Severity

__all__ = ["render_github", "escape_data", "escape_property", "step_summary"]

SUMMARY_ROWS = 200  # findings listed in the job summary (GitHub caps a summary at 1 MiB)

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


def _cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ")


def step_summary(report: Report) -> str:
    """Markdown for ``$GITHUB_STEP_SUMMARY``: the summary line, counts per code, the findings."""
    lines = ["## pixcrawler-lint", "", _cell(report.summary()), ""]
    if report.findings:
        counts = Counter((f.code, f.symbol) for f in report.findings)
        lines += ["| code | rule | findings |", "|---|---|---:|"]
        lines += [f"| {code} | `{symbol}` | {n} |" for (code, symbol), n in sorted(counts.items())]
        lines += ["", "| location | code | message |", "|---|---|---|"]
        for finding in report.findings[:SUMMARY_ROWS]:
            where = f"{report.display(finding)}:{finding.line}:{finding.col + 1}"
            lines.append(f"| `{_cell(where)}` | {finding.code} | {_cell(finding.message)} |")
        if len(report.findings) > SUMMARY_ROWS:
            lines += ["", f"… and {len(report.findings) - SUMMARY_ROWS} more (see the log)."]
    return "\n".join(lines) + "\n\n"
