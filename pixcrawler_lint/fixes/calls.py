"""PXL401 (``create(data)`` → ``create(**data)``, a dict literal → keywords), PXL502 (drop the
call of a column) and PXL403 (call the one method the message names: unsafe)."""

from __future__ import annotations

import keyword
import re
from collections.abc import Sequence

import libcst as cst

from pixcrawler_lint.findings import Finding
from pixcrawler_lint.fixes.context import FixContext
from pixcrawler_lint.fixes.edits import Edit, Fix

__all__ = ["fix_repository_create_positional", "fix_column_called", "fix_unknown_collaborator_method"]

_COLUMN = re.compile(r"^(?P<column>\w+) is a mapped column of ")
_CERTAIN_METHOD = re.compile(r"has no method (?P<method>\w+)\(\): use .+\.(?P<suggestion>\w+)\(\.\.\.\)$")


def _call_of(ctx: FixContext, finding: Finding, method: str | None = None) -> cst.Call | None:
    for call in ctx.node_at(finding, cst.Call):
        if isinstance(call.func, cst.Attribute) and (method is None or call.func.attr.value == method):
            return call
    return None


def _as_keywords(ctx: FixContext, expr: cst.BaseExpression) -> str | None:
    """``{"name": x, "size": 2}`` → ``name=x, size=2`` (identifier string keys only)."""
    if not isinstance(expr, cst.Dict) or not expr.elements:
        return None
    parts = []
    for element in expr.elements:
        if not isinstance(element, cst.DictElement) or not isinstance(element.key, cst.SimpleString):
            return None
        key = element.key.evaluated_value
        if not isinstance(key, str) or not key.isidentifier() or keyword.iskeyword(key):
            return None
        parts.append(f"{key}={ctx.code(element.value).strip()}")
    if len(set(parts)) != len(parts) or len({p.split("=", 1)[0] for p in parts}) != len(parts):
        return None
    return ", ".join(parts)


def fix_repository_create_positional(ctx: FixContext, findings: Sequence[Finding]) -> list[Fix]:
    fixes = []
    for finding in findings:
        call = _call_of(ctx, finding, "create")
        if call is None:
            continue
        positional = [arg for arg in call.args if arg.keyword is None and not arg.star]
        if len(positional) != 1 or any(arg.star for arg in call.args):
            continue
        arg = positional[0]
        keywords = _as_keywords(ctx, arg.value)
        if keywords is not None:
            taken = {a.keyword.value for a in call.args if a.keyword is not None}
            if taken & {part.split("=", 1)[0] for part in keywords.split(", ")}:
                continue
            edit = ctx.replace(arg.value, keywords)
            title = f"Pass create({keywords})"
        else:
            edit = Edit(ctx.start(arg.value), ctx.start(arg.value), "**")
            title = f"Pass create(**{ctx.code(arg.value).strip()})"
        fixes.append(Fix(finding, title, (edit,)))
    return fixes


def fix_column_called(ctx: FixContext, findings: Sequence[Finding]) -> list[Fix]:
    fixes = []
    for finding in findings:
        match = _COLUMN.search(finding.message)
        call = _call_of(ctx, finding, match.group("column")) if match else None
        if call is None or call.args:
            continue
        # Drop the parentheses (and anything between them): the column is read, not called.
        fixes.append(Fix(finding, f"Read {ctx.code(call.func)} without ()",
                         (Edit(ctx.end(call.func), ctx.end(call), ""),)))
    return fixes


def fix_unknown_collaborator_method(ctx: FixContext, findings: Sequence[Finding]) -> list[Fix]:
    fixes = []
    for finding in findings:
        match = _CERTAIN_METHOD.search(finding.message)
        call = _call_of(ctx, finding, match.group("method")) if match else None
        if call is None or match is None:
            continue
        assert isinstance(call.func, cst.Attribute)
        suggestion = match.group("suggestion")
        fixes.append(Fix(finding, f"Call {suggestion}() instead", (ctx.replace(call.func.attr, suggestion),)))
    return fixes
