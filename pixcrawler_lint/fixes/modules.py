"""PXL604 (``__all__`` of the module's public names) and PXL501 (a column object instead of its name)."""

from __future__ import annotations

from collections.abc import Sequence

import libcst as cst

from pixcrawler_lint.findings import Finding
from pixcrawler_lint.fixes.context import FixContext
from pixcrawler_lint.fixes.edits import Edit, Fix

__all__ = ["fix_missing_dunder_all", "fix_string_column_in_index", "public_names"]

_MAX_LINE = 100


def _targets(statement: cst.BaseSmallStatement) -> list[str]:
    if isinstance(statement, cst.Assign):
        return [t.target.value for t in statement.targets if isinstance(t.target, cst.Name)]
    if isinstance(statement, cst.AnnAssign) and isinstance(statement.target, cst.Name):
        return [statement.target.value]
    return []


def public_names(module: cst.Module) -> list[str]:
    """Module-level classes, functions and assigned names not starting with ``_`` (imports excluded)."""
    names: list[str] = []
    for statement in module.body:
        if isinstance(statement, (cst.ClassDef, cst.FunctionDef)):
            names.append(statement.name.value)
        elif isinstance(statement, cst.SimpleStatementLine):
            for small in statement.body:
                names += _targets(small)
    return [name for name in dict.fromkeys(names) if not name.startswith("_")]


def _dunder_all(names: list[str]) -> str:
    one_line = "__all__ = [" + ", ".join(f'"{name}"' for name in names) + "]"
    if len(one_line) <= _MAX_LINE:
        return one_line
    return "__all__ = [\n" + "".join(f'    "{name}",\n' for name in names) + "]"


def fix_missing_dunder_all(ctx: FixContext, findings: Sequence[Finding]) -> list[Fix]:
    if not findings or ctx.global_bindings("__all__"):
        return []
    statement = _dunder_all(public_names(ctx.module))
    imports = ctx.top_imports()
    if imports:
        row = ctx.end(imports[-1])[0] + 1
        edit = Edit((row, 0), (row, 0), f"\n{statement}\n")
    else:
        edit = ctx.ensure_import(statement)
    return [Fix(findings[0], "Add __all__", (edit,))]


def _string_value(arg: cst.Arg) -> str | None:
    if arg.keyword is None and not arg.star and isinstance(arg.value, cst.SimpleString):
        value = arg.value.evaluated_value
        return value if isinstance(value, str) else None
    return None


def fix_string_column_in_index(ctx: FixContext, findings: Sequence[Finding]) -> list[Fix]:
    """Swap each string the message's suggestion spells as a name for that name."""
    fixes = []
    for finding in findings:
        calls = ctx.node_at(finding, cst.Call)
        _, _, suggested_text = finding.message.partition("pass the column object, ")
        if not calls or not suggested_text:
            continue
        try:
            suggested = cst.parse_expression(suggested_text)
        except cst.ParserSyntaxError:
            continue
        call = calls[0]
        if not isinstance(suggested, cst.Call) or len(suggested.args) != len(call.args):
            continue
        edits = []
        for original, wanted in zip(call.args, suggested.args):
            value = _string_value(original)
            if value is not None and isinstance(wanted.value, cst.Name) and wanted.keyword is None:
                edits.append(ctx.replace(original.value, wanted.value.value))
        if edits:
            fixes.append(Fix(finding, "Pass the column objects", tuple(edits)))
    return fixes
