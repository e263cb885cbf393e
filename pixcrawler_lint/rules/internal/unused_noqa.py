"""PXL902 unused-noqa: a ``# noqa: PXL…`` comment that silences nothing (CLI ``--warn-unused-noqa``)."""

from __future__ import annotations

from pixcrawler_lint.context import ModuleContext
from pixcrawler_lint.findings import Severity
from pixcrawler_lint.registry import Rule, register

__all__ = ["UnusedNoqa"]


@register
class UnusedNoqa(Rule):
    """A `# noqa: PXL…` comment suppresses no finding on its line.

    ## What it does
    With `pixcrawler-lint check --warn-unused-noqa`, reports each pixcrawler-lint code listed
    in a `# noqa:` comment that silenced no finding of its (logical) line. Codes of other
    tools (`E501`, `F401`) and bare `# noqa` comments are left alone. The CLI produces this
    finding after running every rule; the pylint and flake8 plugins never report it.

    ## Why is this bad?
    A stale suppression outlives the violation it was written for. When the line later
    regresses in the same way, the comment silently hides the new violation, and readers
    take the comment as proof that a known exception lives here.

    ## Example
    ```python
    @router.get("/projects", operation_id="listProjects", summary="List", response_model=list[ProjectOut])
    async def list_projects(service: ProjectServiceDep):  # noqa: PXL201
        ...
    ```

    ## Use instead
    ```python
    @router.get("/projects", operation_id="listProjects", summary="List", response_model=list[ProjectOut])
    async def list_projects(service: ProjectServiceDep):
        ...
    ```
    """

    code = "PXL902"
    symbol = "unused-noqa"
    severity = Severity.CONVENTION
    message = "`# noqa: {codes}` suppresses nothing on this line: remove {codes} from the comment"

    def check(self, ctx: ModuleContext) -> None:
        """Produced by the CLI from the suppression comments, never by checking code."""
