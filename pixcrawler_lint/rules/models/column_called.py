"""PXL502 column-called."""

from __future__ import annotations

from astroid import nodes

from pixcrawler_lint.analysis.assigned_names import statement_targets
from pixcrawler_lint.analysis.models import ModelTypes, column_of
from pixcrawler_lint.context import ModuleContext
from pixcrawler_lint.findings import Severity
from pixcrawler_lint.modules import known_project_roots, locate_module
from pixcrawler_lint.registry import Rule, register

__all__ = ["ColumnCalled"]


@register
class ColumnCalled(Rule):
    """A mapped column of a model is called like a method.

    ## What it does
    Reports a call `entry.created_at()` where `entry` is an instance of a declarative model
    and `created_at` is one of its mapped columns (defined by the model or inherited from a
    mixin). The model is known from inference or from annotations: a parameter or variable
    annotated with the model (`ActivityLog`, `ActivityLog | None`), or the annotated return
    of a collaborator's method (`-> ActivityLog | None`, or `-> list[ActivityLog]` when the
    result is iterated).

    ## Why is this bad?
    On an instance a mapped column is a plain value (a `datetime`, an `int`): calling it
    raises `TypeError: 'datetime.datetime' object is not callable` at run time, typically
    only on the code path nobody tested.

    ## Example
    ```python
    async def recent_activity(self, user_id: int) -> list[str]:
        return [entry.created_at().isoformat() for entry in await self.repository.recent(user_id)]
    ```

    ## Use instead
    ```python
    async def recent_activity(self, user_id: int) -> list[str]:
        return [entry.created_at.isoformat() for entry in await self.repository.recent(user_id)]
    ```
    """

    code = "PXL502"
    symbol = "column-called"
    severity = Severity.ERROR
    message = (
        "{column} is a mapped column of {model}, not a method: use {receiver}.{column} without ()"
    )

    def check(self, ctx: ModuleContext) -> None:
        types = ModelTypes(ctx)
        columns = _possible_columns(ctx)
        for call in ctx.nodes_of(nodes.Call):
            func = call.func
            if not isinstance(func, nodes.Attribute):
                continue
            if columns is not None and func.attrname not in columns:
                continue  # no project source assigns that name: not a column of any model
            model = types.model_of(func.expr)
            if model is None or column_of(model, func.attrname) is None:
                continue
            ctx.report(
                self, call, column=func.attrname, model=model.name, receiver=func.expr.as_string()
            )


# Calls checked in this process before the project is scanned: the scan costs about as much
# as checking a few hundred calls, so one cold file (an editor's flake8) checks them all.
_SCAN_AFTER_CALLS = 500
_calls_seen = 0


def _possible_columns(ctx: ModuleContext) -> frozenset[str] | None:
    """The names a project class body may assign (the project on disk, and this module as
    linted: an editor's unsaved buffer), or ``None`` when unknown or not worth knowing yet."""
    global _calls_seen  # pylint: disable=global-statement  # a per-process tally, never read back by rules
    if _calls_seen < _SCAN_AFTER_CALLS:
        _calls_seen += sum(isinstance(call.func, nodes.Attribute) for call in ctx.nodes_of(nodes.Call))
        return None
    try:
        on_disk = statement_targets([locate_module(ctx.path).root, *known_project_roots()])
    except (OSError, ValueError, RuntimeError):
        return None
    if on_disk is None:
        return None
    here = {
        target.name
        for cls in ctx.nodes_of(nodes.ClassDef)
        for statement in cls.body
        if isinstance(statement, (nodes.Assign, nodes.AnnAssign))
        for target in statement.nodes_of_class(nodes.AssignName)
    }
    return on_disk | here
