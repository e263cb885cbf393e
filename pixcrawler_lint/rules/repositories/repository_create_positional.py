"""PXL401 repository-create-positional."""

from __future__ import annotations

from pixcrawler_lint.analysis.collaborator_calls import verdicts_for
from pixcrawler_lint.context import ModuleContext
from pixcrawler_lint.findings import Severity
from pixcrawler_lint.registry import Rule, register

__all__ = ["RepositoryCreatePositional"]


@register
class RepositoryCreatePositional(Rule):
    """A repository's `create()` gets a positional argument.

    ## What it does
    Reports a call of `create()` on a repository collaborator (a parameter, `self.x` or local
    whose repository class is known from its annotation or constructor) when the resolved
    `create` is the house signature `create(self, **kwargs)` and the call passes a positional
    argument. A repository that deliberately overrides `create` to take positional parameters
    is checked against that real signature instead (PXL404).

    ## Why is this bad?
    `BaseRepository.create(**kwargs)` builds the model from keyword arguments. Passing the dict
    itself fails at run time with `TypeError: create() takes 1 positional argument but 2 were
    given`, typically only on the code path nobody tested.

    ## Example
    ```python
    class DatasetService(BaseService):
        def __init__(self, crawl_job_repo: CrawlJobRepository) -> None:
            super().__init__()
            self.crawl_job_repo = crawl_job_repo

        async def queue(self, crawl_job_data: dict[str, object]) -> CrawlJob:
            return await self.crawl_job_repo.create(crawl_job_data)
    ```

    ## Use instead
    ```python
            return await self.crawl_job_repo.create(**crawl_job_data)
    ```
    """

    code = "PXL401"
    symbol = "repository-create-positional"
    severity = Severity.ERROR
    message = "repository create() takes keyword arguments: use {suggestion}"

    def check(self, ctx: ModuleContext) -> None:
        for verdict in verdicts_for(ctx, self.code):
            ctx.report(self, verdict.node, **verdict.args)
