"""Calls: what ``X(...)``, ``X.factory(...)``, ``helper(...)`` and ``receiver.method(...)`` give.

A constructor of a project class (or a library class, named without building the library),
a factory (:mod:`.factories`), or a project function or method whose result is known
(:mod:`.helper_returns`). :func:`callee` finds the ``def`` a call runs, for the helpers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from astroid import nodes

from pixcrawler_lint.analysis.origins import library_class, library_name
from pixcrawler_lint.analysis.project_inference import infer_project
from pixcrawler_lint.analysis.resolution import factories, helper_returns
from pixcrawler_lint.analysis.resolution.accessors import is_accessor
from pixcrawler_lint.analysis.resolution.bindings import self_class
from pixcrawler_lint.analysis.resolution.members import is_project_class, lookup_member
from pixcrawler_lint.analysis.resolution.module_functions import module_function

if TYPE_CHECKING:
    from pixcrawler_lint.analysis.resolution.resolver import Resolver

__all__ = ["call_class", "callee"]


def callee(
    func: nodes.NodeNG, resolver: Resolver, depth: int
) -> tuple[nodes.FunctionDef, nodes.ClassDef | None] | None:
    """(the project ``def`` that calling ``func`` runs, the class of its receiver) for a module
    function or a method of ``self`` / a collaborator; ``None`` when not certain."""
    function = module_function(func)
    if function is not None:
        return function, None
    if not isinstance(func, nodes.Attribute):
        return None
    receiver = self_class(func.expr) if isinstance(func.expr, nodes.Name) else None
    if receiver is None:
        if factories.named_class(func.expr) is not None:
            return None  # ``Class.method``: a factory, handled by factories
        receiver = resolver.expression(func.expr, depth + 1)
    if receiver is None:
        return None
    method = lookup_member(receiver, func.attrname).function
    if method is None or is_accessor(method) or not is_project_class(method):
        return None
    return method, receiver


def call_class(call: nodes.Call, resolver: Resolver, depth: int, *, awaited: bool) -> nodes.ClassDef | None:
    """The class of the value ``call`` gives (``await call`` when ``awaited``)."""
    func = call.func
    imported = library_name(func)
    if imported is not None:  # the library boundary: a library's class is named, not built
        return library_class(imported) if imported.path and not awaited else None
    if isinstance(func, nodes.Attribute):
        made = factories.factory_class(func, resolver, depth + 1, awaited=awaited)
        if made is not factories.NOT_A_FACTORY:
            return made if isinstance(made, nodes.ClassDef) else None
    found = callee(func, resolver, depth + 1)
    if found is not None:
        function, receiver = found
        return helper_returns.result_class(function, receiver, resolver, depth + 1, awaited=awaited)
    if awaited:
        return None
    constructed = infer_project(func)
    return constructed if isinstance(constructed, nodes.ClassDef) else None
