"""PXL503 timestamp-columns-without-mixin."""

from __future__ import annotations

from astroid import nodes

from pixcrawler_lint.analysis.classes import inherits
from pixcrawler_lint.analysis.models import is_model_class, own_columns
from pixcrawler_lint.analysis.project import project_defines_class
from pixcrawler_lint.context import ModuleContext
from pixcrawler_lint.findings import Severity
from pixcrawler_lint.layers import Layer, classify
from pixcrawler_lint.registry import Rule, register

__all__ = ["TimestampColumnsWithoutMixin"]

TIMESTAMP_COLUMNS = ("created_at", "updated_at")


def _imports_mixin_from_models(ctx: ModuleContext, mixin: str) -> bool:
    """``from backend.models.base import TimestampMixin`` in the linted module."""
    for importfrom in ctx.nodes_of(nodes.ImportFrom):
        if importfrom.level:
            try:
                modname = importfrom.root().relative_to_absolute_name(
                    importfrom.modname, importfrom.level
                )
            # A relative import above the top package: not a models module.
            except Exception:  # pylint: disable=broad-exception-caught
                continue
        else:
            modname = importfrom.modname
        imported = {name for name, _ in importfrom.names}
        if classify(modname, ctx.config) is Layer.MODELS and mixin in imported:
            return True
    return False


def _project_has_mixin(ctx: ModuleContext) -> bool:
    mixin = ctx.config.timestamp_mixin
    if ctx.layer is Layer.MODELS and any(
        isinstance(statement, nodes.ClassDef) and statement.name == mixin
        for statement in ctx.module.body
    ):
        return True
    if _imports_mixin_from_models(ctx, mixin):
        return True
    return project_defines_class(ctx, ctx.config.models, mixin) is True


@register
class TimestampColumnsWithoutMixin(Rule):
    """A model defines `created_at`/`updated_at` itself although the project has a timestamp mixin.

    ## What it does
    Reports a `created_at` or `updated_at` column defined in a model's own body (not
    inherited) when the project has the `timestamp-mixin` (default `TimestampMixin`, a class
    of that name in the models layer) and the model does not inherit it. Stays silent when
    the project has no such mixin or it cannot be found.

    ## Why is this bad?
    Hand-written timestamp columns drift: one model uses naive datetimes, another forgets
    `onupdate=`, a third uses the database clock. The mixin defines them once, timezone-aware
    and updated by the ORM, and queries and repositories can rely on them everywhere.

    ## Example
    ```python
    class Notification(Base):
        __tablename__ = "notifications"

        id: Mapped[int] = mapped_column(primary_key=True)
        created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    ```

    ## Use instead
    ```python
    class Notification(TimestampMixin, Base):
        __tablename__ = "notifications"

        id: Mapped[int] = mapped_column(primary_key=True)
    ```
    """

    code = "PXL503"
    symbol = "timestamp-columns-without-mixin"
    severity = Severity.CONVENTION
    message = (
        "{model} defines {column} itself: inherit {mixin} (class {model}({mixin}, ...)) "
        "and drop the column"
    )

    def check(self, ctx: ModuleContext) -> None:
        mixin = ctx.config.timestamp_mixin
        candidates = []
        for cls in ctx.nodes_of(nodes.ClassDef):
            if cls.name == mixin or not any(name in cls.locals for name in TIMESTAMP_COLUMNS):
                continue
            if is_model_class(cls) and not inherits(cls, mixin):
                candidates.append(cls)
        if not candidates or not _project_has_mixin(ctx):
            return
        for cls in candidates:
            columns = own_columns(cls)
            for name in TIMESTAMP_COLUMNS:
                if name in columns:
                    ctx.report(self, columns[name].node, model=cls.name, column=name, mixin=mixin)
