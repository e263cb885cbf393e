"""PXL403 unknown-collaborator-method."""

from __future__ import annotations

from pixcrawler_lint.analysis.collaborator_calls import verdicts_for
from pixcrawler_lint.context import ModuleContext
from pixcrawler_lint.findings import Severity
from pixcrawler_lint.registry import Rule, register

__all__ = ["UnknownCollaboratorMethod"]


@register
class UnknownCollaboratorMethod(Rule):
    """A method is called that the collaborator's class does not define.

    ## What it does
    Resolves the class of a collaborator from DI typing — a parameter annotated with a class or
    an alias such as `ProjectServiceDep`, `self.x` assigned from such an `__init__` parameter,
    a local built by a constructor call — and the shapes real backends reach it through: a
    `@property` / `functools.cached_property` accessor (by its return annotation or the
    attribute it returns), a chain whose every hop resolves (`self.repos.households`), a
    module-level singleton bound once (`project_service = ProjectService()`, imported
    elsewhere), a classmethod/staticmethod factory (`ProductRepository.from_session(session)`),
    a helper's return (`a, b = make_repositories(session)` with `-> tuple[A, B]`), the annotated
    class attribute of a class-based view (`@cbv(router)`). It reports a method call that
    neither the class nor any of its bases (generic bases such as `BaseRepository[Project]`
    included) defines. The message suggests the closest existing method. Classes with unknown
    bases, `__getattr__`, mocks and library classes are never judged; an unannotated property
    returning a dict, a singleton bound twice, a helper returning `Any` or a chain through an
    unknown hop resolve to nothing.

    ## Why is this bad?
    The call raises `AttributeError` at run time. Plain pylint cannot see it because it does
    not know the class behind `self.repository` or `service: ProjectServiceDep`.

    ## Example
    ```python
    async def get_project(self, project_id: int) -> Project | None:
        return await self.repository.get(project_id)
    ```

    ## Use instead
    ```python
    async def get_project(self, project_id: int) -> Project | None:
        return await self.repository.get_by_id(project_id)
    ```
    """

    code = "PXL403"
    symbol = "unknown-collaborator-method"
    severity = Severity.ERROR
    message = "{cls} has no method {method}(): {hint}"

    def check(self, ctx: ModuleContext) -> None:
        for verdict in verdicts_for(ctx, self.code):
            ctx.report(self, verdict.node, **verdict.args)
