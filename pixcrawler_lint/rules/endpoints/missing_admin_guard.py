"""PXL211 missing-admin-guard."""

from __future__ import annotations

from astroid import nodes

from pixcrawler_lint.analysis.inference import call_name
from pixcrawler_lint.analysis.route_dependencies import (
    annotated_parts,
    dependency_target,
    is_dependency_call,
    parameter_dependency,
    spelled_name,
)
from pixcrawler_lint.analysis.mounting import Mounting, mounting_of
from pixcrawler_lint.analysis.routes import Route, find_routes
from pixcrawler_lint.config import Config
from pixcrawler_lint.context import ModuleContext
from pixcrawler_lint.findings import Severity
from pixcrawler_lint.layers import is_admin_module
from pixcrawler_lint.registry import Rule, register

__all__ = ["MissingAdminGuard", "has_admin_guard"]


def _guard_dependency(node: nodes.NodeNG | None, config: Config) -> bool:
    """``Depends(require_admin)`` / ``Security(require_admin)``."""
    return isinstance(node, nodes.Call) and is_dependency_call(node) and (
        spelled_name(dependency_target(node)) in config.admin_guards
    )


def _guard_in_dependencies(call: nodes.Call | None, config: Config) -> bool:
    """``dependencies=[Depends(require_admin)]`` among the keywords of ``call``."""
    for keyword in (call.keywords or []) if call is not None else []:
        if keyword.arg == "dependencies" and isinstance(keyword.value, (nodes.List, nodes.Tuple)):
            if any(_guard_dependency(element, config) for element in keyword.value.elts):
                return True
    return False


def _guard_parameter(route: Route, config: Config) -> bool:
    for parameter in [*route.parameters, *route.view_attributes()]:
        if spelled_name(parameter.annotation) in config.admin_aliases:
            return True
        inline = annotated_parts(parameter.annotation)
        if inline is not None and spelled_name(inline[0]) in config.admin_aliases:
            return True
        dependency = parameter_dependency(parameter)
        if dependency is None:
            continue
        if spelled_name(dependency_target(dependency.call)) in config.admin_guards:
            return True
    return False


def _guard_call(route: Route, config: Config) -> bool:
    calls = route.function.nodes_of_class(nodes.Call)
    return any(call_name(call) in config.admin_guards for call in calls)


def _is_role_of_current_user(expr: nodes.NodeNG, config: Config) -> bool:
    """``current_user.role``, ``current_user["role"]``, ``current_user.get("role")``."""
    if isinstance(expr, nodes.Attribute) and expr.attrname == "role":
        owner: nodes.NodeNG = expr.expr
    elif (
        isinstance(expr, nodes.Subscript)
        and isinstance(expr.slice, nodes.Const)
        and expr.slice.value == "role"
    ):
        owner = expr.value
    elif (
        isinstance(expr, nodes.Call)
        and isinstance(expr.func, nodes.Attribute)
        and expr.func.attrname == "get"
        and expr.args
        and isinstance(expr.args[0], nodes.Const)
        and expr.args[0].value == "role"
    ):
        owner = expr.func.expr
    else:
        return False
    return isinstance(owner, nodes.Name) and owner.name in config.current_user_names


def _is_admin_value(expr: nodes.NodeNG) -> bool:
    """``"admin"`` or an enum member such as ``UserRole.ADMIN``."""
    if isinstance(expr, nodes.Const):
        return isinstance(expr.value, str) and expr.value.lower() == "admin"
    return isinstance(expr, nodes.Attribute) and expr.attrname.lower() == "admin"


def _raises(statements: list[nodes.NodeNG]) -> bool:
    return any(True for statement in statements for _ in statement.nodes_of_class(nodes.Raise))


_ADMIN_FLAGS = frozenset({"is_superuser", "is_admin", "is_staff"})


def _is_admin_flag(expr: nodes.NodeNG, config: Config) -> bool:
    """``current_user.is_superuser`` (or ``is_admin``/``is_staff``) of the caller."""
    return (
        isinstance(expr, nodes.Attribute)
        and expr.attrname in _ADMIN_FLAGS
        and isinstance(expr.expr, nodes.Name)
        and expr.expr.name in config.current_user_names
    )


def _inline_flag_check(route: Route, config: Config) -> bool:
    """``if not current_user.is_superuser: raise ...`` (or the raise in the ``else`` of
    ``if current_user.is_superuser:``); the raise must come before any ``return``."""
    for branch in route.function.nodes_of_class(nodes.If):
        test = branch.test
        if isinstance(test, nodes.UnaryOp) and test.op == "not" and _is_admin_flag(test.operand, config):
            if _raises(branch.body):
                return True
        elif _is_admin_flag(test, config) and branch.orelse and _raises(branch.orelse):
            return True
    return False


def _inline_role_check(route: Route, config: Config) -> bool:
    """``if current_user.role != "admin": raise ...`` (or ``==`` with the raise in ``else``)."""
    for branch in route.function.nodes_of_class(nodes.If):
        test = branch.test
        if not isinstance(test, nodes.Compare) or len(test.ops) != 1:
            continue
        operator, right = test.ops[0]
        left = test.left
        sides = [(left, right), (right, left)]
        if not any(_is_role_of_current_user(a, config) and _is_admin_value(b) for a, b in sides):
            continue
        if operator in ("!=", "is not") and _raises(branch.body):
            return True
        if operator in ("==", "is") and _raises(branch.orelse):
            return True
    return False


