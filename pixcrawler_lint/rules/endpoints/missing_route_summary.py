"""PXL203 missing-route-summary."""

from __future__ import annotations

from pixcrawler_lint.analysis.mounting import schema_routes
from pixcrawler_lint.context import ModuleContext
from pixcrawler_lint.findings import Severity
from pixcrawler_lint.registry import Rule, register

__all__ = ["MissingRouteSummary"]


def sentence_case(name: str) -> str:
    """``create_archival_policy`` → ``Create archival policy``."""
    words = " ".join(part for part in name.split("_") if part)
    return words[:1].upper() + words[1:]


@register
class MissingRouteSummary(Rule):
    """A route has no `summary=`.

    ## What it does
    Reports a route whose decorator does not pass `summary=`. Routes out of the schema
    (`include_in_schema=False` on the decorator, the router or `include_router`, or an app
    with `openapi_url=None`) are exempt.

    ## Why is this bad?
    The summary is the one-line title of the operation in Swagger UI, ReDoc and generated
    client docs. Without it FastAPI shows the title-cased function name, which changes
    whenever the function is renamed and rarely says what the endpoint is for.

    ## Example
    ```python
    @router.get("/projects", response_model=list[ProjectResponse], operation_id="listProjects")
    async def list_projects(current_user: CurrentUser, service: ProjectServiceDep):
        ...
    ```

    ## Use instead
    ```python
    @router.get(
        "/projects",
        response_model=list[ProjectResponse],
        summary="List the caller's projects",
        operation_id="listProjects",
    )
    async def list_projects(current_user: CurrentUser, service: ProjectServiceDep):
        ...
    ```
    """

    code = "PXL203"
    symbol = "missing-route-summary"
    severity = Severity.CONVENTION
    message = 'route {name}() has no summary: add summary="{suggestion}" to @{decorator}(...)'

    def check(self, ctx: ModuleContext) -> None:
        for route in schema_routes(ctx):
            if not route.has_keyword("summary"):
                ctx.report(
                    self,
                    route.function,
                    name=route.name,
                    suggestion=sentence_case(route.name),
                    decorator=route.decorator_name,
                )
