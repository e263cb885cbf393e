"""What the name ``status`` (or its alias) is bound to where ``status.HTTP_*`` is read.

Scoping follows Python: astroid's ``lookup`` finds the bindings of the innermost scope that
binds the name (parameters, assignments of every kind, ``for``/``with``/``except`` targets,
comprehension variables, walrus targets, imports, ``global``/``nonlocal``). Parameter
defaults and annotations, return annotations and decorators are evaluated in the enclosing
scope, so names there are looked up from the function's parent scope.
"""

from __future__ import annotations

import enum

from astroid import nodes
from astroid.exceptions import AstroidError

from pixcrawler_lint.analysis.inference import infer_one

__all__ = [
    "Binding",
    "STATUS_MODULES",
    "bindings_at",
    "classify_binding",
    "describe_binding",
    "is_status_import",
]

STATUS_MODULES = frozenset({"fastapi.status", "starlette.status"})
_STATUS_PACKAGES = frozenset({"fastapi", "starlette"})
_MAX_ALIAS_DEPTH = 4
_LOOKUP_ERRORS = (
    AstroidError, RecursionError, AttributeError, TypeError, ValueError, KeyError, IndexError,
)


class Binding(enum.Enum):
    """What one binding of the name certainly is."""

    STATUS_MODULE = "status module"
    OTHER = "something else"
    UNKNOWN = "unknown"


_SCOPES = (
    nodes.Module, nodes.ClassDef, nodes.FunctionDef, nodes.Lambda,
    nodes.ListComp, nodes.SetComp, nodes.DictComp, nodes.GeneratorExp,
)


def _evaluated_outside(child: nodes.NodeNG, parent: nodes.NodeNG) -> nodes.NodeNG | None:
    """The function/class whose *enclosing* scope evaluates ``child``, if it is such a part."""
    if isinstance(parent, nodes.Arguments):
        parameters = {*(parent.posonlyargs or []), *(parent.args or []), *(parent.kwonlyargs or [])}
        if parent.vararg_node is not None:
            parameters.add(parent.vararg_node)
        if parent.kwarg_node is not None:
            parameters.add(parent.kwarg_node)
        return None if child in parameters else parent.parent
    if isinstance(parent, nodes.Decorators):
        return parent.parent
    if isinstance(parent, nodes.FunctionDef) and child is parent.returns:
        return parent
    if isinstance(parent, nodes.ClassDef) and child in [*parent.bases, *(parent.keywords or [])]:
        return parent
    return None


def bindings_at(name: nodes.Name) -> list[nodes.NodeNG]:
    """The statements that may have bound ``name`` where it is read (``[]`` when unknown)."""
    child: nodes.NodeNG = name
    parent = name.parent
    owner: nodes.NodeNG | None = None
    while parent is not None and not isinstance(parent, _SCOPES):
        owner = _evaluated_outside(child, parent)
        if owner is not None:
            break
        child, parent = parent, parent.parent
    if owner is None and parent is not None:
        owner = _evaluated_outside(child, parent)
    try:
        if owner is not None and owner.parent is not None:
            _, bindings = owner.parent.scope().scope_lookup(owner, name.name)
        else:
            _, bindings = name.lookup(name.name)
    except _LOOKUP_ERRORS:
        return []
    return list(bindings)


def is_status_import(binding: nodes.NodeNG, bound_name: str) -> bool:
    """True for ``from fastapi import status [as x]`` or ``import starlette.status as x``.

    ``x`` (or ``status``) must be ``bound_name``.
    """
    if isinstance(binding, nodes.ImportFrom) and binding.level in (0, None):
        return binding.modname in _STATUS_PACKAGES and any(
            real == "status" and (alias or real) == bound_name for real, alias in binding.names
        )
    if isinstance(binding, nodes.Import):
        return any(real in STATUS_MODULES and alias == bound_name for real, alias in binding.names)
    return False


def _is_status_module(value: nodes.NodeNG | None) -> bool:
    return isinstance(value, nodes.Module) and value.name in STATUS_MODULES


