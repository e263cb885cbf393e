"""PXL405 repository-missing-base."""

from __future__ import annotations

from astroid import nodes

from pixcrawler_lint.analysis.classes import ancestor_names, is_repository_class, syntactic_base_name
from pixcrawler_lint.context import ModuleContext
from pixcrawler_lint.findings import Severity
from pixcrawler_lint.layers import Layer
from pixcrawler_lint.registry import Rule, register

__all__ = ["RepositoryMissingBase"]


def _bare_base(cls: nodes.ClassDef, base_name: str) -> bool:
    """True when ``cls`` lists the base repository itself without a model: ``(BaseRepository)``."""
    return any(
        not isinstance(base, nodes.Subscript) and syntactic_base_name(base) == base_name for base in cls.bases
    )


@register
class RepositoryMissingBase(Rule):
    """A `*Repository` class does not inherit `BaseRepository[Model]`.

    ## What it does
    Reports a concrete class of the repositories layer named `*Repository` (or inheriting the
    `base-repository`, default `BaseRepository`) that does not inherit the base repository, or
    inherits it without naming its model (`BaseRepository` instead of `BaseRepository[Project]`).
    Abstract classes and Protocols are exempt; inheriting through an intermediate generic base
    (`class PolicyBase(BaseRepository[ModelT])`) is fine.

    ## Why is this bad?
    Services rely on every repository offering the house API — `create(**kwargs)`,
    `get_by_id(id)`, `update(instance, **updates)`, `delete(instance)`. A hand-rolled repository
    drifts (`get`, `update(id, data)`), and without the model parameter type checkers and this
    linter cannot tell what `get_by_id` returns.

    ## Example
    ```python
    class PolicyExecutionLogRepository:
        def __init__(self, session: AsyncSession) -> None:
            self.session = session
    ```

    ## Use instead
    ```python
    class PolicyExecutionLogRepository(BaseRepository[PolicyExecutionLog]):
        def __init__(self, session: AsyncSession) -> None:
            super().__init__(session, PolicyExecutionLog)
    ```
    """

    code = "PXL405"
    symbol = "repository-missing-base"
    severity = Severity.CONVENTION
    message = "repository {name} {problem}: declare class {name}({base}[{model}])"

    def check(self, ctx: ModuleContext) -> None:
        if ctx.layer is not Layer.REPOSITORIES:
            return
        base = ctx.config.base_repository
        for cls in ctx.nodes_of(nodes.ClassDef):
            if not is_repository_class(cls, ctx.config, ctx.modname):
                continue
            if base not in ancestor_names(cls):
                problem = f"does not inherit {base}"
            elif _bare_base(cls, base):
                problem = f"inherits {base} without its model"
            else:
                continue
            model = cls.name.removesuffix("Repository") or "Model"
            ctx.report(self, cls, name=cls.name, problem=problem, base=base, model=model)
