"""Follow a name to the statement that defines it, across ``from x import y`` chains.

Endpoint rules need to know what an annotation such as ``ProjectServiceDep`` *is*: the
``Annotated[...]`` expression it was assigned in ``backend.api.types``, and which module that
is. Inference does not help here (it evaluates ``Annotated[...]`` away), so this follows the
bindings instead. Every helper returns ``None`` when the definition is not certain.
"""

from __future__ import annotations

from dataclasses import dataclass

from astroid import nodes
from astroid.exceptions import AstroidError

from pixcrawler_lint.analysis.inference import infer_one
from pixcrawler_lint.analysis.origins import import_origin, library_name

__all__ = ["Definition", "definition_of", "module_level_definition"]

_MAX_HOPS = 6
_LOOKUP_ERRORS = (
    AstroidError, RecursionError, AttributeError, TypeError, ValueError, KeyError, IndexError,
)


@dataclass(frozen=True)
class Definition:
    """``name`` is defined in ``module`` by ``statement``; ``value`` is what it was bound to.

    ``value`` is the right-hand side of an assignment, or the ``ClassDef``/``FunctionDef``
    itself for a ``class``/``def`` statement.
    """

    name: str
    module: nodes.Module
    statement: nodes.NodeNG
    value: nodes.NodeNG


def _from_binding(binding: nodes.NodeNG, name: str, hops: int) -> Definition | None:
    if hops > _MAX_HOPS:
        return None
    if isinstance(binding, (nodes.ClassDef, nodes.FunctionDef)):
        return Definition(name, binding.root(), binding, binding)
    if isinstance(binding, nodes.AssignName):
        parent = binding.parent
        if isinstance(parent, nodes.Assign) and parent.targets == [binding]:
            return Definition(name, binding.root(), parent, parent.value)
        annotated = isinstance(parent, nodes.AnnAssign) and parent.target is binding
        if annotated and parent.value is not None:
            return Definition(name, binding.root(), parent, parent.value)
        return None
    if isinstance(binding, nodes.ImportFrom):
        real_name = next((real for real, alias in binding.names if (alias or real) == name), None)
        if real_name is None or real_name == "*" or import_origin(binding, name) is not None:
            return None  # not found, or defined in a library: not followed (see analysis.origins)
        try:
            module = binding.do_import_module(binding.modname)
        except _LOOKUP_ERRORS:
            return None
        return module_level_definition(module, real_name, hops + 1)
    return None


def module_level_definition(module: nodes.Module, name: str, hops: int = 0) -> Definition | None:
    """The single module-level binding of ``name`` in ``module``, followed through imports."""
    try:
        bindings = module.locals.get(name, [])
    except _LOOKUP_ERRORS:
        return None
    if len(bindings) != 1:
        return None
    return _from_binding(bindings[0], name, hops)


def definition_of(expr: nodes.NodeNG) -> Definition | None:
    """Where the name ``expr`` (``Alias`` or ``module.Alias``) was defined, if certain."""
    if isinstance(expr, nodes.Name):
        try:
            _, bindings = expr.lookup(expr.name)
        except _LOOKUP_ERRORS:
            return None
        if len(bindings) != 1:
            return None
        return _from_binding(bindings[0], expr.name, 0)
    if isinstance(expr, nodes.Attribute):
        if library_name(expr) is not None:
            return None
        owner = infer_one(expr.expr)
        if isinstance(owner, nodes.Module):
            return module_level_definition(owner, expr.attrname)
    return None
