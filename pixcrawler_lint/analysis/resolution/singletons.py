"""Module-level singletons: ``project_service = ProjectService()`` in one module, imported and
called in another (``from app.services.project import project_service``, or
``project_module.project_service``).

A module-level name resolves only when the module binds it exactly once: a name rebound (a
second assignment, a ``global`` rebinding in a function, a conditional import) is not certain.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from astroid import nodes

from pixcrawler_lint.analysis.origins import import_origin
from pixcrawler_lint.analysis.resolution.guards import ERRORS
from pixcrawler_lint.analysis.resolution.members import is_project_module
from pixcrawler_lint.analysis.resolution.module_imports import submodule
from pixcrawler_lint.analysis.resolution.type_annotations import annotation_class

if TYPE_CHECKING:
    from pixcrawler_lint.analysis.resolution.resolver import Resolver

__all__ = ["imported_name_class", "module_name_class"]


def module_name_class(module: nodes.Module, name: str, resolver: Resolver, depth: int) -> nodes.ClassDef | None:
    """The class of the module-level value ``module.<name>``, when bound exactly once."""
    return resolver.remembered("singleton", module, name, lambda: _bound_once(module, name, resolver, depth))


def _bound_once(module: nodes.Module, name: str, resolver: Resolver, depth: int) -> nodes.ClassDef | None:
    bindings = module.locals.get(name, [])
    if len(bindings) != 1:
        return None
    binding = bindings[0]
    if isinstance(binding, (nodes.ImportFrom, nodes.Import)):
        return imported_name_class(binding, name, resolver, depth + 1)
    if not isinstance(binding, nodes.AssignName):
        return None  # a class, a function, a loop target: not an instance
    parent = binding.parent
    if isinstance(parent, nodes.AnnAssign) and parent.target is binding:
        return annotation_class(parent.annotation)
    if isinstance(parent, nodes.Assign) and parent.targets == [binding]:
        return resolver.expression(parent.value, depth + 1)
    return None


def imported_name_class(
    statement: nodes.ImportFrom | nodes.Import, local: str, resolver: Resolver, depth: int
) -> nodes.ClassDef | None:
    """The class of the singleton ``from m import local`` binds (a project module's value)."""
    if not isinstance(statement, nodes.ImportFrom) or import_origin(statement, local) is not None:
        return None  # ``import m`` binds a module; a library's value is not built
    try:
        real = statement.real_name(local)
        module = statement.do_import_module(statement.modname)
    except ERRORS:
        return None
    if not isinstance(module, nodes.Module) or not is_project_module(module):
        return None
    if real not in module.locals and submodule(statement, module, real) is not None:
        return None  # ``from pkg import module``: a module, not an instance
    return module_name_class(module, real, resolver, depth + 1)
