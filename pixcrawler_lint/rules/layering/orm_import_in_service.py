"""PXL103 orm-import-in-service."""

from __future__ import annotations

from pixcrawler_lint.context import ModuleContext
from pixcrawler_lint.findings import Severity
from pixcrawler_lint.registry import Rule, register
from pixcrawler_lint.rules.layering import report_import_breaches

__all__ = ["OrmImportInService"]


@register
class OrmImportInService(Rule):
    """A service module imports sqlalchemy.

    ## What it does
    Reports an import of `sqlalchemy` or any of its submodules (`sqlalchemy.orm`,
    `sqlalchemy.ext.asyncio`, …) in a module of the services layer.

    ## Why is this bad?
    Queries and sessions belong to repositories. A service that builds SQL or holds an
    `AsyncSession` duplicates the repository, cannot be unit-tested with a fake repository,
    and spreads transaction handling over two layers.

    ## Example
    ```python
    # backend/services/project.py
    from sqlalchemy import select
    from sqlalchemy.ext.asyncio import AsyncSession
    ```

    ## Use instead
    ```python
    # backend/services/project.py
    from backend.repositories.project import ProjectRepository  # the query lives there
    ```
    """

    code = "PXL103"
    symbol = "orm-import-in-service"
    severity = Severity.WARNING
    message = (
        "service module imports {imported}: move the query into a repository method "
        "and call the repository from the service"
    )

    def check(self, ctx: ModuleContext) -> None:
        report_import_breaches(self, ctx)
