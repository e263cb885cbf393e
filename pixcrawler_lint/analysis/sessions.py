"""Database sessions seen from a service: session parameters and expressions that are sessions.

A session is recognised by type (a class named in ``session-types``, through ``Optional``,
``Annotated`` and named aliases such as ``SessionDep``), by a ``session-providers`` dependency
default (``= Depends(get_session)``), or — as the SPEC names them — by ``self.session`` /
``self.db`` on a service.

A session is also reached through a collaborator: ``self.repo.session`` where ``self.repo`` is
a repository whose ``session``/``db`` attribute is a session or of unknown type (never one
typed with another class), ``session = self.repo.session`` (a local bound once to a session
expression), and a local annotated with a session type (``session: Session = factory()``).

:data:`SESSION_QUERY_METHODS` are the methods that run SQL on a session — the 2.x
``execute``/``scalars``/… and the 1.x ``query(...)`` API; :data:`SESSION_METHODS` adds the
unit-of-work methods (``add``, ``commit``, …). The endpoint and service rules share them.
"""

from __future__ import annotations

from astroid import nodes

from pixcrawler_lint.analysis.classes import is_repository_class, project_ancestors, syntactic_base_name
from pixcrawler_lint.analysis.collaborators import annotation_class, collaborator_class, is_project_class, self_class
from pixcrawler_lint.analysis.origins import LibraryClass
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
    "SESSION_QUERY_METHODS",
    "SESSION_METHODS",
    "is_session_annotation",
    "is_session_parameter",
    "session_parameters",
    "is_self_session_read",
    "is_session_expression",
]

SESSION_ATTRIBUTES = frozenset({"session", "db"})
# Methods that run SQL on a session: the 2.x API and the 1.x ``session.query(Model)``.
SESSION_QUERY_METHODS = frozenset({"execute", "scalar", "scalars", "stream", "stream_scalars", "exec", "query"})
# Every method that touches the database through a session.
SESSION_METHODS = SESSION_QUERY_METHODS | frozenset({
    "get", "add", "add_all", "delete", "merge", "refresh", "flush", "commit", "rollback", "begin",
    "begin_nested", "run_sync",
})
_MAX_DEPTH = 6
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
    """True when ``expr`` certainly is a session: ``self.session``/``self.db``, a collaborator
    (parameter, attribute, local) whose type is a session type, a repository's ``session``/``db``
    (``self.repo.session``), or a local bound once to one of these."""
    try:
        return _is_session(expr, config, 0)
    except (Exception, RecursionError):  # pylint: disable=broad-exception-caught
        return False


def _is_session(expr: nodes.NodeNG, config: Config, depth: int) -> bool:
    if depth > _MAX_DEPTH:
        return False
    if is_self_session_read(expr):
        return True
    resolved = collaborator_class(expr)
    if resolved is not None:
        return resolved.name in config.session_types
    if isinstance(expr, nodes.Attribute):
        return _is_repository_session(expr, config)
    if isinstance(expr, nodes.Name):
        _, assignments = expr.lookup(expr.name)
        if len(assignments) != 1:
            return False
        binding = assignments[0]
        parent = binding.parent
        if isinstance(parent, nodes.Arguments):
            function = parent.parent
            return isinstance(function, nodes.FunctionDef) and binding in session_parameters(function, config)
        if isinstance(parent, nodes.AnnAssign) and parent.target is binding:
            return is_session_annotation(parent.annotation, config)
        if isinstance(parent, nodes.Assign) and parent.targets == [binding]:
            return isinstance(parent.value, (nodes.Name, nodes.Attribute)) and _is_session(
                parent.value, config, depth + 1
            )
    return False


def _is_repository_session(expr: nodes.Attribute, config: Config) -> bool:
    """``<repository>.session`` / ``.db``: the owner is a project repository, and the attribute's
    type is unknown (a known type was decided by :func:`collaborator_class` already)."""
    if expr.attrname not in SESSION_ATTRIBUTES:
        return False
    owner = collaborator_class(expr.expr)
    if owner is None or isinstance(owner, LibraryClass) or not is_project_class(owner):
        return False
    return is_repository_class(owner, config) and _defines_attribute(owner, expr.attrname)


def _defines_attribute(cls: nodes.ClassDef, attr: str) -> bool:
    """``cls`` or a project ancestor assigns ``self.<attr>`` or declares it in the class body."""
    return any(attr in klass.instance_attrs or attr in klass.locals for klass in (cls, *project_ancestors(cls)))
