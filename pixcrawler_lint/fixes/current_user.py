"""PXL207 (unsafe): annotate the current-user parameter with the types module's alias.

``current_user: Dict[str, Any] = Depends(get_current_user)`` → ``current_user: CurrentUser``
and ``from <types-module> import CurrentUser``. Unsafe: the body may still index the caller
like a dict (``current_user["user_id"]``), which the typed object does not support.
"""

from __future__ import annotations

import ast
from collections.abc import Sequence
from pathlib import Path

import libcst as cst

from pixcrawler_lint.config import Config
from pixcrawler_lint.findings import Finding
from pixcrawler_lint.fixes.context import FixContext, dotted
from pixcrawler_lint.fixes.edits import Edit, Fix
from pixcrawler_lint.modules import locate_module

__all__ = ["fix_untyped_current_user", "current_user_alias"]

_DEFAULT_ALIAS = "CurrentUser"


def _defines(file: Path, name: str) -> bool:
    try:
        tree = ast.parse(file.read_text(encoding="utf-8"))
    except (OSError, SyntaxError, ValueError, UnicodeDecodeError):
        return False
    for statement in tree.body:
        if isinstance(statement, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id == name for t in statement.targets):
            return True
        if isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name):
            if statement.target.id == name:
                return True
        if type(statement).__name__ == "TypeAlias" and getattr(getattr(statement, "name", None), "id", None) == name:
            return True
        if isinstance(statement, (ast.ImportFrom, ast.Import)) and any(
                (alias.asname or alias.name) == name for alias in statement.names):
            return True
        if isinstance(statement, ast.ClassDef) and statement.name == name:
            return True
    return False


def current_user_alias(path: str, config: Config) -> tuple[str, str] | None:
    """(types module, alias name) of the configured current-user alias that exists on disk."""
    name = str(getattr(config, "current_user_alias", _DEFAULT_ALIAS))
    root = locate_module(path).root
    for module in config.types_modules:
        if "*" in module:
            continue
        base = root.joinpath(*module.split("."))
        for file in (base.with_suffix(".py"), base / "__init__.py"):
            if file.is_file() and _defines(file, name):
                return module, name
    return None


def _param_of(ctx: FixContext, finding: Finding) -> cst.Param | None:
    names = ctx.node_at(finding, cst.Name)
    for name in names:
        parent = ctx.parents.get(name)
        if isinstance(parent, cst.Param) and parent.name is name:
            return parent
    return None


def _is_depends(expr: cst.BaseExpression | None) -> bool:
    return isinstance(expr, cst.Call) and dotted(expr.func).rsplit(".", 1)[-1] == "Depends"


def _import_edit(ctx: FixContext, module: str, name: str) -> Edit:
    """Add ``name`` to the module's ``from <module> import ...`` line, or a line of its own."""
    for line in ctx.top_imports():
        for small in line.body:
            if (isinstance(small, cst.ImportFrom) and not small.relative and dotted(small.module) == module
                    and not isinstance(small.names, cst.ImportStar) and small.lpar is None and len(line.body) == 1):
                names = [alias for alias in small.names]
                spelled = [ctx.code(alias.name) for alias in names]
                position = sum(1 for existing in spelled if existing.lower() < name.lower()) \
                    if spelled == sorted(spelled, key=str.lower) else len(names)
                new = cst.ImportAlias(name=cst.Name(name))
                names = [alias.with_changes(comma=cst.MaybeSentinel.DEFAULT) for alias in names]
                names.insert(position, new)
                parts = [ctx.code(alias).strip().rstrip(",").strip() for alias in names]
                return ctx.replace(small, f"from {module} import " + ", ".join(parts))
    return ctx.ensure_import(f"from {module} import {name}", near_module=module)


def fix_untyped_current_user(ctx: FixContext, findings: Sequence[Finding]) -> list[Fix]:
    found = current_user_alias(ctx.path, ctx.config)
    if found is None:
        return []
    module, alias = found
    if locate_module(ctx.path).modname == module:
        return []
    bindings = ctx.global_bindings(alias)
    imported = any(isinstance(node, cst.ImportFrom) and dotted(node.module) == module for node in bindings)
    if bindings and not imported:
        return []
    fixes = []
    for finding in findings:
        param = _param_of(ctx, finding)
        if param is None or param.star not in ("", cst.MaybeSentinel.DEFAULT):
            continue
        if param.default is not None and not _is_depends(param.default):
            continue
        parameters = ctx.parents.get(param)
        if not isinstance(parameters, cst.Parameters) or ctx.bound_below_global(param.name, alias):
            continue
        if param.default is not None and param in parameters.params:
            # Dropping the default must not leave a parameter without one after others with one.
            earlier = parameters.params[:parameters.params.index(param)]
            if any(p.default is not None for p in earlier) or parameters.posonly_params:
                continue
        last = param.default or param.annotation or param.name
        edits = [Edit(ctx.start(param.name), ctx.end(last), f"{param.name.value}: {alias}")]
        if not imported:
            edits.append(_import_edit(ctx, module, alias))
        fixes.append(Fix(finding, f"Annotate {param.name.value}: {alias}", tuple(edits)))
    return fixes
