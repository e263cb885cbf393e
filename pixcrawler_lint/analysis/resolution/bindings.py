"""Names: parameters (by annotation), locals (by what they are assigned), and ``self``.

A name every binding of which is known and agrees resolves (``repo = ProjectRepository(s)``,
``service: ProjectServiceDep``); a module-level name goes to :mod:`.singletons` (bound once);
a name unpacked from a helper's return goes to :mod:`.helper_returns`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from astroid import nodes

from pixcrawler_lint.analysis.classes import syntactic_base_name
from pixcrawler_lint.analysis.origins import parameter_binding
from pixcrawler_lint.analysis.resolution import helper_returns, singletons
from pixcrawler_lint.analysis.resolution.guards import ERRORS
from pixcrawler_lint.analysis.resolution.agreement import agreeing
from pixcrawler_lint.analysis.resolution.type_annotations import annotation_class

if TYPE_CHECKING:
    from pixcrawler_lint.analysis.resolution.resolver import Resolver

# Decorators after which the first parameter is not the instance.
_NOT_METHODS = frozenset({"staticmethod", "classmethod"})
# Methods Python makes class- or static methods without a decorator.
_IMPLICIT_CLASSMETHODS = frozenset({"__new__", "__init_subclass__", "__class_getitem__"})

__all__ = ["assignment_class", "name_class", "parameter_annotation", "self_class"]


def parameter_annotation(arguments: nodes.Arguments, name: str) -> tuple[bool, nodes.NodeNG | None]:
    """(is a named parameter, its annotation); ``*args``/``**kwargs`` are not resolvable."""
    groups = (
        (arguments.posonlyargs or [], arguments.posonlyargs_annotations or []),
        (arguments.args or [], arguments.annotations or []),
        (arguments.kwonlyargs or [], arguments.kwonlyargs_annotations or []),
    )
    for params, param_annotations in groups:
        for index, param in enumerate(params):
            if param.name == name:
                return True, param_annotations[index] if index < len(param_annotations) else None
    return False, None


def assignment_class(target: nodes.NodeNG, resolver: Resolver, depth: int) -> nodes.ClassDef | None:
    """The class of the value bound by one assignment target (a parameter, ``x = X()``, ``x: X``,
    ``a, b = make_services()``)."""
    parent = target.parent
    if isinstance(parent, nodes.Arguments):
        is_param, annotation = parameter_annotation(parent, getattr(target, "name", ""))
        return annotation_class(annotation) if is_param else None
    if isinstance(parent, nodes.AnnAssign) and parent.target is target:
        return annotation_class(parent.annotation)
    if isinstance(parent, nodes.Assign) and len(parent.targets) == 1 and parent.targets[0] is target:
        return resolver.expression(parent.value, depth + 1)
    if isinstance(parent, nodes.Tuple):
        return helper_returns.unpacked_class(target, parent, resolver, depth + 1)
    return None


def self_class(name: nodes.Name) -> nodes.ClassDef | None:
    """The class whose instance ``name`` is, when it is the first parameter of a plain method.

    Told by the spelled decorators, not astroid's ``FunctionDef.type``: that infers every
    decorator (``@router.get(...)`` builds fastapi) for every name of every method."""
    found = parameter_binding(name)
    if found is None:
        return None
    parameter, arguments, positional = found
    function = arguments.parent
    if not positional or positional[0] is not parameter:
        return None
    if not isinstance(function, nodes.FunctionDef) or not isinstance(function.parent, nodes.ClassDef):
        return None
    if function.name in _IMPLICIT_CLASSMETHODS:
        return None
    decorators = function.decorators.nodes if function.decorators else []
    if any(syntactic_base_name(d) in _NOT_METHODS for d in decorators):
        return None
    return function.parent


def name_class(expr: nodes.Name, resolver: Resolver, depth: int) -> nodes.ClassDef | None:
    """The class of the value ``expr`` names; ``self`` itself is not a collaborator."""
    if self_class(expr) is not None:
        return None
    try:
        scope, assignments = expr.lookup(expr.name)
    except ERRORS:
        return None
    if isinstance(scope, nodes.Module):
        return singletons.module_name_class(scope, expr.name, resolver, depth + 1)
    classes: list[nodes.ClassDef | None] = []
    for target in assignments:
        if isinstance(target, (nodes.ImportFrom, nodes.Import)):
            classes.append(singletons.imported_name_class(target, expr.name, resolver, depth + 1))
        else:
            classes.append(assignment_class(target, resolver, depth))
    return agreeing(classes)
