"""Positions between the engine (UTF-8 byte columns), libcst (character columns) and LSP (UTF-16)."""

from __future__ import annotations

from lsprotocol import types

from pixcrawler_lint.findings import Finding, Severity
from pixcrawler_lint.fixes.edits import Edit

__all__ = ["LineText", "finding_range", "edit_to_lsp", "SEVERITIES", "to_diagnostic"]

SEVERITIES: dict[Severity, types.DiagnosticSeverity] = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.CONVENTION: types.DiagnosticSeverity.Information,
    Severity.FATAL: types.DiagnosticSeverity.Error,
}
SOURCE = "pixcrawler-lint"


def _utf16(text: str) -> int:
    return sum(2 if ord(char) > 0xFFFF else 1 for char in text)


class LineText:
    """The lines of one document, for column conversions."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()

    def line(self, number: int) -> str:
        return self.lines[number - 1] if 0 < number <= len(self.lines) else ""

    def from_bytes(self, line: int, byte_col: int) -> types.Position:
        prefix = self.line(line).encode("utf-8")[:byte_col].decode("utf-8", errors="ignore")
        return types.Position(line=max(line - 1, 0), character=_utf16(prefix))

    def from_chars(self, line: int, char_col: int) -> types.Position:
        return types.Position(line=max(line - 1, 0), character=_utf16(self.line(line)[:char_col]))

    def to_chars(self, position: types.Position) -> tuple[int, int]:
        """An LSP position as (1-based line, character column)."""
        text, units, chars = self.line(position.line + 1), 0, 0
        for char in text:
            if units >= position.character:
                break
            units += 2 if ord(char) > 0xFFFF else 1
            chars += 1
        return position.line + 1, chars


def finding_range(finding: Finding, lines: LineText) -> types.Range:
    start = lines.from_bytes(finding.line, finding.col)
    if finding.end_line is not None and finding.end_col is not None:
        end = lines.from_bytes(finding.end_line, finding.end_col)
    else:
        end = types.Position(line=start.line, character=_utf16(lines.line(finding.line)))
    return types.Range(start=start, end=end)


def to_diagnostic(finding: Finding, lines: LineText) -> types.Diagnostic:
    return types.Diagnostic(
        range=finding_range(finding, lines),
        message=finding.message,
        severity=SEVERITIES[finding.severity],
        code=finding.code,
        source=SOURCE,
        data={"symbol": finding.symbol, "line": finding.line, "col": finding.col},
    )


def edit_to_lsp(edit: Edit, lines: LineText) -> types.TextEdit:
    return types.TextEdit(
        range=types.Range(start=lines.from_chars(*edit.start), end=lines.from_chars(*edit.end)),
        new_text=edit.text,
    )
