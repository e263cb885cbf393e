"""PXL402 repository-update-signature."""

from __future__ import annotations

from pixcrawler_lint.analysis.collaborator_calls import verdicts_for
from pixcrawler_lint.context import ModuleContext
from pixcrawler_lint.findings import Severity
from pixcrawler_lint.registry import Rule, register

__all__ = ["RepositoryUpdateSignature"]


@register
class RepositoryUpdateSignature(Rule):
    """A repository's `update()` is not called as `update(instance, **updates)`.

    ## What it does
    Reports a call of `update()` on a repository collaborator whose resolved `update` has the
    house signature `update(self, instance, **updates)` when the call passes keywords only (no
    instance), an id where the instance goes (`update(project_id, ...)`), or the changes as a
    positional dict (`update(project, data)`). A repository that overrides `update` with
    another signature is checked against that real signature instead (PXL404).

    ## Why is this bad?
    `update` sets attributes on the instance it is given and commits. Without an instance it
    raises `TypeError`; with an id it calls `setattr` on an `int`; with a positional dict it
    raises `TypeError`. None of these is caught before the endpoint is hit.

    ## Example
    ```python
    async def rename(self, project_id: int, update_data: dict[str, object]) -> Project:
        return await self.repository.update(project_id, update_data)
    ```

    ## Use instead
    ```python
    async def rename(self, project_id: int, update_data: dict[str, object]) -> Project:
        project = await self.repository.get_by_id(project_id)
        return await self.repository.update(project, **update_data)
    ```
    """

    code = "PXL402"
    symbol = "repository-update-signature"
    severity = Severity.ERROR
    message = "repository update() takes (instance, **updates) but {problem}: {suggestion}"

    def check(self, ctx: ModuleContext) -> None:
        for verdict in verdicts_for(ctx, self.code):
            ctx.report(self, verdict.node, **verdict.args)
