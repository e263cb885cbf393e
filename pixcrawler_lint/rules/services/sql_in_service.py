"""PXL302 sql-in-service."""

from __future__ import annotations

from astroid import nodes

from pixcrawler_lint.analysis.sessions import SESSION_QUERY_METHODS, is_session_expression
from pixcrawler_lint.context import ModuleContext
from pixcrawler_lint.findings import Severity
from pixcrawler_lint.layers import Layer
from pixcrawler_lint.registry import Rule, register

__all__ = ["SqlInService"]

SQL_BUILDERS = frozenset({"select", "insert", "update", "delete", "text", "func"})


def imported_origin(expr: nodes.NodeNG) -> str | None:
    """The dotted origin of a name bound by an import: ``select`` → ``sqlalchemy.select``,
    ``sa.func.count`` → ``sqlalchemy.func.count``; ``None`` for anything else."""
    if isinstance(expr, nodes.Attribute):
        owner = imported_origin(expr.expr)
        return f"{owner}.{expr.attrname}" if owner else None
    if not isinstance(expr, nodes.Name):
        return None
    try:
        _, assignments = expr.lookup(expr.name)
    except (Exception, RecursionError):  # pylint: disable=broad-exception-caught
        return None
    if len(assignments) != 1:
        return None
    statement = assignments[0]
    if isinstance(statement, nodes.ImportFrom) and not statement.level:
        real = next((real for real, alias in statement.names if (alias or real) == expr.name), None)
        return f"{statement.modname}.{real}" if real and real != "*" else None
    if isinstance(statement, nodes.Import):
        for real, alias in statement.names:
            if alias == expr.name:
                return str(real)
            if alias is None and real.split(".")[0] == expr.name:
                return str(expr.name)
    return None


def sql_builder(call: nodes.Call) -> str | None:
    """``select`` for ``select(...)``, ``func.count`` for ``func.count(...)`` from sqlalchemy."""
    origin = imported_origin(call.func)
    if origin is None or not (origin == "sqlalchemy" or origin.startswith("sqlalchemy.")):
        return None
    parts = origin.split(".")
    if "func" in parts[1:]:
        return ".".join(parts[parts.index("func", 1):])
    return parts[-1] if parts[-1] in SQL_BUILDERS else None


def _problem(call: nodes.Call, ctx: ModuleContext) -> str | None:
    builder = sql_builder(call)
    if builder is not None:
        return f"builds SQL with {builder}()"
    func = call.func
    if isinstance(func, nodes.Attribute) and func.attrname in SESSION_QUERY_METHODS:
        if is_session_expression(func.expr, ctx.config):
            return f"runs {func.attrname}() on a session"
    return None


@register
class SqlInService(Rule):
    """A service builds SQL or executes on a session.

    ## What it does
    Reports, in modules of the services layer, calls of SQLAlchemy's `select`, `insert`,
    `update`, `delete`, `text` and `func.*`, and `execute`/`scalar(s)`/`stream`/`query` calls on
    a session (`self.session`, `self.db`, a repository's `self.repo.session`, a local bound to
    one, or anything typed with a `session-types` class). One expression is one finding: SQL
    built inside another SQL expression (`select(User).where(func.lower(User.name) == name)`,
    `session.query(User).filter(...).first()`) is reported once, at the outermost expression
    of the statement.

    ## Why is this bad?
    Queries belong in repositories, where they are reused and tested against the database. SQL
    in a service duplicates data access, couples business logic to the ORM and makes the
    service impossible to test with a fake repository.

    ## Example
    ```python
    async def list_archival_policies(self) -> list[ArchivalPolicy]:
        result = await self.session.execute(select(ArchivalPolicy).order_by(ArchivalPolicy.id))
        return list(result.scalars().all())
    ```

    ## Use instead
    ```python
    async def list_archival_policies(self) -> Sequence[ArchivalPolicy]:
        return await self.archival_repo.list()
    ```
    """

    code = "PXL302"
    symbol = "sql-in-service"
    severity = Severity.WARNING
    message = "service code {problem}: move the query into a repository method and call that"

    def check(self, ctx: ModuleContext) -> None:
        if ctx.layer is not Layer.SERVICES or ctx.architecture.policy.services_own_queries:
            return
        found: dict[nodes.Call, str] = {}
        for call in ctx.nodes_of(nodes.Call):
            problem = _problem(call, ctx)
            if problem is not None:
                found[call] = problem
        # One finding per outermost expression: the first (outermost, then earliest) cause names it.
        causes: dict[nodes.NodeNG, list[nodes.Call]] = {}
        for call in found:
            causes.setdefault(_outermost(call), []).append(call)
        for root, calls in causes.items():
            first = min(calls, key=lambda c: (_depth(c, root), c.fromlineno or 0, c.col_offset or 0))
            ctx.report(self, root, problem=found[first])


# Expressions through which one SQL expression is built: calls (arguments and method chains),
# attribute access, operators, awaits, subscripts.
_EXPRESSION_PARTS = (
    nodes.Call, nodes.Attribute, nodes.Compare, nodes.BinOp, nodes.BoolOp, nodes.UnaryOp, nodes.Await,
    nodes.Keyword, nodes.Starred, nodes.Subscript, nodes.Tuple, nodes.List,
)


def _outermost(call: nodes.Call) -> nodes.NodeNG:
    """The outermost expression of the statement that ``call`` is built into."""
    node: nodes.NodeNG = call
    parent = call.parent
    while isinstance(parent, _EXPRESSION_PARTS) and not parent.is_statement:
        node, parent = parent, parent.parent
    while not isinstance(node, nodes.Call) and node is not call:
        node = next(child for child in node.get_children() if _contains(child, call))
    return node


def _contains(node: nodes.NodeNG, call: nodes.Call) -> bool:
    current: nodes.NodeNG | None = call
    while current is not None:
        if current is node:
            return True
        current = current.parent
    return False


def _depth(call: nodes.Call, root: nodes.NodeNG) -> int:
    depth, current = 0, call
    while current is not root and current.parent is not None:
        depth, current = depth + 1, current.parent
    return depth
