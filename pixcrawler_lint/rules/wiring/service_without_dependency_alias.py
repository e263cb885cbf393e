"""PXL602 service-without-dependency-alias."""

from __future__ import annotations

from pixcrawler_lint.analysis.project import unwired_services
from pixcrawler_lint.analysis.vocabulary import vocabulary
from pixcrawler_lint.context import ModuleContext
from pixcrawler_lint.findings import Severity
from pixcrawler_lint.registry import Rule, register

__all__ = ["ServiceWithoutDependencyAlias"]


@register
class ServiceWithoutDependencyAlias(Rule):
    """A concrete service has no `Annotated[Service, Depends(...)]` alias in a types module.

    ## What it does
    Reports a concrete service class (services layer, inherits `BaseService` or is named
    `*Service`; the base, abstract classes and Protocols excepted) when no module-level
    alias `Name = Annotated[Service, Depends(...)]` (under any name) exists in a types module
    (`types-modules`, default `backend.api.types`). The types modules are read from disk, so
    an editor linting only the service file gets the same answer as a whole-project run.
    When the project has no types module at all (or one cannot be parsed) the rule stays
    silent.

    ## Why is this bad?
    Without a named alias every endpoint spells the dependency inline
    (`service: ProjectService = Depends(get_project_service)`), repeating the factory name
    and drifting apart; with it, endpoints just write `service: ProjectServiceDep`.

    ## Example
    ```python
    # backend/api/types.py has no alias for ProjectService
    @router.get("/projects/{project_id}")
    async def get_project(project_id: int, service: ProjectService = Depends(get_project_service)):
        ...
    ```

    ## Use instead
    ```python
    # backend/api/types.py
    ProjectServiceDep = Annotated[ProjectService, Depends(get_project_service)]

    # an endpoint
    @router.get("/projects/{project_id}")
    async def get_project(project_id: int, service: ProjectServiceDep):
        ...
    ```
    """

    code = "PXL602"
    symbol = "service-without-dependency-alias"
    severity = Severity.WARNING
    message = (
        "service {service} has no dependency alias in a types module: "
        "add {alias} = Annotated[{service}, Depends({factory})] to {types}"
    )

    def check(self, ctx: ModuleContext) -> None:
        words = vocabulary(ctx)
        for service in unwired_services(ctx, "aliases"):
            ctx.report(
                self,
                service,
                service=service.name,
                alias=words.alias_for(service.name),
                factory=words.factory_for(service.name),
                types=words.types_module,
            )
