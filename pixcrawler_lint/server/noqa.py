"""The edit that silences one finding with ``# noqa: PXLnnn`` on the line flake8 and the CLI read."""

from __future__ import annotations

import io
import re
import tokenize

from pixcrawler_lint.findings import Finding
from pixcrawler_lint.fixes.edits import Edit

__all__ = ["noqa_edit"]

_NOQA_CODES = re.compile(r"#\s*noqa:\s*(?P<codes>[A-Z]+[0-9]+(?:[,\s]+[A-Z]+[0-9]+)*)", re.IGNORECASE)


def _comment_line(source: str, line: int) -> int:
    """``line``, or the last line of a string token that is still open at its end."""
    try:
        for token in tokenize.generate_tokens(io.StringIO(source).readline):
            if token.start[0] <= line < token.end[0] and token.type == tokenize.STRING:
                return token.end[0]
            if token.start[0] > line:
                break
    except (tokenize.TokenError, SyntaxError):
        pass
    return line


def noqa_edit(source: str, finding: Finding) -> Edit | None:
    """Append ``# noqa: CODE`` (or add the code to the line's noqa list); None when it is there."""
    line = _comment_line(source, finding.line)
    lines = source.splitlines()
    if not 0 < line <= len(lines):
        return None
    text = lines[line - 1]
    existing = _NOQA_CODES.search(text)
    if existing is not None:
        codes = re.split(r"[,\s]+", existing.group("codes"))
        if finding.code in codes:
            return None
        end = existing.end("codes")
        return Edit((line, end), (line, end), f",{finding.code}")
    stripped = text.rstrip()
    return Edit((line, len(stripped)), (line, len(text)), f"  # noqa: {finding.code}")
