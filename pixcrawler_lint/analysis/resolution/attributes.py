"""Attributes of instances: ``self.x = param``, ``self.x: X = ...``, ``self.x = X(...)``, a
class-level ``x: X`` (dataclass fields, and the dependencies of a class-based view:
``service: ProjectServiceDep`` on a ``@cbv(router)`` / ``@controller(router)`` class), and
``@property`` accessors (see :mod:`.accessors`).

Every definition of the attribute in the visible MRO must be known, and all must agree; a
``self.x = None`` placeholder beside known assignments is not a disagreement (the lazy
``if self._repo is None: self._repo = Repo(...)`` pattern).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from astroid import nodes

from pixcrawler_lint.analysis.resolution import accessors
from pixcrawler_lint.analysis.resolution.agreement import agreeing
from pixcrawler_lint.analysis.resolution.members import visible_mro
from pixcrawler_lint.analysis.resolution.type_annotations import annotation_class

if TYPE_CHECKING:
    from pixcrawler_lint.analysis.resolution.resolver import Resolver

__all__ = ["instance_attribute"]

_NOTHING = object()  # a ``self.x = None`` placeholder


def _is_none_placeholder(value: nodes.NodeNG | None) -> bool:
    return isinstance(value, nodes.Const) and value.value is None


def _class_level(
    definition: nodes.NodeNG, cls: nodes.ClassDef, resolver: Resolver, depth: int
) -> nodes.ClassDef | None | object:
    parent = definition.parent
    if isinstance(parent, nodes.AnnAssign) and parent.target is definition:
        return annotation_class(parent.annotation)
    if isinstance(definition, nodes.FunctionDef) and accessors.is_accessor(definition):
        return accessors.accessor_class(definition, cls, resolver, depth + 1)
    if accessors.is_accessor_part(definition):
        return _NOTHING  # ``@x.setter``: the getter says what ``x`` is
    return None  # a method or a class-level value: not an instance collaborator


def _assigned(definition: nodes.NodeNG, resolver: Resolver, depth: int) -> nodes.ClassDef | None | object:
    if isinstance(definition, nodes.Unknown):
        return _NOTHING  # astroid's dataclass brain mirrors a field here; the class-level ``x: X`` says what it is
    parent = definition.parent
    if isinstance(parent, nodes.AnnAssign) and parent.target is definition:
        return annotation_class(parent.annotation)
    if isinstance(parent, nodes.Assign) and len(parent.targets) == 1 and parent.targets[0] is definition:
        if _is_none_placeholder(parent.value):
            return _NOTHING
        return resolver.expression(parent.value, depth + 1)
    return None


def _candidates(cls: nodes.ClassDef, attr: str, resolver: Resolver, depth: int) -> nodes.ClassDef | None:
    found: list[nodes.ClassDef | None | object] = []
    for klass in visible_mro(cls):
        found.extend(_class_level(d, cls, resolver, depth) for d in klass.locals.get(attr, []))
        found.extend(_assigned(d, resolver, depth) for d in klass.instance_attrs.get(attr, []))
    known = [c for c in found if c is not _NOTHING]
    return agreeing([c if isinstance(c, nodes.ClassDef) else None for c in known])


def instance_attribute(cls: nodes.ClassDef, attr: str, resolver: Resolver, depth: int) -> nodes.ClassDef | None:
    """The class of ``<instance of cls>.<attr>``, memoised per class and attribute."""
    return resolver.remembered("attribute", cls, attr, lambda: _candidates(cls, attr, resolver, depth))
