"""PXL204 shadowed-status-module."""

from __future__ import annotations

from astroid import nodes

from pixcrawler_lint.analysis.status_binding import (
    Binding,
    bindings_at,
    classify_binding,
    describe_binding,
)
from pixcrawler_lint.context import ModuleContext
from pixcrawler_lint.findings import Severity
from pixcrawler_lint.registry import Rule, register

__all__ = ["ShadowedStatusModule"]


@register
class ShadowedStatusModule(Rule):
    """`status.HTTP_*` is read where `status` is no longer fastapi's status module.

    ## What it does
    Reports `status.HTTP_...` (and `<status-alias>.HTTP_...`) where, by Python's scoping
    rules, the name is bound to something other than the fastapi/starlette `status` module:
    a parameter (`status: APIKeyStatus | None = None`), a local assignment (plain, augmented
    or annotated), a `for` target, a `with ... as` or `except ... as` name, a comprehension
    variable, a `:=` target, a `global`/`nonlocal` rebinding or another import. It stays
    silent where the name is still the module, e.g. a module-level `status` in a route's
    decorator or parameter defaults while the function has a parameter called `status`
    (decorators and defaults are evaluated in the enclosing scope), and when some binding
    may still be the module.

    ## Why is this bad?
    The attribute access fails at run time, typically inside an error handler:
    `AttributeError: 'APIKeyStatus' object has no attribute 'HTTP_500_INTERNAL_SERVER_ERROR'`
    replaces the intended HTTP error with a 500 and hides the original problem.

    ## Example
    ```python
    from fastapi import status

    @router.get("/api-keys", response_model=list[APIKeyResponse])
    async def list_api_keys(service: APIKeyServiceDep, status: APIKeyStatus | None = None):
        if status is APIKeyStatus.REVOKED:
            raise HTTPException(status_code=status.HTTP_400_BAD_REQUEST)
    ```

    ## Use instead
    ```python
    from fastapi import status as http_status

    @router.get("/api-keys", response_model=list[APIKeyResponse])
    async def list_api_keys(service: APIKeyServiceDep, status: APIKeyStatus | None = None):
        if status is APIKeyStatus.REVOKED:
            raise HTTPException(status_code=http_status.HTTP_400_BAD_REQUEST)
    ```
    """

    code = "PXL204"
    symbol = "shadowed-status-module"
    severity = Severity.ERROR
    message = (
        "'{name}' is {binding} here, not fastapi's status module, "
        "so {name}.{attr} fails at run time: "
        "import `from fastapi import status as {alias}` and read {alias}.{attr}{rename}"
    )

    def check(self, ctx: ModuleContext) -> None:
        watched = {"status", ctx.config.status_alias}
        for attribute in ctx.nodes_of(nodes.Attribute):
            expr = attribute.expr
            if not (isinstance(expr, nodes.Name) and expr.name in watched):
                continue
            if not attribute.attrname.startswith("HTTP_"):
                continue
            bindings = bindings_at(expr)
            kinds = {classify_binding(binding, expr.name) for binding in bindings}
            if kinds != {Binding.OTHER}:
                continue
            # when the alias itself is shadowed, importing it again is not enough
            rename = ""
            if expr.name == ctx.config.status_alias:
                rename = f", renaming what shadows '{expr.name}'"
            ctx.report(
                self,
                attribute,
                name=expr.name,
                attr=attribute.attrname,
                binding=describe_binding(bindings[-1]),
                alias=ctx.config.status_alias,
                rename=rename,
            )
