"""PXL205 unaliased-status-import."""

from __future__ import annotations

from astroid import nodes

from pixcrawler_lint.analysis.status_binding import STATUS_MODULES
from pixcrawler_lint.context import ModuleContext
from pixcrawler_lint.findings import Severity
from pixcrawler_lint.registry import Rule, register

__all__ = ["UnaliasedStatusImport"]

_STATUS_PACKAGES = frozenset({"fastapi", "starlette"})


def status_import_names(node: nodes.Import | nodes.ImportFrom) -> list[str]:
    """The names under which ``node`` binds the fastapi/starlette status module.

    ``import fastapi.status`` binds ``fastapi``, which no parameter called ``status`` can
    shadow, so it is not listed.
    """
    if isinstance(node, nodes.ImportFrom):
        if node.level or node.modname not in _STATUS_PACKAGES:
            return []
        return [alias or real for real, alias in node.names if real == "status"]
    return [alias for real, alias in node.names if real in STATUS_MODULES and alias]


@register
class UnaliasedStatusImport(Rule):
    """fastapi's or starlette's `status` module is imported without the `status-alias`.

    ## What it does
    Reports `from fastapi import status`, `from starlette import status` and any other name
    for the module (`from fastapi import status as st`, `import fastapi.status as st`) when it
    is not bound to the configured `status-alias` (default `http_status`).
    `import fastapi.status` (used as `fastapi.status.HTTP_...`) is accepted.

    ## Why is this bad?
    Endpoints routinely take a query parameter or a local called `status` (a job status, a
    key status). Either one silently shadows the module and `status.HTTP_404_NOT_FOUND`
    fails at run time (see PXL204). One alias everywhere makes that impossible and lets a
    reader grep every HTTP status code of the code base.

    ## Example
    ```python
    from fastapi import APIRouter, HTTPException, status
    ```

    ## Use instead
    ```python
    from fastapi import APIRouter, HTTPException
    from fastapi import status as http_status
    ```
    """

    code = "PXL205"
    symbol = "unaliased-status-import"
    severity = Severity.CONVENTION
    message = (
        "the status module is imported as '{bound}': write `from fastapi import status as {alias}` "
        "and read {alias}.HTTP_..."
    )

    def check(self, ctx: ModuleContext) -> None:
        alias = ctx.config.status_alias
        for node in ctx.nodes_of(nodes.ImportFrom) + ctx.nodes_of(nodes.Import):
            for bound in status_import_names(node):
                if bound != alias:
                    ctx.report(self, node, bound=bound, alias=alias)
