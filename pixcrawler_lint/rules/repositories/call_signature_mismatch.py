"""PXL404 call-signature-mismatch."""

from __future__ import annotations

from pixcrawler_lint.analysis.collaborator_calls import verdicts_for
from pixcrawler_lint.context import ModuleContext
from pixcrawler_lint.findings import Severity
from pixcrawler_lint.registry import Rule, register

__all__ = ["CallSignatureMismatch"]


@register
class CallSignatureMismatch(Rule):
    """A call on a collaborator does not bind to the callee's signature.

    ## What it does
    Binds the arguments of a call on a collaborator (see PXL403) to the resolved method's real
    signature — positional-only and keyword-only parameters, defaults, `*args`/`**kwargs`,
    staticmethods and classmethods — and reports a missing required argument, an unexpected
    keyword, too many positional arguments or a parameter given twice. Callables handed to
    `asyncio.to_thread`, `run_in_threadpool`, `loop.run_in_executor` and
    `BackgroundTasks.add_task` are bound to the arguments that follow them. Module-level
    functions of the services and repositories layers (by the configured layers, or modules
    named `crud`, `service`, `repository`, `*_service`, …) are bound too, called through their
    module or a direct import: `crud.create_item(session=s, item_in=x)`. Calls that spread
    `*args`/`**kwargs` are reported only for what is certain; methods behind unknown
    decorators are not judged.

    ## Why is this bad?
    The call raises `TypeError` at run time — in a worker thread or a background task, often
    long after the request returned, where nobody sees it.

    ## Example
    ```python
    result = await asyncio.to_thread(
        validator.check_integrity,
        directory=str(directory),
        expected_count=1,
        keyword=str(image_id),
    )
    ```

    ## Use instead
    ```python
    result = await asyncio.to_thread(
        validator.check_integrity,
        directory=str(directory),
        expected_count=1,
        category_name=image.category or "default",
        keyword=str(image_id),
    )
    ```
    """

    code = "PXL404"
    symbol = "call-signature-mismatch"
    severity = Severity.ERROR
    message = "{callee} {problem}: {fix} (signature {signature})"

    def check(self, ctx: ModuleContext) -> None:
        for verdict in verdicts_for(ctx, self.code):
            ctx.report(self, verdict.node, **verdict.args)
