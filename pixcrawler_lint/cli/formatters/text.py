"""``text``: ``path:line:col: CODE message``, then the source line and a caret (like ruff).

With ``color`` (a terminal, and ``NO_COLOR`` unset: see :func:`use_color`) the path is bold,
the code coloured by severity and the caret red.
"""

from __future__ import annotations

import os
from typing import TextIO

from pixcrawler_lint.cli.report import Report
from pixcrawler_lint.findings import Finding, Severity

__all__ = ["render_text", "render_concise", "caret_snippet", "use_color"]

_RESET, _BOLD, _RED, _YELLOW, _CYAN, _MAGENTA = "\033[0m", "\033[1m", "\033[31m", "\033[33m", "\033[36m", "\033[35m"
_SEVERITY_COLOR = {Severity.FATAL: _MAGENTA, Severity.ERROR: _RED, Severity.WARNING: _YELLOW,
                   Severity.CONVENTION: _CYAN}


def use_color(choice: str, stream: TextIO) -> bool:
    """``always``/``never``, or for ``auto``: a terminal, no ``NO_COLOR`` (https://no-color.org), not dumb."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and os.environ.get("TERM") != "dumb"


def _paint(text: str, color: str, enabled: bool) -> str:
    return f"{color}{text}{_RESET}" if enabled else text


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


def render_text(report: Report, show_source: bool = True, color: bool = False) -> str:
    """Every finding (with its source line when ``show_source``), then a summary line."""
    out: list[str] = []
    for finding in report.findings:
        where = _paint(f"{report.display(finding)}:{finding.line}:{finding.col + 1}:", _BOLD, color)
        code = _paint(finding.code, _SEVERITY_COLOR[finding.severity] + _BOLD, color)
        out.append(f"{where} {code} {finding.message}")
        if show_source:
            snippet = caret_snippet(finding, report.sources.get(finding.path).line(finding.line))
            if snippet and color:
                gutter, _, carets = snippet[1].partition("| ")
                snippet[1] = f"{gutter}| {_paint(carets, _RED, True)}"
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


def render_concise(report: Report, color: bool = False) -> str:
    """``text`` without the source snippets."""
    return render_text(report, show_source=False, color=color)