def _imported_value(binding: nodes.ImportFrom | nodes.Import, bound_name: str) -> Binding:
    """Resolve a project import that binds ``bound_name``: it may re-export the status module."""
    try:
        if isinstance(binding, nodes.Import):
            real = next(
                real for real, alias in binding.names if (alias or real.split(".")[0]) == bound_name
            )
            target = binding.do_import_module(real)
            return Binding.STATUS_MODULE if _is_status_module(target) else Binding.OTHER
        real = next(real for real, alias in binding.names if (alias or real) == bound_name)
        module = binding.do_import_module(binding.modname)
        values = module.getattr(real)
    except StopIteration:
        return Binding.UNKNOWN
    except _LOOKUP_ERRORS:
        return Binding.UNKNOWN
    inferred = [infer_one(value) for value in values]
    if any(value is None for value in inferred):
        return Binding.UNKNOWN
    if any(_is_status_module(value) for value in inferred):
        return Binding.STATUS_MODULE
    return Binding.OTHER


def _assigned_value(binding: nodes.AssignName) -> nodes.NodeNG | None:
    parent = binding.parent
    if isinstance(parent, (nodes.Assign, nodes.AnnAssign, nodes.NamedExpr)):
        targets = parent.targets if isinstance(parent, nodes.Assign) else [parent.target]
        if binding in targets:
            return parent.value
    return None


def _classify_name_value(value: nodes.Name, depth: int) -> Binding:
    """``status = other_name``: what ``other_name`` is, from its own bindings."""
    if depth >= _MAX_ALIAS_DEPTH:
        return Binding.UNKNOWN
    kinds = {classify_binding(binding, value.name, depth + 1) for binding in bindings_at(value)}
    return Binding.OTHER if kinds == {Binding.OTHER} else Binding.UNKNOWN


def classify_binding(binding: nodes.NodeNG, bound_name: str, depth: int = 0) -> Binding:
    """Whether one binding of ``bound_name`` is the fastapi/starlette status module."""
    if is_status_import(binding, bound_name):
        return Binding.STATUS_MODULE
    if isinstance(binding, (nodes.ImportFrom, nodes.Import)):
        return _imported_value(binding, bound_name)
    if isinstance(binding, nodes.AssignName):
        value = _assigned_value(binding)
        if isinstance(value, (nodes.Name, nodes.Attribute)):
            # ``status = http_status`` keeps the module; an alias we cannot resolve stays unknown
            inferred = infer_one(value)
            if inferred is not None:
                return Binding.STATUS_MODULE if _is_status_module(inferred) else Binding.OTHER
            if isinstance(value, nodes.Name):
                return _classify_name_value(value, depth)
            return Binding.UNKNOWN
        return Binding.OTHER
    return Binding.OTHER


def describe_binding(binding: nodes.NodeNG) -> str:
    """A few words naming the binding for a message: ``a parameter on line 12``."""
    if isinstance(binding, (nodes.ImportFrom, nodes.Import)):
        return f"an import on line {binding.fromlineno}"
    if isinstance(binding, (nodes.FunctionDef, nodes.ClassDef)):
        definition = "class" if isinstance(binding, nodes.ClassDef) else "function"
        return f"the {definition} on line {binding.fromlineno}"
    parent = binding.parent
    while isinstance(parent, (nodes.Tuple, nodes.List, nodes.Starred)):
        parent = parent.parent
    kinds: list[tuple[type, str]] = [
        (nodes.Arguments, "a parameter"),
        (nodes.For, "a for-loop variable"),
        (nodes.Comprehension, "a comprehension variable"),
        (nodes.With, "a with ... as target"),
        (nodes.ExceptHandler, "an except ... as name"),
        (nodes.NamedExpr, "a := target"),
        (nodes.AugAssign, "an augmented assignment"),
        (nodes.AnnAssign, "an annotated assignment"),
        (nodes.Assign, "an assignment"),
    ]
    for kind, words in kinds:
        if isinstance(parent, kind):
            return f"{words} on line {binding.fromlineno}"
    return f"a binding on line {binding.fromlineno}"
