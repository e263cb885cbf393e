"""PXL903 syntax-error: a file of the linted project cannot be read or parsed (CLI ``check``)."""

from __future__ import annotations

from pixcrawler_lint.context import ModuleContext
from pixcrawler_lint.findings import Finding, Severity
from pixcrawler_lint.registry import Rule, register

__all__ = ["SyntaxErrorRule", "syntax_error_finding", "PYLINT_OWN_IDS"]

# Rules whose findings pylint reports itself, under its own id (and the symbol we share).
PYLINT_OWN_IDS = {"PXL903": "E0001"}


@register
class SyntaxErrorRule(Rule):
    """A file of the linted project cannot be parsed, so no rule checked it.

    ## What it does
    `pixcrawler-lint check` reports, at the position of the error, each file it cannot read,
    decode or parse: a syntax error, a NUL byte, inconsistent tabs and spaces, undecodable
    bytes, a symlink loop. The file is left out of the import graph; the import contracts
    still check the rest of the project.

    The other front ends keep their own report of the same problem: flake8 reports `E999`
    (its plugin API never hands an unparseable file to plugins) and pylint reports `E0001`
    `syntax-error`; neither reports PXL903. `pixcrawler-lint check --extend-ignore PXL903`
    restores the behaviour of earlier versions (the file is skipped with a warning on stderr).

    When the project's `requires-python` is newer than the Python running the linter, every
    front end says so once on stderr: syntax of the newer version does not parse here, so
    run the linter on an interpreter the project supports.

    ## Why is this bad?
    A file that does not parse fails at import time, and a gate that skipped it would pass a
    broken change.

    ## Example
    ```python
    def create_project(name: str:
        ...
    ```

    ## Use instead
    ```python
    def create_project(name: str) -> None:
        ...
    ```
    """

    code = "PXL903"
    symbol = "syntax-error"
    severity = Severity.ERROR
    message = "cannot parse this file, no rule checked it: {detail}"

    def check(self, ctx: ModuleContext) -> None:
        """Produced by the CLI when parsing fails, never by checking code."""


def syntax_error_finding(path: str, detail: str, line: int = 1, col: int = 0) -> Finding:
    """The PXL903 finding of the file at ``path`` (``line`` 1-based, ``col`` 0-based)."""
    return Finding(
        path=path, line=max(1, line), col=max(0, col), code=SyntaxErrorRule.code, symbol=SyntaxErrorRule.symbol,
        message=SyntaxErrorRule.message.format(detail=detail), severity=SyntaxErrorRule.severity,
    )
