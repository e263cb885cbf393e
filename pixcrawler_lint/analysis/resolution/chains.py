"""Chains of attributes: ``self.repository``, ``self.repos.households``, ``self.ctx.repo``,
``project_module.project_service``.

Each hop must resolve: ``self`` is the class under analysis, a module named by an import hands
over to :mod:`.singletons`, anything else is resolved first and its attribute then looked up
on the class it resolved to (:mod:`.attributes`, :mod:`.accessors`). A chain through an unknown
hop stays unresolved.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from astroid import nodes

from pixcrawler_lint.analysis.resolution.attributes import instance_attribute
from pixcrawler_lint.analysis.resolution.bindings import self_class
from pixcrawler_lint.analysis.resolution.module_imports import imported_module
from pixcrawler_lint.analysis.resolution.singletons import module_name_class

if TYPE_CHECKING:
    from pixcrawler_lint.analysis.resolution.resolver import Resolver

__all__ = ["attribute_class"]


def attribute_class(expr: nodes.Attribute, resolver: Resolver, depth: int) -> nodes.ClassDef | None:
    """The class of the value ``<expr.expr>.<expr.attrname>`` denotes."""
    base = expr.expr
    owner: nodes.ClassDef | None = self_class(base) if isinstance(base, nodes.Name) else None
    if owner is None:
        module = imported_module(base) if isinstance(base, (nodes.Name, nodes.Attribute)) else None
        if module is not None:
            return module_name_class(module, expr.attrname, resolver, depth + 1)
        owner = resolver.expression(base, depth + 1)
    if owner is None:
        return None
    return instance_attribute(owner, expr.attrname, resolver, depth + 1)
