"""Collaborators (SPEC "collaborator"): objects whose class is known from DI typing.

A collaborator is a parameter annotated with a class (``repo: ProjectRepository``,
``Optional[X]``, ``X | None``, ``Annotated[X, Depends(...)]`` or a named alias of those such as
``service: ProjectServiceDep`` imported from a types module), ``self.x`` assigned from such a
parameter (or annotated ``self.x: X = ...``, or a class-level ``x: X``), a local assigned from
a constructor call, and the shapes real backends reach them through: ``@property`` accessors,
multi-hop chains, module-level singletons, classmethod factories, helper returns (unpacked
too), class-based views. Every function here answers ``None`` when it cannot be sure, and
never raises.

This module is the entry point; each shape has its own resolver module in
:mod:`pixcrawler_lint.analysis.resolution` (named after the shape: ``accessors``, ``chains``,
``singletons``, ``factories``, ``helper_returns``, …).

Public API (stable, other rule families depend on it):

- :func:`annotation_class` — the class an annotation names (``element=True``: the element class
  of ``list[X]``/``Sequence[X]``/…, for iteration).
- :func:`collaborator_class` — the class of an expression such as ``self.repository``.
- :func:`lookup_member` — a class attribute through the MRO (incl. generic bases).
- :func:`annotated_return` — the class named by a method's return annotation, TypeVars of
  generic bases (``BaseRepository[Project]``) substituted.
- :func:`method_return_class` — ``annotated_return`` of ``receiver.method``.
- :func:`is_project_class` — defined in the linted project (not stdlib / site-packages).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from astroid import nodes

from pixcrawler_lint.analysis.resolution.attributes import instance_attribute
from pixcrawler_lint.analysis.resolution.bindings import self_class
from pixcrawler_lint.analysis.resolution.guards import ERRORS
from pixcrawler_lint.analysis.resolution.members import (
    Member,
    is_project_class,
    is_project_module,
    lookup_member,
    mro,
    visible_mro,
)
from pixcrawler_lint.analysis.resolution.resolver import Resolver
from pixcrawler_lint.analysis.resolution.returns import annotated_return
from pixcrawler_lint.analysis.resolution.type_annotations import annotation_class

if TYPE_CHECKING:
    from pixcrawler_lint.context import ModuleContext

__all__ = [
    "annotation_class",
    "collaborator_class",
    "instance_attribute_class",
    "self_class",
    "lookup_member",
    "Member",
    "annotated_return",
    "method_return_class",
    "is_project_class",
    "is_project_module",
    "mro",
    "visible_mro",
]


def _resolver(ctx: ModuleContext | None) -> Resolver:
    """One resolver (and memo) per linted module; a fresh one without a module context."""
    if ctx is None:
        return Resolver()
    return ctx.cached("collaborators.resolver", Resolver)


def collaborator_class(expr: nodes.NodeNG, ctx: ModuleContext | None = None) -> nodes.ClassDef | None:
    """The class of the object ``expr`` denotes, known from DI typing, or ``None``.

    ``service`` (a parameter typed ``ProjectServiceDep``), ``self.repository`` (assigned from
    an annotated ``__init__`` parameter, or a ``@property`` returning it), ``repo``
    (``repo = ProjectRepository(session)``, ``= ProjectRepository.from_session(session)``,
    ``a, repo = make_repositories(session)``), ``self.service.repository`` (chained),
    ``project_service`` (a module-level singleton bound once). ``self`` itself is not a
    collaborator.
    """
    try:
        return _resolver(ctx).expression(expr, 0)
    except ERRORS:
        return None


def instance_attribute_class(cls: nodes.ClassDef, attr: str, ctx: ModuleContext | None = None) -> nodes.ClassDef | None:
    """The class of ``self.<attr>`` on instances of ``cls``, from every assignment in its MRO.

    Each assignment must be known (``self.x = param`` with an annotated parameter,
    ``self.x: X = ...``, ``self.x = X(...)``, a class-level ``x: X``, a ``@property``) and all
    must agree.
    """
    try:
        return instance_attribute(cls, attr, _resolver(ctx), 0)
    except ERRORS:
        return None


def method_return_class(
    receiver: nodes.NodeNG, method_name: str, ctx: ModuleContext | None = None, *, element: bool = False
) -> nodes.ClassDef | None:
    """The annotated return class of ``receiver.method_name(...)`` when ``receiver`` is a
    collaborator: ``self.repository.recent(...)`` with ``recent(...) -> list[ActivityLog]``
    names ``ActivityLog`` when ``element=True``."""
    cls = collaborator_class(receiver, ctx)
    if cls is None:
        return None
    function = lookup_member(cls, method_name).function
    if function is None:
        return None
    return annotated_return(function, cls, element=element)
