"""PXL101 upward-import."""

from __future__ import annotations

from pixcrawler_lint.context import ModuleContext
from pixcrawler_lint.findings import Severity
from pixcrawler_lint.registry import Rule, register
from pixcrawler_lint.rules.layering import report_import_breaches

__all__ = ["UpwardImport"]


@register
class UpwardImport(Rule):
    """A module imports from a layer above its own.

    ## What it does
    Reports an import (any form: `import a.b`, `import a.b as c`, `from a import b`, relative
    `from ..services import x`, inside a function, or under `if TYPE_CHECKING:`) that reaches a
    layer above the importing module's own in api → services → repositories → models, and a
    shared module (`shared` key) importing anything but models. Composition roots may import
    every layer. Imports under `if TYPE_CHECKING:` count unless `type-checking-imports =
    "ignore"` is set in `[tool.pixcrawler_lint]`.

    ## Why is this bad?
    Layers only work when dependencies point down. A repository that imports a service (or a
    schema that imports a repository) ties the lower layer to the upper one: import cycles,
    code that cannot be tested or reused without the whole stack, and a layer map that no
    longer describes the code.

    ## Example
    ```python
    # backend/repositories/crawl_job.py
    from backend.services.crawl_job import CrawlJobService
    ```

    ## Use instead
    ```python
    # backend/repositories/crawl_job.py
    from backend.models.crawl_job import CrawlJob  # depend downwards only
    ```
    """

    code = "PXL101"
    symbol = "upward-import"
    severity = Severity.WARNING
    message = "{layer} module imports {imported} from the {target} layer{above}: {fix}"

    def check(self, ctx: ModuleContext) -> None:
        report_import_breaches(self, ctx)
