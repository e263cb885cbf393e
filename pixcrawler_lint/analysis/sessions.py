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
from pixcrawler_lint.config import Config

__all__ = [
    "SESSION_ATTRIBUTES",
    "is_session_annotation",
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


def _is_provider_default(default: nodes.NodeNG | None, config: Config) -> bool:
    if not isinstance(default, nodes.Call) or syntactic_base_name(default.func) not in ("Depends", "Security"):
        return False
    provider = default.args[0] if default.args else None
    return provider is not None and syntactic_base_name(provider) in config.session_providers


def session_parameters(function: nodes.FunctionDef, config: Config) -> list[nodes.AssignName]:
    """Parameters of ``function`` that receive a session."""
    arguments = function.args
    if arguments is None or arguments.args is None:
        return []
    found: list[nodes.AssignName] = []
    positional = [*(arguments.posonlyargs or []), *(arguments.args or [])]
    annotations = [*(arguments.posonlyargs_annotations or []), *(arguments.annotations or [])]
    defaults = list(arguments.defaults or [])
    first_default = len(positional) - len(defaults)
    for index, param in enumerate(positional):
        default = defaults[index - first_default] if index >= first_default else None
        annotation = annotations[index] if index < len(annotations) else None
        if is_session_annotation(annotation, config) or _is_provider_default(default, config):
            found.append(param)
    kw_annotations = list(arguments.kwonlyargs_annotations or [])
    kw_defaults = list(arguments.kw_defaults or [])
    for index, param in enumerate(arguments.kwonlyargs or []):
        annotation = kw_annotations[index] if index < len(kw_annotations) else None
        default = kw_defaults[index] if index < len(kw_defaults) else None
        if is_session_annotation(annotation, config) or _is_provider_default(default, config):
            found.append(param)
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
