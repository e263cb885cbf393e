"""Every import of a module, with the absolute name of what it imports.

One :class:`ModuleImport` per imported name of every ``import`` / ``from … import``
statement, anywhere in the module (module level, function bodies, ``if TYPE_CHECKING:``).

``module`` is the absolute dotted name the import reaches:

- ``import a.b`` and ``import a.b as c`` → ``a.b``;
- ``from a import b`` → ``a.b``. From the syntax alone ``b`` may be the submodule ``a.b`` or a
  name defined in ``a``; both live inside ``a``'s package tree, so the joined name is right for
  prefix matching against a layer map or a package list (``from backend import services``
  imports ``backend.services``; ``from urllib import request`` imports ``urllib.request``).
  ``from a import *`` → ``a``;
- relative imports are resolved against the module's own dotted name
  (``from ..services import x`` in ``backend.api.v1`` → ``backend.services.x``); one that
  climbs above the top package cannot be resolved and is left out;
- an absolute import under an import root (``from services.activity import X`` in a project
  run from ``backend/``, see :func:`pixcrawler_lint.modules.import_root_prefix`) is named as
  the module it reaches: ``backend.services.activity.X``.

``source`` is the module named after ``from`` (absolute), or ``module`` for plain imports.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeAlias

from astroid import nodes

from pixcrawler_lint.context import ModuleContext
from pixcrawler_lint.modules import rooted_name

__all__ = ["ModuleImport", "find_imports", "imports_of", "resolve_relative"]

ImportStatement: TypeAlias = "nodes.Import | nodes.ImportFrom"


@dataclass(frozen=True)
class ModuleImport:
    """One imported name of one import statement."""

    node: ImportStatement  # the statement: report findings on it
    module: str  # absolute dotted name imported (see the module docstring)
    source: str  # the module after `from` (absolute); == module for `import a.b`
    name: str | None  # the name after `import` in `from a import name`; None for `import a.b`
    bound_as: str | None  # the local name bound (`c` in `import a.b as c`, `a` in `import a.b`); None for `*`
    type_checking: bool  # inside the body of `if TYPE_CHECKING:` / `if typing.TYPE_CHECKING:`
    in_function: bool  # inside a function (or lambda) body rather than at import time


def resolve_relative(modname: str, is_package: bool, level: int, relative: str) -> str | None:
    """The absolute name of ``from <level dots><relative> import …`` in module ``modname``.

    ``None`` when the dots climb above the top-level package.
    """
    parts = modname.split(".")
    package = parts if is_package else parts[:-1]
    keep = len(package) - (level - 1)
    if keep <= 0:
        return None
    base = package[:keep]
    return ".".join(base + ([relative] if relative else []))


def _is_type_checking_test(test: nodes.NodeNG) -> bool:
    if isinstance(test, nodes.Name):
        return bool(test.name == "TYPE_CHECKING")
    if isinstance(test, nodes.Attribute):
        return bool(test.attrname == "TYPE_CHECKING")
    return False


def _placement(node: ImportStatement) -> tuple[bool, bool]:
    """(under `if TYPE_CHECKING:`, inside a function), from the node's ancestors."""
    type_checking = in_function = False
    child: nodes.NodeNG = node
    parent = node.parent
    while parent is not None and not isinstance(parent, nodes.Module):
        if isinstance(parent, nodes.If) and child in parent.body and _is_type_checking_test(parent.test):
            type_checking = True
        if isinstance(parent, (nodes.FunctionDef, nodes.AsyncFunctionDef, nodes.Lambda)):
            in_function = True
        child, parent = parent, parent.parent
    return type_checking, in_function


def _from_imports(node: nodes.ImportFrom, module: nodes.Module, flags: tuple[bool, bool]) -> list[ModuleImport]:
    level = node.level or 0
    if level:
        source = resolve_relative(module.name, bool(module.package), level, node.modname or "")
        if source is None:
            return []
    else:
        source = rooted_name(node.modname, module.file)
    found = []
    for name, alias in node.names:
        if name == "*":
            found.append(ModuleImport(node, source, source, name, None, *flags))
        else:
            found.append(ModuleImport(node, f"{source}.{name}", source, name, alias or name, *flags))
    return found


def imports_of(module: nodes.Module, statements: list[ImportStatement] | None = None) -> list[ModuleImport]:
    """Every import of ``module`` in source order (``statements``: the import nodes, if known)."""
    if statements is None:
        statements = [n for n in module.nodes_of_class((nodes.Import, nodes.ImportFrom))]
    found: list[ModuleImport] = []
    for statement in sorted(statements, key=lambda n: (n.fromlineno or 0, n.col_offset or 0)):
        flags = _placement(statement)
        if isinstance(statement, nodes.ImportFrom):
            found.extend(_from_imports(statement, module, flags))
            continue
        for dotted, alias in statement.names:
            rooted = rooted_name(dotted, module.file)
            found.append(ModuleImport(statement, rooted, rooted, None, alias or dotted.split(".")[0], *flags))
    return found


def find_imports(ctx: ModuleContext) -> list[ModuleImport]:
    """Every import of the module under analysis, computed once per module."""

    def compute() -> list[ModuleImport]:
        statements: list[ImportStatement] = [*ctx.nodes_of(nodes.Import), *ctx.nodes_of(nodes.ImportFrom)]
        return imports_of(ctx.module, statements)

    return ctx.cached("imports", compute)
