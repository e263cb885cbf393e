"""PXL105 http-in-service."""

from __future__ import annotations

from pixcrawler_lint.analysis.vocabulary import vocabulary
from pixcrawler_lint.context import ModuleContext
from pixcrawler_lint.findings import Severity
from pixcrawler_lint.registry import Rule, register
from pixcrawler_lint.rules.layering import report_import_breaches

__all__ = ["HttpInService"]


@register
class HttpInService(Rule):
    """A service or repository module imports fastapi or starlette.

    ## What it does
    Reports an import of `fastapi` or `starlette` (or any of their submodules) in a module of
    the services or repositories layer.

    ## Why is this bad?
    HTTP is the api layer's concern. A service that raises `HTTPException` or takes a
    `Request` can only be used from an endpoint: a background task or the CLI calling it gets
    HTTP errors, and the service's tests need a web framework.

    ## Example
    ```python
    # backend/services/project.py
    from fastapi import HTTPException
    ```

    ## Use instead
    ```python
    # backend/services/project.py
    from backend.core.exceptions import NotFoundError  # the api layer maps it to 404
    ```
    """

    code = "PXL105"
    symbol = "http-in-service"
    severity = Severity.WARNING
    message = (
        "{layer} module imports {imported}: raise a domain exception{exceptions} "
        "and let the api layer turn it into an HTTP response"
    )

    def check(self, ctx: ModuleContext) -> None:
        report_import_breaches(self, ctx, lambda: {"exceptions": vocabulary(ctx).exception_hint()})
