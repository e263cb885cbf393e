"""PXL501 string-column-in-index."""

from __future__ import annotations

from astroid import nodes

from pixcrawler_lint.analysis.inference import call_name
from pixcrawler_lint.analysis.models import Column, own_columns
from pixcrawler_lint.context import ModuleContext
from pixcrawler_lint.findings import Severity
from pixcrawler_lint.registry import Rule, register

__all__ = ["StringColumnInIndex"]

# constructor name -> how many leading positional arguments are not columns (Index's name)
_CONSTRAINTS: dict[str, int] = {"Index": 1, "UniqueConstraint": 0}


def _table_args(cls: nodes.ClassDef) -> nodes.NodeNG | None:
    """The ``__table_args__ = (...)`` statement of the class body, if it is a plain tuple/list."""
    for statement in cls.body:
        if isinstance(statement, nodes.Assign):
            targets = statement.targets
        elif isinstance(statement, nodes.AnnAssign) and statement.value is not None:
            targets = [statement.target]
        else:
            continue
        if any(isinstance(t, nodes.AssignName) and t.name == "__table_args__" for t in targets):
            return statement
    return None


def _string_columns(
    call: nodes.Call, skip: int, in_scope: dict[str, Column]
) -> list[tuple[int, Column]]:
    """Positions and columns of the string arguments that name a column object in scope."""
    found = []
    for position, argument in enumerate(call.args[skip:], start=skip):
        if isinstance(argument, nodes.Const) and isinstance(argument.value, str):
            column = in_scope.get(argument.value)
            if column is not None:
                found.append((position, column))
    return found


def _rewritten(call: nodes.Call, replacements: dict[int, str]) -> str:
    parts = [replacements.get(i, argument.as_string()) for i, argument in enumerate(call.args)]
    parts += [keyword.as_string() for keyword in call.keywords or ()]
    return f"{call.func.as_string()}({', '.join(parts)})"


@register
class StringColumnInIndex(Rule):
    """An `Index`/`UniqueConstraint` in `__table_args__` names a column of the same class by string.

    ## What it does
    Reports an `Index(...)` or `UniqueConstraint(...)` inside a model's `__table_args__` that
    names a column by string although that column is defined earlier in the same class body,
    so its object is in scope. Columns inherited from a mixin are exempt: there a string is
    the only way to name them, and so are SQLModel fields (`title: str = Field(...)`), whose
    class attribute is a `FieldInfo`, not the column.

    ## Why is this bad?
    A string is only checked when the table is built: a typo or a renamed column fails at
    import time of the whole application (or silently indexes the wrong column when the
    attribute and the table column names differ), and type checkers, IDE renames and
    "find usages" cannot see it. The column object is checked as you type.

    ## Example
    ```python
    class Dataset(TimestampMixin, Base):
        __tablename__ = "datasets"

        user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))

        __table_args__ = (Index("ix_datasets_user_id", "user_id"),)
    ```

    ## Use instead
    ```python
    class Dataset(TimestampMixin, Base):
        __tablename__ = "datasets"

        user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))

        __table_args__ = (
            Index("ix_datasets_user_id", user_id),
            Index("ix_datasets_created_at", "created_at"),  # a mixin column: a string is fine
        )
    ```
    """

    code = "PXL501"
    symbol = "string-column-in-index"
    severity = Severity.CONVENTION
    message = (
        "{construct}() names {columns} of {model} by string: pass the column object, {suggestion}"
    )

    def check(self, ctx: ModuleContext) -> None:
        for cls in ctx.nodes_of(nodes.ClassDef):
            statement = _table_args(cls)
            if statement is None or not isinstance(statement.value, (nodes.Tuple, nodes.List)):
                continue
            # Only columns assigned above __table_args__ exist as names when it is evaluated.
            in_scope = {
                column.db_name: column
                for column in own_columns(cls).values()
                if (column.node.fromlineno or 0) < (statement.fromlineno or 0) and not column.field
            }
            if not in_scope:
                continue
            for element in statement.value.elts:
                if isinstance(element, nodes.Call) and call_name(element) in _CONSTRAINTS:
                    self._check_constraint(ctx, element, cls, in_scope)

    def _check_constraint(
        self, ctx: ModuleContext, call: nodes.Call, cls: nodes.ClassDef, in_scope: dict[str, Column]
    ) -> None:
        construct = call_name(call) or "Index"
        found = _string_columns(call, _CONSTRAINTS[construct], in_scope)
        if not found:
            return
        ctx.report(
            self,
            call,
            construct=construct,
            columns=("columns " if len(found) > 1 else "column ") + ", ".join(
                f'"{call.args[position].value}"' for position, _ in found
            ),
            model=cls.name,
            suggestion=_rewritten(call, {position: column.attribute for position, column in found}),
        )
