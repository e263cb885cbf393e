"""The language server's pure parts: ``# noqa`` edits, position conversions, severities, the fix marker."""

from __future__ import annotations

import json

from lsprotocol import types

from pixcrawler_lint.cli.explain import rules_json, rules_table
from pixcrawler_lint.findings import Finding, Severity
from pixcrawler_lint.fixes.catalog import FIXABLE
from pixcrawler_lint.fixes.edits import Edit, apply_fixes, Fix
from pixcrawler_lint.server.noqa import noqa_edit
from pixcrawler_lint.server.positions import LineText, finding_range, to_diagnostic


def _finding(line: int, col: int = 0, code: str = "PXL502", severity: Severity = Severity.ERROR) -> Finding:
    return Finding("x.py", line, col, code, "column-called", "m", severity, line, col + 3)


def _apply(source: str, edit: Edit | None) -> str:
    assert edit is not None
    text, applied = apply_fixes(source, [Fix(_finding(1), "t", (edit,))])
    assert applied
    return text


def test_noqa_is_appended_or_extends_the_list() -> None:
    assert _apply("x = f()   \ny = 2\n", noqa_edit("x = f()   \ny = 2\n", _finding(1))) == (
        "x = f()  # noqa: PXL502\ny = 2\n")
    source = "x = f()  # noqa: PXL204\n"
    assert _apply(source, noqa_edit(source, _finding(1))) == "x = f()  # noqa: PXL204,PXL502\n"
    assert noqa_edit("x = f()  # noqa: PXL502\n", _finding(1)) is None


def test_noqa_goes_after_a_string_that_spans_lines() -> None:
    source = 'x = f("""a\nb""")\n'
    assert _apply(source, noqa_edit(source, _finding(1))) == 'x = f("""a\nb""")  # noqa: PXL502\n'


def test_columns_are_converted_to_utf16() -> None:
    lines = LineText('s = "é😀"; entry.created_at()\n')
    byte_col = len('s = "é😀"; '.encode("utf-8"))
    finding = Finding("x.py", 1, byte_col, "PXL502", "column-called", "m", Severity.ERROR, 1, byte_col + 18)
    where = finding_range(finding, lines)
    assert (where.start.line, where.start.character) == (0, len('s = "é') + 2 + len('"; '))
    assert lines.to_chars(where.start) == (1, len('s = "é😀"; '))
    assert lines.from_chars(1, len('s = "é😀"; ')) == where.start


def test_severities_map_to_lsp() -> None:
    lines = LineText("x = 1\n")
    assert to_diagnostic(_finding(1), lines).severity == types.DiagnosticSeverity.Error
    assert to_diagnostic(_finding(1, severity=Severity.WARNING), lines).severity == types.DiagnosticSeverity.Warning
    convention = to_diagnostic(_finding(1, severity=Severity.CONVENTION), lines)
    assert convention.severity == types.DiagnosticSeverity.Information
    assert convention.code == "PXL502" and convention.source == "pixcrawler-lint"


def test_rules_mark_the_fixable_ones() -> None:
    header, *body = rules_table().splitlines()
    column = header.split().index("fix")
    rows = {line.split()[0]: line.split()[column] for line in body}
    assert rows["PXL204"] == "safe" and rows["PXL207"] == "unsafe" and rows["PXL101"] == "-"
    by_code = {rule["code"]: rule["fix"] for rule in json.loads(rules_json())}
    assert {code for code, fix in by_code.items() if fix} == set(FIXABLE)
