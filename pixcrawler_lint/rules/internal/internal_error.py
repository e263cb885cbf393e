"""PXL900 internal-error: a rule crashed on a file; the other rules still ran."""

from __future__ import annotations

from pixcrawler_lint.context import ModuleContext
from pixcrawler_lint.findings import Severity
from pixcrawler_lint.registry import Rule, register

__all__ = ["InternalError"]


@register
class InternalError(Rule):
    """A rule of pixcrawler-lint crashed on this file.

    ## What it does
    Stands in for the findings of a rule that raised an exception while checking a file.
    The engine catches the exception, reports this finding (naming the rule and the file)
    and runs the remaining rules, so one bug never aborts a pylint, flake8 or CI run.

    ## Why is this bad?
    The crashed rule checked nothing on this file, so its violations may go unreported.

    ## Example
    ```text
    backend/services/project.py:1:1: PXL900 rule PXL403 (unknown-collaborator-method) crashed ...
    ```

    ## Use instead
    Report the message and the file to the pixcrawler-lint maintainers. Until it is fixed,
    silence the finding with `# noqa: PXL900` on line 1 or `--extend-ignore=PXL900`.
    """

    code = "PXL900"
    symbol = "internal-error"
    severity = Severity.FATAL
    message = "{detail}"

    def check(self, ctx: ModuleContext) -> None:
        """Produced by the engine, never by checking code."""
