"""Routes: functions decorated with ``R.get|post|…(...)`` where ``R`` is an APIRouter/FastAPI."""

from __future__ import annotations

from dataclasses import dataclass

from astroid import nodes

from pixcrawler_lint.analysis.inference import call_name, infer_all
from pixcrawler_lint.analysis.name_definitions import definition_of
from pixcrawler_lint.analysis.origins import library_name
from pixcrawler_lint.analysis.project_inference import infer_project
from pixcrawler_lint.context import ModuleContext

__all__ = [
    "Route", "Parameter", "find_routes", "route_of", "is_router", "parameters_of", "router_call",
    "ROUTE_METHODS", "ROUTER_CLASSES", "ROUTER_QUALIFIED_NAMES",
]

ROUTE_METHODS = frozenset(
    {"get", "post", "put", "patch", "delete", "head", "options", "trace", "api_route"}
)
ROUTER_CLASSES = frozenset({"APIRouter", "FastAPI"})
# Where fastapi defines and re-exports them.
ROUTER_QUALIFIED_NAMES = frozenset({
    "fastapi.APIRouter", "fastapi.FastAPI", "fastapi.routing.APIRouter", "fastapi.applications.FastAPI",
})


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
        """The route function's parameters."""
        return parameters_of(self.function)

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


def _built_by_library_router(expr: nodes.NodeNG) -> bool:
    """``router`` bound once to ``APIRouter(...)``/``FastAPI(...)`` imported from fastapi (here
    or in a project module): decided from the imports, without building fastapi."""
    definition = definition_of(expr)
    if definition is None or not isinstance(definition.value, nodes.Call):
        return False
    imported = library_name(definition.value.func)
    return imported is not None and imported.dotted in ROUTER_QUALIFIED_NAMES


def is_router(expr: nodes.NodeNG) -> bool:
    """True when ``expr`` is certainly an ``APIRouter(...)`` or ``FastAPI(...)`` instance."""
    if _built_by_library_router(expr):
        return True
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


def router_call(route: Route) -> nodes.Call | None:
    """The ``APIRouter(...)``/``FastAPI(...)`` call the route's router was built with, if certain.

    Follows ``router`` to its assignment, in this module or through ``from x import router``.
    """
    definition = definition_of(route.decorator.func.expr)
    if definition is None:
        return None
    value = definition.value
    if isinstance(value, nodes.Call) and call_name(value) in ROUTER_CLASSES:
        return value
    return None


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
