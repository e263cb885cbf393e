"""PXL202 missing-response-model."""

from __future__ import annotations

from astroid import nodes

from pixcrawler_lint.analysis.mounting import schema_routes
from pixcrawler_lint.analysis.name_definitions import definition_of
from pixcrawler_lint.analysis.origins import library_name
from pixcrawler_lint.analysis.routes import Route
from pixcrawler_lint.context import ModuleContext
from pixcrawler_lint.findings import Severity
from pixcrawler_lint.registry import Rule, register

__all__ = ["MissingResponseModel"]

_NO_CONTENT = 204
_RESPONSE_LIBRARIES = frozenset({"fastapi", "starlette"})
_MAX_DEPTH = 8


def _response_class(expr: nodes.NodeNG, depth: int = 0) -> bool:
    """``FileResponse`` (from fastapi or starlette) or a project subclass of a response class."""
    imported = library_name(expr)
    if imported is not None:
        return imported.module.split(".")[0] in _RESPONSE_LIBRARIES and imported.last.endswith("Response")
    definition = definition_of(expr)
    if definition is None or not isinstance(definition.value, nodes.ClassDef) or depth > _MAX_DEPTH:
        return False
    return any(_response_class(base, depth + 1) for base in definition.value.bases)


def _returns_responses(function: nodes.FunctionDef) -> bool:
    """Every ``return`` of the function returns ``SomeResponse(...)`` built right there."""
    values = [
        node.value for node in function.nodes_of_class(nodes.Return)
        if node.scope() is function
    ]
    return bool(values) and all(
        isinstance(value, nodes.Call) and _response_class(value.func) for value in values
    )


def declares_response(route: Route) -> bool:
    """True when the route says what it returns, returns a response object, or no body at all."""
    return (
        route.has_keyword("response_model")
        or route.has_keyword("response_class")
        or route.function.returns is not None
        or route.status_code() == _NO_CONTENT
        or _returns_responses(route.function)
    )


@register
class MissingResponseModel(Rule):
    """A route has neither `response_model=` nor a return annotation.

    ## What it does
    Reports a route whose decorator has no `response_model=` and whose function has no
    return annotation. Exempt: routes that answer `204 No Content`, that pass
    `response_class=` or return a response object (`return FileResponse(path)`: files,
    redirects, streams, HTML), and routes out of the schema (`include_in_schema=False` on the
    decorator, the router or `include_router`, or an app with `openapi_url=None`).

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
        for route in schema_routes(ctx):
            if not declares_response(route):
                ctx.report(self, route.function, name=route.name, decorator=route.decorator_name)
