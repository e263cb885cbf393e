"""``text``: ``path:line:col: CODE message``, then the source line and a caret (like ruff)."""

from __future__ import annotations

from pixcrawler_lint.cli.report import Report
from pixcrawler_lint.findings import Finding

__all__ = ["render_text", "caret_snippet"]


def _char_col(line: str, byte_col: int) -> int:
    """ast/astroid columns count UTF-8 bytes; the caret needs characters."""
    return len(line.encode("utf-8")[:byte_col].decode("utf-8", "ignore"))


def _code_end(line: str) -> int:
    """Length of ``line`` without a trailing comment (a ``#`` outside string quotes)."""
    quote: str | None = None
    for index, char in enumerate(line):
        if quote is None and char == "#":
            return len(line[:index].rstrip())
        if char in "'\"":
            quote = None if quote == char else (char if quote is None else quote)
    return len(line.rstrip())


def caret_snippet(finding: Finding, line: str) -> list[str]:
    """The offending line under a gutter, and a caret line underlining the reported node."""
    if not line.strip():
        return []
    text = line.rstrip().expandtabs(4)
    raw = line.rstrip()
    start = len(raw[:_char_col(raw, finding.col)].expandtabs(4))
    if finding.end_line == finding.line and finding.end_col is not None:
        end = len(raw[:_char_col(raw, finding.end_col)].expandtabs(4))
    else:
        end = len(raw[:_code_end(raw)].expandtabs(4))
    width = max(1, end - start)
    number = str(finding.line)
    gutter = " " * len(number)
    return [f" {number} | {text}", f" {gutter} | {' ' * start}{'^' * width}"]


def render_text(report: Report, show_source: bool = True) -> str:
    """Every finding (with its source line when ``show_source``), then a summary line."""
    out: list[str] = []
    for finding in report.findings:
        out.append(f"{report.display(finding)}:{finding.line}:{finding.col + 1}: {finding.code} {finding.message}")
        if show_source:
            snippet = caret_snippet(finding, report.sources.get(finding.path).line(finding.line))
            out.extend(snippet)
            if snippet:
                out.append("")
    if report.fixed:
        for key, count in sorted(report.fixed.items()):
            times = f" ({count}x)" if count > 1 else ""
            scope = f" in {key.scope}" if key.scope else ""
            out.append(f"fixed: {key.path}: {key.code}{scope}: {key.source}{times}")
    out.append(report.summary())
    return "\n".join(out) + "\n"


def render_concise(report: Report) -> str:
    """``text`` without the source snippets."""
    return render_text(report, show_source=False)
