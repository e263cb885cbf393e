"""PXL601 service-without-factory."""

from __future__ import annotations

from pixcrawler_lint.analysis.project import unwired_services
from pixcrawler_lint.analysis.vocabulary import vocabulary
from pixcrawler_lint.context import ModuleContext
from pixcrawler_lint.findings import Severity
from pixcrawler_lint.registry import Rule, register

__all__ = ["ServiceWithoutFactory"]


@register
class ServiceWithoutFactory(Rule):
    """A concrete service has no factory in a composition root.

    ## What it does
    Reports a concrete service class (services layer, inherits `BaseService` or is named
    `*Service`; the base, abstract classes and Protocols excepted) when no function of a
    composition root (`composition-roots`, default `backend.api.dependencies`) returns it:
    neither by its return annotation (`-> ProjectService`, also `AsyncIterator[...]`) nor by
    returning or yielding a `ProjectService(...)` it built. The composition roots are read
    from disk, so an editor linting only the service file gets the same answer as a
    whole-project run. When the project has no composition root at all (or one cannot be
    parsed) the rule stays silent: it cannot know where factories would live.

    ## Why is this bad?
    Without a factory the service is either built ad hoc inside endpoints (each with its own
    idea of which repositories and session to pass) or not reachable at all. One factory per
    service keeps construction, and so the whole object graph, in one place that tests can
    override with `app.dependency_overrides`.

    ## Example
    ```python
    # backend/services/report.py
    class ReportService(BaseService):
        def __init__(self, repository: ReportRepository) -> None:
            super().__init__()
            self.repository = repository
    # ... and nothing in backend/api/dependencies.py builds it
    ```

    ## Use instead
    ```python
    # backend/api/dependencies.py
    async def get_report_service(session: AsyncSession = Depends(get_session)) -> ReportService:
        return ReportService(ReportRepository(session))
    ```
    """

    code = "PXL601"
    symbol = "service-without-factory"
    severity = Severity.WARNING
    message = (
        "service {service} has no factory in a composition root: "
        "add def {factory}(...) -> {service} to {root}"
    )

    def check(self, ctx: ModuleContext) -> None:
        words = vocabulary(ctx)
        for service in unwired_services(ctx, "factories"):
            ctx.report(
                self,
                service,
                service=service.name,
                factory=words.factory_for(service.name),
                root=words.composition_root,
            )
