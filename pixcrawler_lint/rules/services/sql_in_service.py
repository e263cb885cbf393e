"""PXL302 sql-in-service."""

from __future__ import annotations

from astroid import nodes

from pixcrawler_lint.analysis.sessions import is_session_expression
from pixcrawler_lint.context import ModuleContext
from pixcrawler_lint.findings import Severity
from pixcrawler_lint.layers import Layer
from pixcrawler_lint.registry import Rule, register

__all__ = ["SqlInService"]

SQL_BUILDERS = frozenset({"select", "insert", "update", "delete", "text", "func"})
SESSION_METHODS = frozenset({"execute", "scalar", "scalars", "stream", "stream_scalars", "exec"})


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
    if isinstance(func, nodes.Attribute) and func.attrname in SESSION_METHODS:
        if is_session_expression(func.expr, ctx.config):
            return f"runs {func.attrname}() on a session"
    return None


@register
class SqlInService(Rule):
    """A service builds SQL or executes on a session.

    ## What it does
    Reports, in modules of the services layer, calls of SQLAlchemy's `select`, `insert`,
    `update`, `delete`, `text` and `func.*`, and `execute`/`scalar(s)`/`stream` calls on a
    session (`self.session`, `self.db`, or anything typed with a `session-types` class). A SQL
    expression nested in another reported call is reported once, at the outer call.

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
        for call, problem in found.items():
            if not _inside_reported(call, found):
                ctx.report(self, call, problem=problem)


def _inside_reported(call: nodes.Call, found: dict[nodes.Call, str]) -> bool:
    parent = call.parent
    while parent is not None and not parent.is_statement:
        if parent in found:
            return True
        parent = parent.parent
    return False
