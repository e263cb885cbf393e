"""PXL201 missing-operation-id."""

from __future__ import annotations

from pixcrawler_lint.analysis.mounting import mounting_of, schema_routes
from pixcrawler_lint.context import ModuleContext
from pixcrawler_lint.findings import Severity
from pixcrawler_lint.registry import Rule, register

__all__ = ["MissingOperationId"]


def camel_case(name: str) -> str:
    """``create_archival_policy`` → ``createArchivalPolicy``."""
    head, *rest = name.strip("_").split("_") or [name]
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


@register
class MissingOperationId(Rule):
    """A route has no `operation_id=`.

    ## What it does
    Reports a route (a function decorated with `router.get/post/…(...)` of an `APIRouter` or
    `FastAPI` instance) whose decorator does not pass `operation_id=`. A route that gets its
    operation ids from `generate_unique_id_function=` (on the decorator, its router, or the
    `FastAPI(...)`/`include_router(...)` calls of every chain that mounts it) is exempt, and so
    is a route out of the schema (`include_in_schema=False` on the decorator, the router or
    `include_router`, or an app with `openapi_url=None`).

    ## Why is this bad?
    Without it FastAPI derives the OpenAPI `operationId` from the function name and path
    (`create_archival_policy_api_v1_policies_archival_post`). Generated API clients get
    unreadable method names that change whenever a path is edited.

    ## Example
    ```python
    @router.post("/archival", response_model=ArchivalPolicyResponse, status_code=201)
    async def create_archival_policy(policy_in: ArchivalPolicyCreate, service: PolicyServiceDep):
        ...
    ```

    ## Use instead
    ```python
    @router.post(
        "/archival",
        response_model=ArchivalPolicyResponse,
        status_code=http_status.HTTP_201_CREATED,
        operation_id="createArchivalPolicy",
    )
    async def create_archival_policy(policy_in: ArchivalPolicyCreate, service: PolicyServiceDep):
        ...
    ```
    """

    code = "PXL201"
    symbol = "missing-operation-id"
    severity = Severity.CONVENTION
    message = (
        'route {name}() has no operation_id: add operation_id="{suggestion}" to @{decorator}(...)'
    )

    def check(self, ctx: ModuleContext) -> None:
        for route in schema_routes(ctx):
            if not route.has_keyword("operation_id") and not mounting_of(ctx, route).unique_id(route):
                ctx.report(
                    self,
                    route.function,
                    name=route.function.name,
                    suggestion=camel_case(route.function.name),
                    decorator=route.decorator.func.as_string(),
                )
