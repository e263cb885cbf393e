"""PXL301 session-in-service."""

from __future__ import annotations

from astroid import nodes

from pixcrawler_lint.analysis.classes import inherits, is_protocol
from pixcrawler_lint.analysis.collaborators import self_class
from pixcrawler_lint.analysis.sessions import (
    SESSION_ATTRIBUTES,
    is_self_session_read,
    is_session_expression,
    session_parameters,
)
from pixcrawler_lint.config import Config
from pixcrawler_lint.context import ModuleContext
from pixcrawler_lint.findings import Severity
from pixcrawler_lint.layers import Layer
from pixcrawler_lint.registry import Rule, register

__all__ = ["SessionInService"]


def is_service_like(cls: nodes.ClassDef, base_service: str) -> bool:
    """A service of the services layer, abstract ones and the base itself included (not Protocols)."""
    if is_protocol(cls):
        return False
    return cls.name == base_service or cls.name.endswith("Service") or inherits(cls, base_service)


def first_session_read(cls: nodes.ClassDef, config: Config) -> nodes.Attribute | None:
    """The first ``self.session``/``self.db`` read in the methods of ``cls`` itself, or the first
    session reached through a collaborator (``self.repository.session``)."""
    reads = [
        node
        for node in cls.nodes_of_class(nodes.Attribute)
        if (is_self_session_read(node) and self_class(node.expr) is cls) or _collaborator_session(node, cls, config)
    ]
    return min(reads, key=lambda n: (n.fromlineno or 0, n.col_offset or 0)) if reads else None


def _collaborator_session(node: nodes.Attribute, cls: nodes.ClassDef, config: Config) -> bool:
    """``self.repository.session`` (or ``repository.db``) in a method of ``cls``: a session."""
    if node.attrname not in SESSION_ATTRIBUTES or is_self_session_read(node):
        return False
    frame = node.frame()
    return isinstance(frame, nodes.FunctionDef) and frame.parent is cls and is_session_expression(node, config)


@register
class SessionInService(Rule):
    """A service takes a database session or reads `self.session`/`self.db`.

    ## What it does
    Reports, once per service class of the services layer, an `__init__` parameter that is a
    session (typed with one of `session-types` such as `AsyncSession`, directly or through an
    alias, or defaulting to a `session-providers` dependency), or else the first read of
    `self.session` / `self.db` or of a session reached through a collaborator
    (`self.repository.session`).

    ## Why is this bad?
    Services orchestrate; repositories own data access. A service holding the session ends up
    writing queries, bypasses the repositories' invariants and cannot be tested without a
    database.

    ## Example
    ```python
    class PolicyService(BaseService):
        def __init__(self, session: AsyncSession) -> None:
            super().__init__()
            self.session = session
    ```

    ## Use instead
    ```python
    class PolicyService(BaseService):
        def __init__(self, archival_repo: ArchivalPolicyRepository) -> None:
            super().__init__()
            self.archival_repo = archival_repo
    ```
    """

    code = "PXL301"
    symbol = "session-in-service"
    severity = Severity.WARNING
    message = "service {cls} {problem}: take repositories in __init__ and let them use the session"

    def check(self, ctx: ModuleContext) -> None:
        if ctx.layer is not Layer.SERVICES or ctx.architecture.policy.services_own_queries:
            return
        for cls in ctx.nodes_of(nodes.ClassDef):
            if not is_service_like(cls, ctx.config.base_service):
                continue
            init = next((d for d in cls.locals.get("__init__", []) if isinstance(d, nodes.FunctionDef)), None)
            parameters = session_parameters(init, ctx.config) if init is not None else []
            if parameters:
                ctx.report(self, parameters[0], cls=cls.name, problem=f"takes a session ({parameters[0].name})")
                continue
            read = first_session_read(cls, ctx.config)
            if read is not None:
                ctx.report(self, read, cls=cls.name, problem=f"reads {read.as_string()}")
