"""Database sessions seen from a service: session parameters and expressions that are sessions.

A session is recognised by type (a class named in ``session-types``, through ``Optional``,
``Annotated`` and named aliases such as ``SessionDep``), by a ``session-providers`` dependency
default (``= Depends(get_session)``), or — as the SPEC names them — by ``self.session`` /
``self.db`` on a service.
"""

from __future__ import annotations

from astroid import nodes

from pixcrawler_lint.analysis.classes import syntactic_base_name
from pixcrawler_lint.analysis.collaborators import annotation_class, collaborator_class, self_class
from pixcrawler_lint.analysis.route_dependencies import (
    declared_type,
    dependency_target,
    parameter_dependency,
    spelled_name,
)
from pixcrawler_lint.analysis.routes import Parameter, parameters_of
from pixcrawler_lint.config import Config

__all__ = [
    "SESSION_ATTRIBUTES",
    "is_session_annotation",
    "is_session_parameter",
    "session_parameters",
    "is_self_session_read",
    "is_session_expression",
]

SESSION_ATTRIBUTES = frozenset({"session", "db"})
_UNWRAP = frozenset({"Optional", "Annotated", "Union"})


def _spelled_names(annotation: nodes.NodeNG) -> set[str]:
    """Top-level class names an annotation spells, ``Optional``/``Annotated``/``|`` unwrapped."""
    if isinstance(annotation, nodes.BinOp) and annotation.op == "|":
        return _spelled_names(annotation.left) | _spelled_names(annotation.right)
    if isinstance(annotation, nodes.Subscript):
        if syntactic_base_name(annotation.value) in _UNWRAP:
            inner = annotation.slice
            if isinstance(inner, nodes.Tuple):
                elts = inner.elts if syntactic_base_name(annotation.value) == "Union" else inner.elts[:1]
                return set().union(*(_spelled_names(e) for e in elts)) if elts else set()
            return _spelled_names(inner)
        return set()
    name = syntactic_base_name(annotation) if isinstance(annotation, (nodes.Name, nodes.Attribute)) else None
    return {name} if name else set()


def is_session_annotation(annotation: nodes.NodeNG | None, config: Config) -> bool:
    """True when ``annotation`` names a session type (resolved, or spelled when unresolvable)."""
    if annotation is None:
        return False
    resolved = annotation_class(annotation)
    if resolved is not None:
        return resolved.name in config.session_types
    return bool(_spelled_names(annotation) & set(config.session_types))


def is_session_parameter(parameter: Parameter, config: Config) -> bool:
    """True when ``parameter`` receives a session: its type names a session type (through
    ``Optional``, ``Annotated`` and named aliases), or its dependency — ``= Depends(p)``,
    ``Annotated[T, Depends(p)]``, or a named alias of that such as ``SessionDep`` — has a
    provider ``p`` in ``session-providers``. The one definition the endpoint, service and wiring
    rules share."""
    dependency = parameter_dependency(parameter)
    if dependency is not None and spelled_name(dependency_target(dependency.call)) in config.session_providers:
        return True
    return is_session_annotation(declared_type(parameter), config)


def session_parameters(function: nodes.FunctionDef, config: Config) -> list[nodes.AssignName]:
    """Parameters of ``function`` that receive a session (see :func:`is_session_parameter`)."""
    if function.args is None or function.args.args is None:
        return []
    found = [p.node for p in parameters_of(function) if is_session_parameter(p, config)]
    return sorted(found, key=lambda p: (p.fromlineno or 0, p.col_offset or 0))


def is_self_session_read(node: nodes.NodeNG) -> bool:
    """``self.session`` / ``self.db`` read inside a method."""
    return (
        isinstance(node, nodes.Attribute)
        and node.attrname in SESSION_ATTRIBUTES
        and isinstance(node.expr, nodes.Name)
        and self_class(node.expr) is not None
    )


def is_session_expression(expr: nodes.NodeNG, config: Config) -> bool:
    """True when ``expr`` certainly is a session: ``self.session``/``self.db``, or a collaborator
    (parameter, attribute, local) whose type is a session type."""
    if is_self_session_read(expr):
        return True
    resolved = collaborator_class(expr)
    if resolved is not None:
        return resolved.name in config.session_types
    if isinstance(expr, nodes.Name):
        try:
            _, assignments = expr.lookup(expr.name)
        except (Exception, RecursionError):  # pylint: disable=broad-exception-caught
            return False
        if len(assignments) == 1 and isinstance(assignments[0].parent, nodes.Arguments):
            function = assignments[0].parent.parent
            return isinstance(function, nodes.FunctionDef) and assignments[0] in session_parameters(function, config)
    return False
