"""PXL202 missing-response-model."""

from __future__ import annotations

from pixcrawler_lint.analysis.routes import Route, find_routes
from pixcrawler_lint.context import ModuleContext
from pixcrawler_lint.findings import Severity
from pixcrawler_lint.registry import Rule, register

__all__ = ["MissingResponseModel"]

_NO_CONTENT = 204


def declares_response(route: Route) -> bool:
    """True when the route says what it returns, or returns no body at all."""
    return (
        route.has_keyword("response_model")
        or route.has_keyword("response_class")
        or route.function.returns is not None
        or route.status_code() == _NO_CONTENT
    )


@register
class MissingResponseModel(Rule):
    """A route has neither `response_model=` nor a return annotation.

    ## What it does
    Reports a route whose decorator has no `response_model=` and whose function has no
    return annotation. Routes that answer `204 No Content` and routes that pass
    `response_class=` (files, redirects, streams) are exempt.

    ## Why is this bad?
    FastAPI then neither validates nor filters the response: whatever the service returns
    (an ORM object with a password hash, an internal dict) is serialised as is, and the
    OpenAPI schema documents the response as "any", so generated clients lose their types.

    ## Example
    ```python
    @router.get("/projects/{project_id}", summary="Get a project", operation_id="getProject")
    async def get_project(project_id: int, service: ProjectServiceDep):
        return await service.get_project(project_id)
    ```

    ## Use instead
    ```python
    @router.get(
        "/projects/{project_id}",
        response_model=ProjectResponse,
        summary="Get a project",
        operation_id="getProject",
    )
    async def get_project(project_id: int, service: ProjectServiceDep) -> ProjectResponse:
        return ProjectResponse.model_validate(await service.get_project(project_id))
    ```
    """

    code = "PXL202"
    symbol = "missing-response-model"
    severity = Severity.CONVENTION
    message = (
        "route {name}() declares no response model: add response_model=<Schema> "
        "to @{decorator}(...) or a return annotation (-> <Schema>)"
    )

    def check(self, ctx: ModuleContext) -> None:
        for route in find_routes(ctx):
            if not declares_response(route):
                ctx.report(self, route.function, name=route.name, decorator=route.decorator_name)
