"""PXL210 missing-status-code."""

from __future__ import annotations

from pixcrawler_lint.analysis.routes import find_routes
from pixcrawler_lint.context import ModuleContext
from pixcrawler_lint.findings import Severity
from pixcrawler_lint.registry import Rule, register

__all__ = ["MissingStatusCode", "status_advice", "is_action"]

# The first word of the route's name says what the POST does.
CREATE_VERBS = frozenset({"create", "add", "new", "insert", "register", "signup", "upload", "post", "submit"})
ACTION_VERBS = frozenset({
    "login", "logout", "signin", "signout", "authenticate", "auth", "token", "refresh", "cancel",
    "verify", "validate", "confirm", "reset", "recover", "send", "resend", "test", "run", "start",
    "stop", "pause", "resume", "retry", "trigger", "execute", "process", "approve", "reject",
    "archive", "restore", "close", "reopen", "publish", "sync", "search", "query", "check", "preview",
    "export", "move", "copy", "assign", "unassign", "join", "leave", "subscribe", "unsubscribe",
})


def _first_word(name: str) -> str:
    return name.strip("_").split("_", 1)[0].lower()


def is_action(name: str) -> bool:
    """``login``, ``cancel_job``: a POST that acts and creates nothing (answers 200)."""
    return _first_word(name) in ACTION_VERBS


def status_advice(name: str, alias: str) -> str:
    """What to add, from the route's first word: 201 for a create, 200 for an action."""
    if _first_word(name) in CREATE_VERBS:
        return f"add status_code={alias}.HTTP_201_CREATED"
    if is_action(name):
        return f"add status_code={alias}.HTTP_200_OK (an action creates nothing)"
    return (
        f"add the code it answers: status_code={alias}.HTTP_201_CREATED when it creates, "
        f"{alias}.HTTP_200_OK for an action, {alias}.HTTP_202_ACCEPTED when it starts background work"
    )


@register
class MissingStatusCode(Rule):
    """A POST route has no explicit `status_code=`.

    ## What it does
    Reports a `POST` route (`@router.post(...)` or `api_route(..., methods=["POST"])`) whose
    decorator does not pass `status_code=`. The message suggests `201 Created` for a route
    whose name says it creates (`create_…`, `add_…`, `register_…`, `upload_…`) and `200 OK`
    written out for an action (`login`, `cancel_…`, `refresh_…`), which creates nothing.

    ## Why is this bad?
    FastAPI answers `200 OK` by default. A POST that creates something should answer
    `201 Created`, one that starts background work `202 Accepted`; clients, caches and the
    OpenAPI schema rely on that code. Writing it out also documents the decision.

    ## Example
    ```python
    @router.post("/projects", response_model=ProjectResponse, summary="Create a project",
                 operation_id="createProject")
    async def create_project(project_in: ProjectCreate, service: ProjectServiceDep):
        ...
    ```

    ## Use instead
    ```python
    from fastapi import status as http_status

    @router.post("/projects", response_model=ProjectResponse, summary="Create a project",
                 operation_id="createProject", status_code=http_status.HTTP_201_CREATED)
    async def create_project(project_in: ProjectCreate, service: ProjectServiceDep):
        ...
    ```
    """

    code = "PXL210"
    symbol = "missing-status-code"
    severity = Severity.CONVENTION
    message = (
        "POST route {name}() relies on the default 200: {advice} to @{decorator}(...)"
    )

    def check(self, ctx: ModuleContext) -> None:
        for route in find_routes(ctx):
            if route.is_post and not route.has_keyword("status_code"):
                ctx.report(
                    self, route.function, name=route.name,
                    advice=status_advice(route.name, ctx.config.status_alias), decorator=route.decorator_name,
                )
