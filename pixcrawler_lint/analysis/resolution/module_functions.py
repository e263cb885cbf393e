"""Module-level functions of the project called through their module or a direct import:
``crud.create_item(session=s, item_in=x)``, ``from app.crud import create_item``,
``project_service.get(db_session=...)`` after ``from dispatch.project import service as
project_service``.

:func:`module_function` finds the ``def`` (followed through imports, never into a library);
:func:`is_layer_function` tells whether it belongs to the services or repositories layer (by
the configured layers, or by the conventional module names ``crud``, ``service(s)``,
``repository``/``repositories``).
"""

from __future__ import annotations

from astroid import nodes

from pixcrawler_lint.analysis.name_definitions import definition_of, module_level_definition
from pixcrawler_lint.analysis.resolution.members import is_project_class
from pixcrawler_lint.analysis.resolution.module_imports import imported_module
from pixcrawler_lint.architecture.layer import Layer
from pixcrawler_lint.architecture.model import Architecture

__all__ = ["is_layer_function", "module_function"]

_LAYER_MODULE_NAMES = frozenset({"crud", "service", "services", "repository", "repositories", "repo", "repos"})
_LAYER_MODULE_SUFFIXES = ("_service", "_services", "_repository", "_repositories", "_crud", "_repo")


def module_function(func: nodes.NodeNG) -> nodes.FunctionDef | None:
    """The project's module-level ``def`` that ``func`` (``name`` or ``module.name``) calls."""
    definition = None
    if isinstance(func, nodes.Attribute):
        module = imported_module(func.expr)
        definition = module_level_definition(module, func.attrname) if module is not None else None
    elif isinstance(func, nodes.Name):
        definition = definition_of(func)
    if definition is None:
        return None
    function = definition.value
    if not isinstance(function, nodes.FunctionDef) or not isinstance(function.parent, nodes.Module):
        return None
    return function if is_project_class(function) else None


def is_layer_function(function: nodes.FunctionDef, architecture: Architecture) -> bool:
    """True when ``function``'s module is in the services or repositories layer."""
    modname = function.root().name
    if architecture.layer_of(modname) in (Layer.SERVICES, Layer.REPOSITORIES):
        return True
    last = modname.rsplit(".", 1)[-1]
    return last in _LAYER_MODULE_NAMES or last.endswith(_LAYER_MODULE_SUFFIXES)
