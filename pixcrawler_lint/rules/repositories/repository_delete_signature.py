"""PXL406 repository-delete-signature."""

from __future__ import annotations

from pixcrawler_lint.analysis.collaborator_calls import verdicts_for
from pixcrawler_lint.context import ModuleContext
from pixcrawler_lint.findings import Severity
from pixcrawler_lint.registry import Rule, register

__all__ = ["RepositoryDeleteSignature"]


@register
class RepositoryDeleteSignature(Rule):
    """A repository's `delete()` takes the instance but is given an id.

    ## What it does
    Reports a call of `delete()` on a repository collaborator whose resolved `delete` has the
    house signature `delete(self, instance)` (one required parameter whose name is not an id
    name such as `id`, `pk` or `*_id`) when the call passes an id: a name such as
    `project_id`, an attribute such as `job.id`, or an int/str literal. A repository that
    overrides `delete` to take an id (`delete(self, project_id)`) is not reported.

    ## Why is this bad?
    `delete(instance)` hands its argument to `session.delete()`, which raises
    `UnmappedInstanceError` for an `int`: the row is never deleted, and the endpoint answers
    500 only on the code path that deletes.

    ## Example
    ```python
    async def remove(self, project_id: int) -> None:
        await self.repository.delete(project_id)
    ```

    ## Use instead
    ```python
    async def remove(self, project_id: int) -> None:
        project = await self.repository.get_by_id(project_id)
        await self.repository.delete(project)
    ```
    """

    code = "PXL406"
    symbol = "repository-delete-signature"
    severity = Severity.ERROR
    message = "repository delete() takes the {parameter}, but {given} is an id: {suggestion}"

    def check(self, ctx: ModuleContext) -> None:
        for verdict in verdicts_for(ctx, self.code):
            ctx.report(self, verdict.node, **verdict.args)
