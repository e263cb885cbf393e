"""PXL210 missing-status-code."""

from __future__ import annotations

from pixcrawler_lint.analysis.routes import find_routes
from pixcrawler_lint.context import ModuleContext
from pixcrawler_lint.findings import Severity
from pixcrawler_lint.registry import Rule, register

__all__ = ["MissingStatusCode"]


@register
class MissingStatusCode(Rule):
    """A POST route has no explicit `status_code=`.

    ## What it does
    Reports a `POST` route (`@router.post(...)` or `api_route(..., methods=["POST"])`) whose
    decorator does not pass `status_code=`.

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
        "POST route {name}() relies on the default 200: add status_code={alias}.HTTP_201_CREATED "
        "(or the code it really answers) to @{decorator}(...)"
    )

    def check(self, ctx: ModuleContext) -> None:
        for route in find_routes(ctx):
            if route.is_post and not route.has_keyword("status_code"):
                ctx.report(
                    self, route.function, name=route.name,
                    alias=ctx.config.status_alias, decorator=route.decorator_name,
                )
