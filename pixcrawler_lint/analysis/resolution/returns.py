"""Return annotations: the class a method or function returns, TypeVars of generic bases
substituted (``get_by_id(...) -> ModelT | None`` on a ``BaseRepository[Project]`` names ``Project``).

Public: :func:`annotated_return`, :func:`is_typevar`.
"""

from __future__ import annotations

from typing import Any

from astroid import nodes

from pixcrawler_lint.analysis.classes import syntactic_base_name
from pixcrawler_lint.analysis.inference import infer_one
from pixcrawler_lint.analysis.origins import library_name
from pixcrawler_lint.analysis.resolution.guards import ERRORS as _ERRORS
from pixcrawler_lint.analysis.resolution.members import mro
from pixcrawler_lint.analysis.resolution.type_annotations import (
    ITERABLES,
    OPTIONAL,
    alias_value,
    annotation_class,
    definitions,
    is_none,
    subscript_args,
    union_members,
)

__all__ = ["annotated_return", "is_typevar"]


def _generic_parameters(cls: nodes.ClassDef) -> list[str]:
    """TypeVar names of ``class C(Generic[T, U])`` / ``Protocol[T]`` / ``Base[T]`` in order."""
    for base in cls.bases:
        if isinstance(base, nodes.Subscript) and syntactic_base_name(base.value) in ("Generic", "Protocol"):
            return [arg.name if isinstance(arg, nodes.Name) else "" for arg in subscript_args(base)]
    for base in cls.bases:
        if isinstance(base, nodes.Subscript):
            return [arg.name for arg in subscript_args(base) if isinstance(arg, nodes.Name) and is_typevar(arg)]
    return []


def is_typevar(name: nodes.Name) -> bool:
    """True when ``name`` is bound to ``TypeVar(...)``."""
    found = definitions(name.name, name, 0)
    if not found or len(found) != 1:
        return False
    value = alias_value(found[0])
    return isinstance(value, nodes.Call) and syntactic_base_name(value.func) == "TypeVar"


def _substitute_typevar(typevar: nodes.Name, owner: nodes.ClassDef, cls: nodes.ClassDef) -> nodes.NodeNG | None:
    """The argument ``cls`` gives ``owner``'s type parameter ``typevar`` (``BaseRepository[Project]``)."""
    parameters = _generic_parameters(owner)
    if typevar.name not in parameters:
        return None
    index = parameters.index(typevar.name)
    for klass in mro(cls):
        for base in klass.bases:
            if not isinstance(base, nodes.Subscript) or library_name(base.value) is not None:
                continue
            if infer_one(base.value) is not owner:
                continue
            args = subscript_args(base)
            if index < len(args):
                argument = args[index]
                if isinstance(argument, nodes.Name) and is_typevar(argument) and klass is not cls:
                    return _substitute_typevar(argument, klass, cls)
                return argument
    return None


def _with_typevars(
    annotation: nodes.NodeNG, owner: nodes.ClassDef, cls: nodes.ClassDef, element: bool
) -> nodes.ClassDef | None:
    """``annotation_class`` where a TypeVar of ``owner`` (bare, in ``T | None``, ``list[T]``) is
    replaced by what ``cls``'s generic base passes for it."""
    node: Any = annotation
    if isinstance(node, nodes.BinOp):
        members = [m for m in union_members(node) if not is_none(m)]
        if len(members) != 1:
            return None
        node = members[0]
    if isinstance(node, nodes.Subscript):
        kind = syntactic_base_name(node.value)
        args = subscript_args(node)
        if kind in OPTIONAL and len(args) == 1:
            return _with_typevars(args[0], owner, cls, element)
        if element and kind in ITERABLES and args:
            return _with_typevars(args[0], owner, cls, False)
    if isinstance(node, nodes.Name) and is_typevar(node):
        argument = _substitute_typevar(node, owner, cls)
        return annotation_class(argument) if argument is not None and not element else None
    return annotation_class(annotation, element=element)


def annotated_return(
    method: nodes.FunctionDef, cls: nodes.ClassDef | None = None, *, element: bool = False
) -> nodes.ClassDef | None:
    """The class named by ``method``'s return annotation (the awaited value for ``async def``).

    ``X | None`` and ``Optional[X]`` name ``X``; with ``element=True``, ``list[X]``/
    ``Sequence[X]``/… name ``X`` (what a ``for`` loop over the result yields). When ``cls``
    (the receiver's class) is given, a TypeVar of a generic base is substituted:
    ``get_by_id(...) -> ModelT | None`` on a ``BaseRepository[Project]`` names ``Project``.
    """
    try:
        annotation = method.returns
        if annotation is None:
            return None
        owner = method.parent if isinstance(method.parent, nodes.ClassDef) else None
        if cls is not None and owner is not None:
            return _with_typevars(annotation, owner, cls, element)
        return annotation_class(annotation, element=element)
    except _ERRORS:
        return None
