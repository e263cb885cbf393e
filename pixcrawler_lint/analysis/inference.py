"""Inference helpers that never raise: when astroid cannot be sure, they say so."""

from __future__ import annotations

from collections.abc import Iterator

from astroid import nodes, util
from astroid.context import InferenceContext
from astroid.exceptions import AstroidError

__all__ = ["infer_all", "infer_one", "call_name", "own_returns"]

# Inference on pathological code can hit astroid bugs of many kinds; all mean "unknown".
_INFERENCE_ERRORS = (
    AstroidError, RecursionError, AttributeError, TypeError, ValueError, KeyError, IndexError, StopIteration,
)


def infer_all(node: nodes.NodeNG, limit: int = 8) -> list[nodes.NodeNG] | None:
    """All values ``node`` may have, or ``None`` when any of them is unknown."""
    values: list[nodes.NodeNG] = []
    try:
        for value in node.infer(context=InferenceContext()):
            if value is util.Uninferable or isinstance(value, util.UninferableBase):
                return None
            values.append(value)
            if len(values) > limit:
                return None
    except _INFERENCE_ERRORS:
        return None
    return values or None


def infer_one(node: nodes.NodeNG) -> nodes.NodeNG | None:
    """The single value of ``node``, or ``None`` when it is unknown or ambiguous."""
    values = infer_all(node)
    if not values:
        return None
    first = values[0]
    if all(value is first for value in values[1:]):
        return first
    return None


def call_name(call: nodes.Call) -> str | None:
    """The syntactic name of the callee: ``Depends`` for ``Depends(...)`` or ``fastapi.Depends(...)``."""
    func = call.func
    if isinstance(func, nodes.Name):
        return str(func.name)
    if isinstance(func, nodes.Attribute):
        return str(func.attrname)
    return None


def own_returns(function: nodes.FunctionDef, yields: bool = False) -> Iterator[nodes.NodeNG | None]:
    """Values of the ``return`` statements (and, with ``yields``, of the ``yield``
    expressions) of ``function`` itself, not of the functions and classes nested in it."""
    kinds = (nodes.Return, nodes.Yield) if yields else (nodes.Return,)
    stack: list[nodes.NodeNG] = list(function.body)
    while stack:
        node = stack.pop()
        if isinstance(node, (nodes.FunctionDef, nodes.ClassDef, nodes.Lambda)):
            continue
        if isinstance(node, kinds):
            yield node.value
        stack.extend(node.get_children())
