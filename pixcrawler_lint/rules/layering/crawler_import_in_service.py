"""PXL104 crawler-import-in-service."""

from __future__ import annotations

from pixcrawler_lint.analysis.vocabulary import vocabulary
from pixcrawler_lint.context import ModuleContext
from pixcrawler_lint.findings import Severity
from pixcrawler_lint.registry import Rule, register
from pixcrawler_lint.rules.layering import report_import_breaches

__all__ = ["CrawlerImportInService"]


@register
class CrawlerImportInService(Rule):
    """A service module imports an HTTP or crawling library.

    ## What it does
    Reports an import, in a module of the services layer, of a library listed in
    `service-forbidden-imports` (default: `requests`, `httpx`, `aiohttp`, `urllib.request`,
    `urllib3`, `bs4`, `lxml`, `selenium`, `playwright`, `scrapy`, `icrawler`), or of any of
    their submodules. `from urllib import request` counts as `urllib.request`.

    ## Why is this bad?
    Crawling and downloading belong to the `builder` package. A service that fetches pages
    itself re-implements the builder (the legacy `crawl_job.py` grew to 1971 lines that way),
    mixes network I/O into business logic, and cannot be tested offline.

    ## Example
    ```python
    # backend/services/crawl_job.py
    import httpx
    from bs4 import BeautifulSoup
    ```

    ## Use instead
    ```python
    # backend/services/crawl_job.py
    from builder.crawler import crawl_images  # the service orchestrates, builder crawls
    ```
    """

    code = "PXL104"
    symbol = "crawler-import-in-service"
    severity = Severity.WARNING
    message = (
        "service module imports {imported}: crawling and HTTP belong to {home}; "
        "call {callee} from the service instead"
    )

    def check(self, ctx: ModuleContext) -> None:
        report_import_breaches(self, ctx, lambda: vocabulary(ctx).crawler_words())
