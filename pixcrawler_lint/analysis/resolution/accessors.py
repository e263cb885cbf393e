"""``@property`` and ``functools.cached_property`` accessors.

``self.dataset_repo`` where the class defines ``@property def dataset_repo(self) ->
DatasetRepository`` resolves by the return annotation (TypeVars of generic bases substituted);
without an annotation, by what every ``return`` gives back (``return self._dataset_repo``).
A property without annotation returning a dict, or anything unknown, stays unresolved.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from astroid import nodes

from pixcrawler_lint.analysis.classes import syntactic_base_name
from pixcrawler_lint.analysis.resolution.agreement import agreeing
from pixcrawler_lint.analysis.resolution.guards import ERRORS
from pixcrawler_lint.analysis.resolution.returns import annotated_return

if TYPE_CHECKING:
    from pixcrawler_lint.analysis.resolution.resolver import Resolver

__all__ = ["accessor_class", "is_accessor", "is_accessor_part", "returned_values"]

_ACCESSORS = frozenset({"property", "cached_property"})
_ACCESSOR_PARTS = frozenset({"setter", "deleter", "getter"})


def _decorators(function: nodes.NodeNG) -> list[nodes.NodeNG]:
    decorators = getattr(function, "decorators", None)
    return list(decorators.nodes) if decorators is not None else []


def is_accessor(function: nodes.FunctionDef) -> bool:
    """``@property`` / ``@cached_property`` / ``@functools.cached_property`` (spelled, not inferred)."""
    return any(
        isinstance(d, (nodes.Name, nodes.Attribute)) and syntactic_base_name(d) in _ACCESSORS
        for d in _decorators(function)
    )


def is_accessor_part(definition: nodes.NodeNG) -> bool:
    """``@name.setter`` / ``@name.deleter``: a part of a property defined elsewhere in the class."""
    return isinstance(definition, nodes.FunctionDef) and any(
        isinstance(d, nodes.Attribute) and d.attrname in _ACCESSOR_PARTS for d in _decorators(definition)
    )


def returned_values(function: nodes.FunctionDef) -> list[nodes.NodeNG] | None:
    """The value of every ``return`` of ``function`` itself (not of nested functions); ``None``
    when one returns nothing, or the function is a generator or has no ``return``."""
    try:
        if function.is_generator():
            return None
        returns = [r for r in function.nodes_of_class(nodes.Return) if r.scope() is function]
    except ERRORS:
        return None
    if not returns or any(r.value is None for r in returns):
        return None
    return [r.value for r in returns]


def accessor_class(
    function: nodes.FunctionDef, cls: nodes.ClassDef, resolver: Resolver, depth: int
) -> nodes.ClassDef | None:
    """The class the accessor ``function`` gives for instances of ``cls``."""
    if function.returns is not None:
        return annotated_return(function, cls)
    values = returned_values(function)
    if values is None:
        return None
    return agreeing([resolver.expression(value, depth + 1) for value in values])
