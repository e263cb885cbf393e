"""Routes: functions decorated with ``R.get|post|…(...)`` where ``R`` is an APIRouter/FastAPI."""

from __future__ import annotations

from dataclasses import dataclass

from astroid import nodes

from pixcrawler_lint.analysis.inference import call_name, infer_all
from pixcrawler_lint.context import ModuleContext

__all__ = ["Route", "find_routes", "ROUTE_METHODS", "ROUTER_CLASSES"]

ROUTE_METHODS = frozenset({"get", "post", "put", "patch", "delete", "head", "options", "trace", "api_route"})
ROUTER_CLASSES = frozenset({"APIRouter", "FastAPI"})


@dataclass(frozen=True)
class Route:
    """A route function and the decorator call that makes it one."""

    function: nodes.FunctionDef
    decorator: nodes.Call
    method: str  # "get", "post", … or "api_route"

    def keyword(self, name: str) -> nodes.NodeNG | None:
        """The value of keyword ``name=`` in the route decorator, if given."""
        for keyword in self.decorator.keywords or ():
            if keyword.arg == name:
                return keyword.value
        return None

    def has_keyword(self, name: str) -> bool:
        """True when the decorator passes ``name=`` (or ``**kwargs``, which may contain it)."""
        return any(keyword.arg in (name, None) for keyword in self.decorator.keywords or ())

    @property
    def is_post(self) -> bool:
        """True for ``@router.post`` (and ``api_route(methods=["POST"])``)."""
        if self.method == "post":
            return True
        methods = self.keyword("methods")
        if self.method == "api_route" and isinstance(methods, (nodes.List, nodes.Tuple, nodes.Set)):
            return any(isinstance(e, nodes.Const) and str(e.value).upper() == "POST" for e in methods.elts)
        return False


def _is_router_class(klass: nodes.ClassDef) -> bool:
    if klass.name in ROUTER_CLASSES:
        return True
    try:
        return any(base.name in ROUTER_CLASSES for base in klass.ancestors())
    except RecursionError:
        return False


def _assigned_from_router_call(name: nodes.Name) -> bool:
    """Syntactic fallback when fastapi itself cannot be inferred: ``router = APIRouter(...)``."""
    try:
        _, assignments = name.lookup(name.name)
    except (AttributeError, RecursionError):
        return False
    if not assignments:
        return False
    for target in assignments:
        parent = target.parent
        if not (isinstance(parent, nodes.Assign) and isinstance(parent.value, nodes.Call)):
            return False
        if call_name(parent.value) not in ROUTER_CLASSES:
            return False
    return True


def is_router(expr: nodes.NodeNG) -> bool:
    """True when ``expr`` is certainly an ``APIRouter(...)`` or ``FastAPI(...)`` instance."""
    values = infer_all(expr)
    if values:
        return all(
            isinstance(value, nodes.ClassDef) is False
            and getattr(value, "_proxied", None) is not None
            and isinstance(value._proxied, nodes.ClassDef)  # pylint: disable=protected-access
            and _is_router_class(value._proxied)  # pylint: disable=protected-access
            for value in values
        )
    return isinstance(expr, nodes.Name) and _assigned_from_router_call(expr)


def route_of(function: nodes.FunctionDef) -> Route | None:
    """The :class:`Route` made by ``function``'s decorators, if it is a route."""
    for decorator in function.decorators.nodes if function.decorators else ():
        if (
            isinstance(decorator, nodes.Call)
            and isinstance(decorator.func, nodes.Attribute)
            and decorator.func.attrname in ROUTE_METHODS
            and is_router(decorator.func.expr)
        ):
            return Route(function, decorator, decorator.func.attrname)
    return None


def find_routes(ctx: ModuleContext) -> list[Route]:
    """Every route of the module (computed once per module)."""

    def compute() -> list[Route]:
        routes = []
        for function in ctx.nodes_of(nodes.FunctionDef):
            route = route_of(function)
            if route is not None:
                routes.append(route)
        return routes

    return ctx.cached("routes", compute)
