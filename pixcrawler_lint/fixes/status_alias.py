"""PXL205 (import the status module under ``status-alias``) and PXL204 (read it through the alias).

PXL205 rewrites the import and every read that resolves to it (scope analysis: a parameter or
local called ``status`` is never touched). PXL204 rewrites one ``status.HTTP_*`` read; where the
alias itself is shadowed it reads ``fastapi.status.HTTP_*`` instead.
"""

from __future__ import annotations

from collections.abc import Sequence

import libcst as cst
from libcst.metadata import Access, Assignment

from pixcrawler_lint.findings import Finding
from pixcrawler_lint.fixes.context import FixContext, dotted
from pixcrawler_lint.fixes.edits import Edit, Fix

__all__ = ["fix_unaliased_status_import", "fix_shadowed_status_module", "status_import_edit"]

_STATUS_PACKAGES = ("fastapi", "starlette")
_STATUS_MODULES = ("fastapi.status", "starlette.status")


def _is_status_alias(small: cst.BaseSmallStatement, alias: cst.ImportAlias) -> bool:
    if isinstance(small, cst.ImportFrom):
        return (not small.relative and dotted(small.module) in _STATUS_PACKAGES
                and dotted(alias.name) == "status")
    return dotted(alias.name) in _STATUS_MODULES and alias.asname is not None


def _bound_name(alias: cst.ImportAlias) -> str:
    if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
        return alias.asname.name.value
    return dotted(alias.name).rsplit(".", 1)[-1]


def _binds_status_module(ctx: FixContext, node: cst.CSTNode, name: str) -> bool:
    if not isinstance(node, (cst.Import, cst.ImportFrom)) or isinstance(node.names, cst.ImportStar):
        return False
    return any(_is_status_alias(node, alias) and _bound_name(alias) == name for alias in node.names)


def status_import_edit(ctx: FixContext) -> Edit | None:
    """The import of the status module under the alias, or None when the module already has it.

    Raises LookupError when the alias is bound at module level to something else."""
    alias = ctx.config.status_alias
    bindings = ctx.global_bindings(alias)
    if not bindings:
        return ctx.ensure_import(f"from fastapi import status as {alias}", near_module="fastapi")
    if all(_binds_status_module(ctx, node, alias) for node in bindings):
        return None
    raise LookupError(alias)


def _http_read(ctx: FixContext, name: cst.Name) -> bool:
    parent = ctx.parents.get(name)
    return isinstance(parent, cst.Attribute) and parent.value is name and parent.attr.value.startswith("HTTP_")


def _rename_reads(ctx: FixContext, assignment: Assignment, alias: str) -> list[Edit] | None:
    """Rename every read of ``assignment`` to ``alias``; None when one cannot be renamed safely."""
    edits = []
    for access in assignment.references:
        node = access.node
        if not isinstance(node, cst.Name):
            return None
        if not _resolves_only_to_status(ctx, access) and not _http_read(ctx, node):
            return None
        if ctx.bound_below_global(node, alias):
            return None
        edits.append(ctx.replace(node, alias))
    return edits


def _resolves_only_to_status(ctx: FixContext, access: Access) -> bool:
    return all(isinstance(referent, Assignment) and isinstance(referent.node, (cst.Import, cst.ImportFrom))
               and _binds_status_module(ctx, referent.node, referent.name) for referent in access.referents)


def _statement_line(ctx: FixContext, small: cst.CSTNode) -> cst.SimpleStatementLine | None:
    parent = ctx.parents.get(small)
    if isinstance(parent, cst.SimpleStatementLine) and ctx.parents.get(parent) is ctx.module:
        return parent
    return None


def _without(small: cst.Import | cst.ImportFrom, dropped: list[cst.ImportAlias]) -> cst.Import | cst.ImportFrom | None:
    assert not isinstance(small.names, cst.ImportStar)
    kept = [alias for alias in small.names if alias not in dropped]
    if not kept:
        return None
    # The new last name ends as the old last did (trailing comma in a parenthesised list, or none).
    kept[-1] = kept[-1].with_changes(comma=small.names[-1].comma)
    return small.with_changes(names=kept)


def fix_unaliased_status_import(ctx: FixContext, findings: Sequence[Finding]) -> list[Fix]:
    alias = ctx.config.status_alias
    fixes: list[Fix] = []
    for finding in findings:
        smalls: list[cst.Import | cst.ImportFrom] = [
            node for node in ctx.nodes_on_line(finding.line, cst.Import)
        ] + [node for node in ctx.nodes_on_line(finding.line, cst.ImportFrom)]
        if len(smalls) != 1:
            continue
        small = smalls[0]
        line = _statement_line(ctx, small)
        if line is None or isinstance(small.names, cst.ImportStar):
            continue
        try:
            added = status_import_edit(ctx)
        except LookupError:
            continue
        dropped = [a for a in small.names if _is_status_alias(small, a) and _bound_name(a) != alias]
        edits: list[Edit] | None = [added] if added is not None else []
        for import_alias in dropped:
            name = _bound_name(import_alias)
            assignments = [a for a in ctx.global_scope.assignments[name]
                           if isinstance(a, Assignment) and a.node is small]
            for assignment in assignments:
                renamed = _rename_reads(ctx, assignment, alias) if isinstance(assignment, Assignment) else None
                if renamed is None or edits is None:
                    edits = None
                    break
                edits += renamed
        if edits is None or not dropped:
            continue
        rest = _without(small, dropped)
        if rest is None:
            if len(line.body) != 1:
                continue
            edits.append(ctx.delete_line(line))
        else:
            edits.append(ctx.replace(small, ctx.code(rest)))
        fixes.append(Fix(finding, f"Import the status module as {alias}", tuple(edits)))
    return fixes


def fix_shadowed_status_module(ctx: FixContext, findings: Sequence[Finding]) -> list[Fix]:
    alias = ctx.config.status_alias
    fixes: list[Fix] = []
    for finding in findings:
        reads = [node for node in ctx.node_at(finding, cst.Attribute) if isinstance(node.value, cst.Name)]
        if not reads:
            continue
        name = reads[0].value
        assert isinstance(name, cst.Name)
        edit: Edit | None
        if name.value != alias and not ctx.bound_below_global(name, alias):
            try:
                edit = status_import_edit(ctx)
            except LookupError:
                continue
            edits = [ctx.replace(name, alias)] + ([edit] if edit is not None else [])
            title = f"Read {alias}.{reads[0].attr.value}"
        else:
            # The alias itself is shadowed here: the module's full name still reaches it.
            if ctx.bound_below_global(name, "fastapi"):
                continue
            bindings = ctx.global_bindings("fastapi")
            if any(not isinstance(node, cst.Import) for node in bindings):
                continue
            imported = any(
                isinstance(node, cst.Import) and any(dotted(a.name) == "fastapi.status" and a.asname is None
                                                     for a in node.names)
                for node in bindings
            )
            edits = [ctx.replace(name, "fastapi.status")]
            if not imported:
                edits.append(ctx.ensure_import("import fastapi.status", near_module="fastapi"))
            title = f"Read fastapi.status.{reads[0].attr.value}"
        fixes.append(Fix(finding, title, tuple(edits)))
    return fixes