def has_admin_guard(route: Route, config: Config, mounting: Mounting | None = None) -> bool:
    """True when any of the accepted admin guards protects ``route``: on the route itself, on
    its router, or (with ``mounting``) on every chain of apps and ``include_router`` calls
    that mounts it."""
    if (
        _guard_parameter(route, config)
        or _guard_in_dependencies(route.decorator, config)
        or _guard_call(route, config)
        or _inline_role_check(route, config)
        or _inline_flag_check(route, config)
    ):
        return True
    if mounting is None:
        return False
    return all(
        any(name in config.admin_guards for name in dependencies) for dependencies in mounting.dependency_sets()
    )


def _matches_path(parts: tuple[str | None, ...], prefix: str) -> bool:
    """The mounted path starts with ``prefix``; below a part that is not a literal
    (``prefix=settings.API_V1_STR``), the part after it must start with ``prefix``."""
    known = parts
    if None in parts:
        last_unknown = len(parts) - 1 - list(reversed(parts)).index(None)
        known = parts[last_unknown + 1:]
    text = "".join(part for part in known if part)
    return text == prefix or text.startswith(prefix.rstrip("/") + "/")


def admin_scope(ctx: ModuleContext, route: Route, mounting: Mounting) -> str | None:
    """Why ``route`` must be admin-guarded (``"module …"``, ``"router …"``, ``"path …"``), or ``None``."""
    config = ctx.config
    if is_admin_module(ctx.modname, config):
        return f"module {ctx.modname}"
    for name in mounting.routers() if config.admin_routers else ():
        if name in config.admin_routers:
            return f"router {name}"
    for prefix in config.admin_path_prefixes:
        if any(_matches_path(parts, prefix) for parts in mounting.full_paths(route)):
            return f"path {prefix}"
    return None


@register
class MissingAdminGuard(Rule):
    """A route in an admin module has no admin guard.

    ## What it does
    Reports a route of the admin scope that none of these guards protects. The admin scope
    is every route of the modules in `admin-modules` (and their submodules), of the routers
    in `admin-routers` (`"app.backoffice.router"`: module and variable; the routers they
    include too) and the routes whose full mounted path starts with one of
    `admin-path-prefixes` (`"/admin"`). The guards: a call to an `admin-guards` function
    (`require_admin(current_user)`), a parameter typed with an `admin-aliases` alias
    (`current_user: AdminUser`) or depending on a guard (`Depends(require_admin)`), the
    same as a class-level attribute of a class-based view, `dependencies=[Depends(require_admin)]`
    on the route decorator, an inline `if current_user.role != "admin": raise ...` or
    `if not current_user.is_superuser: raise ...` check, or a guard among the dependencies of
    the route's router (`APIRouter(dependencies=[...])`, a router subclass's defaults) or of
    every chain that mounts it: `app.include_router(router, dependencies=[...])` and
    `FastAPI(dependencies=[...])`, found in any module of the project.

    ## Why is this bad?
    Every route of an admin module changes global state (lifecycle policies, quotas).
    One forgotten guard lets any authenticated user archive or delete other users' data,
    and nothing in the route's signature shows that the check is missing.

    ## Example
    ```python
    @router.delete("/archival/{policy_id}", status_code=http_status.HTTP_204_NO_CONTENT)
    async def delete_archival_policy(
        policy_id: int, current_user: CurrentUser, service: PolicyServiceDep
    ):
        await service.delete_archival_policy(policy_id)
    ```

    ## Use instead
    ```python
    @router.delete("/archival/{policy_id}", status_code=http_status.HTTP_204_NO_CONTENT)
    async def delete_archival_policy(
        policy_id: int, current_user: AdminUser, service: PolicyServiceDep
    ):
        await service.delete_archival_policy(policy_id)
    ```
    """

    code = "PXL211"
    symbol = "missing-admin-guard"
    severity = Severity.WARNING
    message = (
        "route {name}() in admin {scope} has no admin guard: type the caller as "
        "`{caller}: {alias}` or add dependencies=[Depends({guard})] to @{decorator}(...)"
    )

    def check(self, ctx: ModuleContext) -> None:
        config = ctx.config
        if not (is_admin_module(ctx.modname, config) or config.admin_routers or config.admin_path_prefixes):
            return
        alias = config.admin_aliases[0] if config.admin_aliases else "AdminUser"
        guard = config.admin_guards[0] if config.admin_guards else "require_admin"
        caller = config.current_user_names[0] if config.current_user_names else "current_user"
        for route in find_routes(ctx):
            mounting = mounting_of(ctx, route)
            scope = admin_scope(ctx, route, mounting)
            if scope is not None and not has_admin_guard(route, config, mounting):
                ctx.report(
                    self, route.function, name=route.name, scope=scope, alias=alias,
                    guard=guard, caller=caller, decorator=route.decorator_name,
                )
