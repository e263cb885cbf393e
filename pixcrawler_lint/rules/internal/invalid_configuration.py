"""PXL901 invalid-configuration: ``[tool.pixcrawler_lint]`` has an unknown key or a wrong type."""

from __future__ import annotations

from pixcrawler_lint.context import ModuleContext
from pixcrawler_lint.findings import Severity
from pixcrawler_lint.registry import Rule, register

__all__ = ["InvalidConfiguration"]


@register
class InvalidConfiguration(Rule):
    """The `[tool.pixcrawler_lint]` table that applies to this file is invalid.

    ## What it does
    Reports, once per file on line 1, that the nearest `pyproject.toml` has an unknown key
    or a value of the wrong type in `[tool.pixcrawler_lint]`. No other rule runs on the file.
    The `pixcrawler-lint` CLI prints the same message and exits with status 2.

    ## Why is this bad?
    A typo such as `composition_root` instead of `composition-roots` would otherwise be
    silently ignored and the rules would check the wrong layout.

    ## Example
    ```toml
    [tool.pixcrawler_lint]
    composition-root = ["app.wiring"]   # unknown key
    api = "app.web"                     # a string is accepted as a one-element list
    ```

    ## Use instead
    ```toml
    [tool.pixcrawler_lint]
    composition-roots = ["app.wiring"]
    ```
    """

    code = "PXL901"
    symbol = "invalid-configuration"
    severity = Severity.FATAL
    message = "{detail}"

    def check(self, ctx: ModuleContext) -> None:
        """Produced by the engine, never by checking code."""
