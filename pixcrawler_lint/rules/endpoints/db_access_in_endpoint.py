"""PXL208 db-access-in-endpoint."""

from __future__ import annotations

from astroid import nodes
from astroid.exceptions import AstroidError

from pixcrawler_lint.analysis.inference import call_name
from pixcrawler_lint.analysis.route_dependencies import spelled_name
from pixcrawler_lint.analysis.routes import Route, find_routes
from pixcrawler_lint.analysis.sessions import SESSION_METHODS, is_session_parameter
from pixcrawler_lint.analysis.vocabulary import vocabulary
from pixcrawler_lint.config import Config
from pixcrawler_lint.context import ModuleContext
from pixcrawler_lint.findings import Severity
from pixcrawler_lint.registry import Rule, register

__all__ = ["DbAccessInEndpoint", "SESSION_METHODS"]


def _opens_session(expr: nodes.NodeNG | None, config: Config) -> bool:
    """``get_session()``, ``AsyncSession(engine)``: a call that yields or builds a session."""
    if not isinstance(expr, nodes.Call):
        return False
    name = call_name(expr)
    return name in config.session_providers or name in config.session_types


def _local_session_bindings(function: nodes.FunctionDef, config: Config) -> set[nodes.AssignName]:
    """Names in the route body certainly bound to a session (annotated, opened or built)."""
    found: set[nodes.AssignName] = set()
    for node in function.nodes_of_class((nodes.AnnAssign, nodes.Assign, nodes.With, nodes.For)):
        if isinstance(node, nodes.AnnAssign) and isinstance(node.target, nodes.AssignName):
            if spelled_name(node.annotation) in config.session_types:
                found.add(node.target)
        elif isinstance(node, nodes.Assign) and _opens_session(node.value, config):
            found.update(target for target in node.targets if isinstance(target, nodes.AssignName))
        elif isinstance(node, nodes.With):
            for context, target in node.items:
                if isinstance(target, nodes.AssignName) and _opens_session(context, config):
                    found.add(target)
        elif isinstance(node, nodes.For) and isinstance(node.target, nodes.AssignName):
            if _opens_session(node.iter, config):
                found.add(node.target)
    return found


def _session_calls(route: Route, bindings: set[nodes.AssignName]) -> list[nodes.Call]:
    calls = []
    for call in route.function.nodes_of_class(nodes.Call):
        func = call.func
        if not (isinstance(func, nodes.Attribute) and func.attrname in SESSION_METHODS):
            continue
        receiver = func.expr
        if not isinstance(receiver, nodes.Name):
            continue
        try:
            _, found = receiver.lookup(receiver.name)
        except (AstroidError, RecursionError, AttributeError):
            continue
        if found and all(binding in bindings for binding in found):
            calls.append(call)
    return calls


@register
class DbAccessInEndpoint(Rule):
    """A route takes a database session or executes on one.

    ## What it does
    Reports a route parameter that is a database session (annotated with a `session-types`
    class such as `AsyncSession`, or injected by a `session-providers` dependency such as
    `Depends(get_session)`, also through an `Annotated` alias), and every call that executes
    on a session inside a route (`session.execute(...)`, the 1.x `session.query(...)`, `.scalars`, `.get`, `.add`,
    `.commit`, ...), including sessions the route opens itself (`async with get_session() as s`).

    ## Why is this bad?
    The endpoint skips the service and repository layers: queries end up duplicated in
    handlers, business rules (ownership checks, quotas) are bypassed, and the endpoint can
    no longer be tested with a fake service.

    ## Example
    ```python
    @router.get("/projects/{project_id}", response_model=ProjectResponse)
    async def get_project(project_id: int, session: AsyncSession = Depends(get_session)):
        return await session.get(Project, project_id)
    ```

    ## Use instead
    ```python
    @router.get("/projects/{project_id}", response_model=ProjectResponse)
    async def get_project(project_id: int, service: ProjectServiceDep):
        return await service.get_project(project_id)
    ```
    """

    code = "PXL208"
    symbol = "db-access-in-endpoint"
    severity = Severity.WARNING
    message = (
        "route {name}() {what}: depend on a service alias (e.g. `service: {alias}`) and "
        "move the query into {home}"
    )

    def check(self, ctx: ModuleContext) -> None:
        if ctx.architecture.policy.routes_own_session:
            return  # the configured policy lets routes own the session
        words = vocabulary(ctx)
        said = {"alias": words.service_alias_example(ctx.modname), "home": words.query_home()}
        for route in find_routes(ctx):
            bindings = _local_session_bindings(route.function, ctx.config)
            for parameter in route.parameters:
                if is_session_parameter(parameter, ctx.config):
                    bindings.add(parameter.node)
                    what = f"takes a database session '{parameter.name}'"
                    ctx.report(self, parameter.node, name=route.name, what=what, **said)
            for call in _session_calls(route, bindings):
                receiver = call.func.expr.as_string()
                what = f"runs {receiver}.{call.func.attrname}() on a database session"
                ctx.report(self, call, name=route.name, what=what, **said)
