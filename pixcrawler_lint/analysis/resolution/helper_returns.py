"""Values a project function or method returns: ``repo = make_repository(session)``,
``a, b = make_services(session)``, ``repo = await self.open_repository()``.

A helper resolves by its return annotation (``-> ProjectRepository``, ``-> tuple[A, B]`` for
unpacking), or, without one, when every ``return`` gives back values that resolve and agree
(``return ProjectRepository(session)``, ``return A(session), B(session)``). An ``async def`` is
resolved only where it is awaited, a plain ``def`` only where it is not; generators, context
managers, helpers behind an unknown decorator and helpers returning ``Any`` stay unresolved.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from astroid import nodes

from pixcrawler_lint.analysis.classes import syntactic_base_name
from pixcrawler_lint.analysis.resolution.accessors import is_accessor, returned_values
from pixcrawler_lint.analysis.resolution.agreement import agreeing
from pixcrawler_lint.analysis.resolution.returns import annotated_return
from pixcrawler_lint.analysis.resolution.type_annotations import annotation_class, subscript_args
from pixcrawler_lint.analysis.signatures import is_transparent_decorator

if TYPE_CHECKING:
    from pixcrawler_lint.analysis.resolution.resolver import Resolver

__all__ = ["result_class", "unpacked_class"]

# Transparent for the arguments, but the caller gets something else back.
_RESULT_CHANGING = frozenset({"contextmanager", "asynccontextmanager"})
_TUPLES = frozenset({"tuple", "Tuple"})


def _returns_as_written(function: nodes.FunctionDef) -> bool:
    decorators = function.decorators.nodes if function.decorators else []
    return not is_accessor(function) and all(
        is_transparent_decorator(d) and syntactic_base_name(d) not in _RESULT_CHANGING for d in decorators
    )


def _callable_here(function: nodes.FunctionDef, awaited: bool) -> bool:
    if isinstance(function, nodes.AsyncFunctionDef) is not awaited:
        return False  # a coroutine not awaited, or awaiting a plain value
    try:
        return not function.is_generator() and _returns_as_written(function)
    except (Exception, RecursionError):  # noqa: B014 - astroid raises anything on odd code
        return False


def _tuple_element_annotation(annotation: nodes.NodeNG, index: int, size: int) -> nodes.NodeNG | None:
    if not isinstance(annotation, nodes.Subscript) or syntactic_base_name(annotation.value) not in _TUPLES:
        return None
    args = subscript_args(annotation)
    return args[index] if len(args) == size else None


def result_class(
    function: nodes.FunctionDef, receiver: nodes.ClassDef | None, resolver: Resolver, depth: int,
    *, awaited: bool, index: int | None = None, size: int = 0,
) -> nodes.ClassDef | None:
    """The class of what calling ``function`` gives (element ``index`` of a ``size``-tuple when
    unpacked); ``receiver`` is the class a method is called on (TypeVars of generic bases)."""
    if not _callable_here(function, awaited):
        return None
    if function.returns is not None:
        if index is None:
            return annotated_return(function, receiver)
        element = _tuple_element_annotation(function.returns, index, size)
        return annotation_class(element) if element is not None else None
    values = returned_values(function)
    if values is None:
        return None
    if index is None:
        return agreeing([resolver.expression(value, depth + 1) for value in values])
    if not all(isinstance(v, nodes.Tuple) and len(v.elts) == size for v in values):
        return None
    return agreeing([resolver.expression(v.elts[index], depth + 1) for v in values])


def unpacked_class(
    target: nodes.NodeNG, pattern: nodes.Tuple, resolver: Resolver, depth: int
) -> nodes.ClassDef | None:
    """The class of ``target`` in ``a, b = helper(...)`` / ``a, b = await helper(...)``."""
    from pixcrawler_lint.analysis.resolution.calls import callee  # calls → helper_returns

    assign = pattern.parent
    if not isinstance(assign, nodes.Assign) or assign.targets != [pattern]:
        return None
    if any(isinstance(element, nodes.Starred) for element in pattern.elts) or target not in pattern.elts:
        return None
    value, awaited = assign.value, False
    if isinstance(value, nodes.Await):
        value, awaited = value.value, True
    if not isinstance(value, nodes.Call):
        return None
    found = callee(value.func, resolver, depth + 1)
    if found is None:
        return None
    function, receiver = found
    return result_class(
        function, receiver, resolver, depth + 1,
        awaited=awaited, index=pattern.elts.index(target), size=len(pattern.elts),
    )
