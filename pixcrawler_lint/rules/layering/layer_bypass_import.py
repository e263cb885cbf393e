"""PXL102 layer-bypass-import."""

from __future__ import annotations

from pixcrawler_lint.context import ModuleContext
from pixcrawler_lint.findings import Severity
from pixcrawler_lint.registry import Rule, register
from pixcrawler_lint.rules.layering import report_import_breaches

__all__ = ["LayerBypassImport"]


@register
class LayerBypassImport(Rule):
    """An api module imports the repositories or models layer, or sqlalchemy.

    ## What it does
    Reports an import in an api module that reaches the repositories or models layer, or
    `sqlalchemy` (any submodule). Composition roots (`composition-roots`, which build the
    services) and types modules (`types-modules`, which hold the `*Dep` aliases) are exempt.

    ## Why is this bad?
    An endpoint that talks to a repository, a model or the ORM skips the service layer: the
    business rules (ownership checks, validation, transactions) that live in the service are
    silently bypassed, and the endpoint can no longer be tested with a fake service.

    ## Example
    ```python
    # backend/api/v1/endpoints/projects.py
    from backend.repositories.project import ProjectRepository
    from sqlalchemy import select
    ```

    ## Use instead
    ```python
    # backend/api/v1/endpoints/projects.py
    from backend.api.types import ProjectServiceDep
    ```
    """

    code = "PXL102"
    symbol = "layer-bypass-import"
    severity = Severity.WARNING
    message = "api module imports {imported} ({target}), bypassing the services layer: {fix}"

    def check(self, ctx: ModuleContext) -> None:
        report_import_breaches(self, ctx)
