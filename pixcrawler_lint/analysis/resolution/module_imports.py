"""Project modules named by an import: ``crud`` after ``from app import crud``,
``project_service`` after ``from dispatch.project import service as project_service``.

Only imports are followed (no inference), and a library module is never built: the answer is
``None`` for anything an import of a library binds.
"""

from __future__ import annotations

from astroid import nodes

from pixcrawler_lint.analysis.origins import import_origin
from pixcrawler_lint.analysis.resolution.guards import ERRORS
from pixcrawler_lint.analysis.resolution.members import is_project_module

__all__ = ["imported_module", "submodule"]


def _project(module: nodes.NodeNG | None) -> nodes.Module | None:
    return module if isinstance(module, nodes.Module) and is_project_module(module) else None


def submodule(statement: nodes.NodeNG, package: nodes.Module, name: str) -> nodes.Module | None:
    """``package.name`` when it is a module of the project (not a name defined in the package)."""
    if name in package.locals or not package.package:
        return None
    try:
        return _project(statement.do_import_module(f"{package.name}.{name}"))
    except ERRORS:
        return None


def _module_bound_by(statement: nodes.NodeNG, local: str) -> nodes.Module | None:
    if import_origin(statement, local) is not None:
        return None  # a library: named, not built
    try:
        if isinstance(statement, nodes.Import):
            for dotted, alias in statement.names:
                if alias == local:
                    return _project(statement.do_import_module(dotted))
                if alias is None and dotted.split(".")[0] == local:
                    return _project(statement.do_import_module(local))
            return None
        if isinstance(statement, nodes.ImportFrom):
            real = statement.real_name(local)
            package = _project(statement.do_import_module(statement.modname))
            return submodule(statement, package, real) if package is not None else None
    except ERRORS:
        return None
    return None


def imported_module(expr: nodes.NodeNG) -> nodes.Module | None:
    """The project module ``expr`` (a name, or ``package.module``) denotes through imports."""
    if isinstance(expr, nodes.Attribute):
        package = imported_module(expr.expr)
        return submodule(expr, package, expr.attrname) if package is not None else None
    if not isinstance(expr, nodes.Name):
        return None
    try:
        _, bindings = expr.lookup(expr.name)
    except ERRORS:
        return None
    if len(bindings) != 1 or not isinstance(bindings[0], (nodes.Import, nodes.ImportFrom)):
        return None
    return _module_bound_by(bindings[0], expr.name)
