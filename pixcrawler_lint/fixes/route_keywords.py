"""PXL201 (``operation_id=``), PXL203 (``summary=``) and PXL210 (``status_code=``): add the keyword
the message suggests to the route's decorator, in the call's own layout."""

from __future__ import annotations

import re
from collections.abc import Sequence

import libcst as cst

from pixcrawler_lint.findings import Finding
from pixcrawler_lint.fixes.context import FixContext, dotted, keyword_names
from pixcrawler_lint.fixes.edits import Edit, Fix
from pixcrawler_lint.fixes.status_alias import status_import_edit
from pixcrawler_lint.modules import locate_module

__all__ = ["fix_missing_operation_id", "fix_missing_route_summary", "fix_missing_status_code", "add_keyword"]

_MAX_LINE = 100  # a longer decorator line is laid out one argument per line
_DECORATOR = re.compile(r"to @(?P<decorator>[\w.]+)\(\.\.\.\)")
_SUGGESTED = re.compile(r'add (?P<keyword>\w+)="(?P<value>[^"]*)"')
_ANY_SUGGESTED = re.compile(r'add (?P<text>\w+=(?:"[^"]*"|[\w.]+))')
_ROUTE_KEYWORD_CODES = ("PXL201", "PXL203", "PXL210")


def _route_call(ctx: FixContext, finding: Finding) -> cst.Call | None:
    """The decorator call named in the message, on the function the finding is about."""
    match = _DECORATOR.search(finding.message)
    functions = ctx.nodes_on_line(finding.line, cst.FunctionDef)
    if match is None or len(functions) != 1:
        return None
    for decorator in functions[0].decorators:
        call = decorator.decorator
        if isinstance(call, cst.Call) and dotted(call.func) == match.group("decorator"):
            return call
    return None


def _others_pending(ctx: FixContext, finding: Finding | None) -> int:
    """Characters the other route-keyword fixes of the same route will add to its decorator."""
    if finding is None:
        return 0
    total = 0
    for other in ctx.findings:
        if other.line == finding.line and other.code in _ROUTE_KEYWORD_CODES and other.code != finding.code:
            match = _ANY_SUGGESTED.search(other.message)
            total += len(match.group("text")) + 2 if match else 0
    return total


def _indent_of(ctx: FixContext, line: int) -> str:
    text = ctx.line_text(line)
    return text[:len(text) - len(text.lstrip())]


def add_keyword(ctx: FixContext, call: cst.Call, keyword: str, value: str, finding: Finding | None = None) -> Edit:
    """Insert ``keyword=value`` as the call's last argument, following its layout."""
    rpar = ctx.end(call)[0], ctx.end(call)[1] - 1
    text = f"{keyword}={value}"
    if not call.args:
        return Edit(rpar, rpar, text)
    last = call.args[-1]
    multi_line = ctx.start(last)[0] != ctx.start(call)[0] or ctx.start(last)[0] != rpar[0]
    indent = _indent_of(ctx, ctx.start(last)[0])
    closing_alone = ctx.line_text(rpar[0])[:rpar[1]].strip() == ""
    if isinstance(last.comma, cst.Comma):
        if multi_line and closing_alone:
            return Edit((rpar[0], 0), (rpar[0], 0), f"{indent}{text},\n")
        spacer = "" if ctx.line_text(rpar[0])[rpar[1] - 1:rpar[1]] == " " else " "
        return Edit(rpar, rpar, f"{spacer}{text}")
    after_value = ctx.end(last.value)
    if multi_line and closing_alone:
        return Edit(after_value, after_value, f",\n{indent}{text}")
    if not multi_line and len(ctx.line_text(rpar[0])) + len(text) + 2 + _others_pending(ctx, finding) > _MAX_LINE:
        return _one_per_line(ctx, call, text)
    return Edit(after_value, after_value, f", {text}")


def _one_per_line(ctx: FixContext, call: cst.Call, text: str) -> Edit:
    """``f(a, b)`` → ``f(\n    a,\n    b,\n    text,\n)``, indented from the call's line."""
    line = ctx.line_text(ctx.start(call)[0])
    base = line[:len(line) - len(line.lstrip())]
    parts = [ctx.code(arg.with_changes(comma=cst.MaybeSentinel.DEFAULT)).strip() for arg in call.args]
    body = "".join(f"{base}    {part},\n" for part in [*parts, text])
    lpar = ctx.start(call.args[0])
    rpar = ctx.end(call)[0], ctx.end(call)[1] - 1
    return Edit(lpar, rpar, f"\n{body}{base}")


def _keyword_fix(ctx: FixContext, finding: Finding, keyword: str, value: str, extra: Sequence[Edit] = ()) -> Fix | None:
    call = _route_call(ctx, finding)
    if call is None or keyword in keyword_names(call) or any(arg.star == "**" for arg in call.args):
        return None
    return Fix(finding, f"Add {keyword}={value}", (add_keyword(ctx, call, keyword, value, finding), *extra))


def fix_missing_operation_id(ctx: FixContext, findings: Sequence[Finding]) -> list[Fix]:
    fixes = []
    taken = ctx.names.operation_ids(locate_module(ctx.path).root, ctx.path, ctx.source)
    for finding in findings:
        match = _SUGGESTED.search(finding.message)
        if match is None:
            continue
        base = match.group("value")
        value, number = base, 2
        while value in taken:
            value, number = f"{base}{number}", number + 1
        fix = _keyword_fix(ctx, finding, "operation_id", f'"{value}"')
        if fix is not None:
            taken.add(value)  # two routes of this file are offered two names
            fixes.append(fix)
    return fixes


def fix_missing_route_summary(ctx: FixContext, findings: Sequence[Finding]) -> list[Fix]:
    fixes = []
    for finding in findings:
        match = _SUGGESTED.search(finding.message)
        fix = _keyword_fix(ctx, finding, "summary", f'"{match.group("value")}"') if match else None
        if fix is not None:
            fixes.append(fix)
    return fixes


def fix_missing_status_code(ctx: FixContext, findings: Sequence[Finding]) -> list[Fix]:
    alias = ctx.config.status_alias
    fixes = []
    for finding in findings:
        try:
            added = status_import_edit(ctx)
        except LookupError:
            continue
        # an action (login, cancel_...) answers 200 written out; anything else 201, as suggested
        code = "HTTP_200_OK" if "(an action creates nothing)" in finding.message else "HTTP_201_CREATED"
        fix = _keyword_fix(ctx, finding, "status_code", f"{alias}.{code}",
                           [added] if added is not None else [])
        if fix is not None:
            fixes.append(fix)
    return fixes
