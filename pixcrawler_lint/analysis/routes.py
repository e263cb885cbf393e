"""Routes: functions decorated with ``R.get|post|…(...)`` where ``R`` is a router or an app.

What counts as a router (subclasses, factories, re-exports) is :mod:`.routers`; the methods of
a class-based view (``@cbv(router)``/``@controller(router)``) are routes of its router.
"""

from __future__ import annotations

from dataclasses import dataclass

from astroid import nodes

from pixcrawler_lint.analysis.inference import call_name
from pixcrawler_lint.analysis.project_inference import infer_project
from pixcrawler_lint.analysis.routers import ROUTER_CLASSES, ROUTER_QUALIFIED_NAMES, constructor_call, is_router
from pixcrawler_lint.context import ModuleContext

__all__ = [
    "Route", "Parameter", "find_routes", "route_of", "is_router", "parameters_of", "router_call",
    "ROUTE_METHODS", "ROUTER_CLASSES", "ROUTER_QUALIFIED_NAMES", "view_router",
]

ROUTE_METHODS = frozenset(
    {"get", "post", "put", "patch", "delete", "head", "options", "trace", "api_route"}
)


@dataclass(frozen=True)
class Parameter:
    """One parameter of a function: its name node, annotation and default (``None`` if absent)."""

    name: str
    node: nodes.AssignName
    annotation: nodes.NodeNG | None
    default: nodes.NodeNG | None


def parameters_of(function: nodes.FunctionDef) -> list[Parameter]:
    """Every named parameter of ``function`` (positional-only, regular, keyword-only), in order."""
    args = function.args
    positional = [*(args.posonlyargs or []), *(args.args or [])]
    annotations = [*(args.posonlyargs_annotations or []), *(args.annotations or [])]
    defaults = list(args.defaults or [])
    # defaults belong to the last len(defaults) positional parameters
    missing = len(positional) - len(defaults)
    padded_defaults: list[nodes.NodeNG | None] = [None] * missing + defaults
    found = [
        Parameter(arg.name, arg, annotation, default)
        for arg, annotation, default in zip(positional, annotations, padded_defaults)
    ]
    found.extend(
        Parameter(arg.name, arg, annotation, default)
        for arg, annotation, default in zip(
            args.kwonlyargs or [], args.kwonlyargs_annotations or [], args.kw_defaults or []
        )
    )
    return found


@dataclass(frozen=True)
class Route:
    """A route function and the decorator call that makes it one."""

    function: nodes.FunctionDef
    decorator: nodes.Call
    method: str  # "get", "post", … or "api_route"
    router: nodes.NodeNG  # the expression naming the router (or app) the route is on
    view: nodes.ClassDef | None = None  # the class-based view the route is a method of

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
    def name(self) -> str:
        """The route function's name."""
        return str(self.function.name)

    @property
    def decorator_name(self) -> str:
        """The decorator as written, without arguments: ``router.post``."""
        return str(self.decorator.func.as_string())

    @property
    def parameters(self) -> list[Parameter]:
        """The route function's parameters (a view method's ``self`` left out)."""
        found = parameters_of(self.function)
        return found[1:] if self.view is not None and found else found

    def view_attributes(self) -> list[Parameter]:
        """Class-level ``name: T = Depends(...)`` attributes of the route's class-based view:
        FastAPI resolves them for every route of the view, like parameters."""
        if self.view is None:
            return []
        return [
            Parameter(statement.target.name, statement.target, statement.annotation, statement.value)
            for statement in self.view.body
            if isinstance(statement, nodes.AnnAssign) and isinstance(statement.target, nodes.AssignName)
        ]

    def status_code(self) -> int | None:
        """The ``status_code=`` of the decorator as a number, when it is certain.

        ``204``, ``http_status.HTTP_204_NO_CONTENT`` and ``status.HTTP_204_NO_CONTENT`` all give
        204 (the number is read from the constant's name when fastapi cannot be inferred).
        """
        value = self.keyword("status_code")
        if value is None:
            return None
        if isinstance(value, nodes.Attribute) and value.attrname.startswith("HTTP_"):
            digits = value.attrname[len("HTTP_"):].split("_", 1)[0]
            if digits.isdigit():
                return int(digits)
        inferred = infer_project(value)
        if isinstance(inferred, nodes.Const) and isinstance(inferred.value, int):
            return inferred.value
        return None

    @property
    def is_post(self) -> bool:
        """True for ``@router.post`` (and ``api_route(methods=["POST"])``)."""
        if self.method == "post":
            return True
        methods = self.keyword("methods")
        if self.method == "api_route" and isinstance(methods, (nodes.List, nodes.Tuple, nodes.Set)):
            return any(
                isinstance(e, nodes.Const) and str(e.value).upper() == "POST" for e in methods.elts
            )
        return False


def router_call(route: Route) -> nodes.Call | None:
    """The ``APIRouter(...)``/``FastAPI(...)`` call (or subclass call, or the router call of a
    factory) the route's router was built with, if certain; imports are followed."""
    return constructor_call(route.router)


_VIEW_DECORATORS = frozenset({"cbv", "controller"})


def view_router(klass: nodes.ClassDef) -> nodes.NodeNG | None:
    """The router of a class-based view: ``@cbv(router)`` (fastapi-utils, fastapi-restful) or
    ``@controller(router)`` (classy style), when that argument is certainly a router."""
    for decorator in klass.decorators.nodes if klass.decorators else ():
        if (
            isinstance(decorator, nodes.Call)
            and call_name(decorator) in _VIEW_DECORATORS
            and decorator.args
            and is_router(decorator.args[0])
        ):
            return decorator.args[0]
    return None


def route_of(function: nodes.FunctionDef) -> Route | None:
    """The :class:`Route` made by ``function``'s decorators, if it is a route.

    In a class-based view, a method decorated with ``@router.get(...)`` or with a bare route
    decorator (``@get("/x")``) is a route of the view's router.
    """
    klass = function.parent if isinstance(function.parent, nodes.ClassDef) else None
    view = view_router(klass) if klass is not None and klass.decorators else None
    for decorator in function.decorators.nodes if function.decorators else ():
        if not isinstance(decorator, nodes.Call):
            continue
        func = decorator.func
        if isinstance(func, nodes.Attribute) and func.attrname in ROUTE_METHODS and is_router(func.expr):
            return Route(function, decorator, func.attrname, func.expr, klass if view is not None else None)
        if view is not None and isinstance(func, nodes.Name) and func.name in ROUTE_METHODS:
            return Route(function, decorator, func.name, view, klass)
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
