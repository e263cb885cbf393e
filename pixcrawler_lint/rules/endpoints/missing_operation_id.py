"""PXL201 missing-operation-id."""

from __future__ import annotations

from pixcrawler_lint.analysis.routes import find_routes
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
    `FastAPI` instance) whose decorator does not pass `operation_id=`.

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
        for route in find_routes(ctx):
            if not route.has_keyword("operation_id"):
                ctx.report(
                    self,
                    route.function,
                    name=route.function.name,
                    suggestion=camel_case(route.function.name),
                    decorator=route.decorator.func.as_string(),
                )
