"""Classmethod and staticmethod factories: ``ProductRepository.from_session(session)``.

The factory resolves by its return annotation (``-> Self``, ``-> "ProductRepository"``), or,
without one, when every ``return`` builds ``cls(...)`` (a classmethod) or another value that
resolves. ``Repo.from_session`` on a subclass of the class that defines it gives the subclass
for ``cls(...)`` and ``Self``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from astroid import nodes

from pixcrawler_lint.analysis.classes import syntactic_base_name
from pixcrawler_lint.analysis.name_definitions import definition_of
from pixcrawler_lint.analysis.resolution.accessors import returned_values
from pixcrawler_lint.analysis.resolution.agreement import agreeing
from pixcrawler_lint.analysis.resolution.members import is_project_class, lookup_member
from pixcrawler_lint.analysis.resolution.returns import annotated_return
from pixcrawler_lint.analysis.signatures import is_transparent_decorator

if TYPE_CHECKING:
    from pixcrawler_lint.analysis.resolution.resolver import Resolver

__all__ = ["NOT_A_FACTORY", "factory_class", "named_class"]

NOT_A_FACTORY = object()
_FACTORY_KINDS = frozenset({"classmethod", "staticmethod"})


def named_class(expr: nodes.NodeNG) -> nodes.ClassDef | None:
    """The project class ``expr`` names (``ProductRepository``, ``repositories.ProductRepository``)."""
    if not isinstance(expr, (nodes.Name, nodes.Attribute)):
        return None
    definition = definition_of(expr)
    if definition is None or not isinstance(definition.value, nodes.ClassDef):
        return None
    return definition.value if is_project_class(definition.value) else None


def _kind(function: nodes.FunctionDef) -> str | None:
    decorators = function.decorators.nodes if function.decorators else []
    kinds = {syntactic_base_name(d) for d in decorators} & _FACTORY_KINDS
    if len(kinds) != 1 or not all(is_transparent_decorator(d) for d in decorators):
        return None
    return kinds.pop()


def _is_self_annotation(annotation: nodes.NodeNG) -> bool:
    if isinstance(annotation, nodes.Const) and isinstance(annotation.value, str):
        return annotation.value.strip() == "Self"
    return isinstance(annotation, (nodes.Name, nodes.Attribute)) and syntactic_base_name(annotation) == "Self"


def _builds_cls(value: nodes.NodeNG, cls_name: str | None) -> bool:
    return (
        cls_name is not None and isinstance(value, nodes.Call)
        and isinstance(value.func, nodes.Name) and value.func.name == cls_name
    )


def factory_class(
    func: nodes.Attribute, resolver: Resolver, depth: int, *, awaited: bool
) -> nodes.ClassDef | None | object:
    """The class ``<Class>.<factory>(...)`` gives, ``None`` when not certain, or
    :data:`NOT_A_FACTORY` when ``func`` is not a method read on a project class."""
    cls = named_class(func.expr)
    if cls is None:
        return NOT_A_FACTORY
    function = lookup_member(cls, func.attrname).function
    if function is None:
        return None
    kind = _kind(function)
    if kind is None or isinstance(function, nodes.AsyncFunctionDef) is not awaited:
        return None
    if function.returns is not None:
        return cls if _is_self_annotation(function.returns) else annotated_return(function, cls)
    values = returned_values(function)
    if values is None:
        return None
    positional = [*(function.args.posonlyargs or []), *(function.args.args or [])]
    cls_name = positional[0].name if kind == "classmethod" and positional else None
    return agreeing([cls if _builds_cls(v, cls_name) else resolver.expression(v, depth + 1) for v in values])
