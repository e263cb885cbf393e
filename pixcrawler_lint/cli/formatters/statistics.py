"""``--statistics``: how many findings of each code, most frequent first (like ``ruff --statistics``)."""

from __future__ import annotations

import json
from collections import Counter

from pixcrawler_lint.cli.report import Report
from pixcrawler_lint.registry import rule_by_code

__all__ = ["render_statistics", "statistics"]


def statistics(report: Report) -> list[tuple[str, str, int]]:
    """``(code, symbol, count)`` per code with findings, by count then code."""
    counts = Counter(finding.code for finding in report.findings)
    symbols = {finding.code: finding.symbol for finding in report.findings}
    rows = [(code, symbols[code], count) for code, count in counts.items()]
    return sorted(rows, key=lambda row: (-row[2], row[0]))


def render_statistics(report: Report, as_json: bool = False) -> str:
    rows = statistics(report)
    if as_json:
        return json.dumps([
            {"code": code, "symbol": symbol, "count": count,
             "summary": (rule.summary() if (rule := rule_by_code(code)) else "")}
            for code, symbol, count in rows
        ], indent=2) + "\n"
    width = max((len(str(count)) for _, _, count in rows), default=1)
    lines = [f"{count:>{width}}\t{code}\t{symbol}" for code, symbol, count in rows]
    lines.append(report.summary())
    return "\n".join(lines) + "\n"
