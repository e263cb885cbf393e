"""PXL604 missing-dunder-all."""

from __future__ import annotations

from astroid import nodes

from pixcrawler_lint.context import ModuleContext
from pixcrawler_lint.findings import Severity
from pixcrawler_lint.registry import Rule, register

__all__ = ["MissingDunderAll"]

_SHOWN_NAMES = 4


def _is_docstring_only(module: nodes.Module) -> bool:
    """Nothing but (at most) a docstring: astroid keeps the docstring off ``body``."""
    return not module.body


def _public_names(module: nodes.Module) -> list[str]:
    names: list[str] = []
    for statement in module.body:
        if isinstance(statement, (nodes.ClassDef, nodes.FunctionDef)):
            names.append(statement.name)
        elif isinstance(statement, (nodes.Assign, nodes.AnnAssign)):
            if isinstance(statement, nodes.Assign):
                targets = statement.targets
            else:
                targets = [statement.target]
            names.extend(t.name for t in targets if isinstance(t, nodes.AssignName))
    return [name for name in dict.fromkeys(names) if not name.startswith("_")]


@register
class MissingDunderAll(Rule):
    """A module of a configured layer does not define `__all__`.

    ## What it does
    Reports, on line 1, a module of the api, services, repositories, models or shared
    layers that does not assign `__all__`. A module with nothing but a docstring (such as
    most `__init__.py` files) is exempt.

    ## Why is this bad?
    `__all__` is the module's declared interface: without it every imported helper and
    every module-level name is public, star-imports drag in `AsyncSession` and friends, and
    the layering checks cannot tell what a module means to export.

    ## Example
    ```python
    # backend/services/project.py

    from backend.services.base import BaseService


    class ProjectService(BaseService):
        ...
    ```

    ## Use instead
    ```python
    # backend/services/project.py

    from backend.services.base import BaseService

    __all__ = ["ProjectService"]


    class ProjectService(BaseService):
        ...
    ```
    """

    code = "PXL604"
    symbol = "missing-dunder-all"
    severity = Severity.CONVENTION
    message = (
        "module {module} does not define __all__: add __all__ = [{names}] listing its public names"
    )

    def check(self, ctx: ModuleContext) -> None:
        module = ctx.module
        if ctx.layer is None or _is_docstring_only(module) or "__all__" in module.locals:
            return
        names = _public_names(module)
        shown = ", ".join(f'"{name}"' for name in names[:_SHOWN_NAMES])
        if len(names) > _SHOWN_NAMES:
            shown += ", ..."
        ctx.report(self, 1, module=ctx.modname, names=shown)
