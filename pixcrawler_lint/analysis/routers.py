"""Routers: what is an ``APIRouter``/``FastAPI`` instance, and the settings it was built with.

A router is bound to ``APIRouter(...)``/``FastAPI(...)`` from fastapi, to an instance of a
project subclass of them (any depth, in any module: ``class UserAPIRouter(APIRouter)``), or to
what a project function returns when that function is annotated ``-> APIRouter`` or returns
one (a router factory). Imports are followed (``from app.api import router``), so a router
re-exported through another module is the same router. Decided from the project's source and
its imports, without building fastapi; every helper answers ``False``/``None`` when unsure.
"""

from __future__ import annotations

from astroid import nodes

from pixcrawler_lint.analysis.applications import RouterId, RouterSettings
from pixcrawler_lint.analysis.classes import syntactic_base_name
from pixcrawler_lint.analysis.inference import call_name, infer_all, own_returns
from pixcrawler_lint.analysis.name_definitions import definition_of
from pixcrawler_lint.analysis.origins import library_name

__all__ = [
    "ROUTER_CLASSES", "ROUTER_QUALIFIED_NAMES", "is_router", "is_router_class", "constructor_call",
    "router_id", "router_settings",
]

ROUTER_CLASSES = frozenset({"APIRouter", "FastAPI"})
# Where fastapi defines and re-exports them.
ROUTER_QUALIFIED_NAMES = frozenset({
    "fastapi.APIRouter", "fastapi.FastAPI", "fastapi.routing.APIRouter", "fastapi.applications.FastAPI",
})
_DEPENDENCY_MARKERS = frozenset({"Depends", "Security"})
_MAX_DEPTH = 8


def _library_router(expr: nodes.NodeNG) -> bool:
    imported = library_name(expr)
    return imported is not None and imported.dotted in ROUTER_QUALIFIED_NAMES


def is_router_class(klass: nodes.ClassDef, depth: int = 0) -> bool:
    """``APIRouter``/``FastAPI``, or a project class deriving from one at any depth."""
    if depth > _MAX_DEPTH:
        return False
    for base in klass.bases:
        target = base.value if isinstance(base, nodes.Subscript) else base
        if _library_router(target):
            return True
        definition = definition_of(target)
        if definition is not None and isinstance(definition.value, nodes.ClassDef):
            if is_router_class(definition.value, depth + 1):
                return True
        elif library_name(target) is None and syntactic_base_name(target) in ROUTER_CLASSES:
            return True  # an import astroid cannot follow: trust the name
    return False


def _returned_router_call(function: nodes.FunctionDef, depth: int) -> nodes.Call | None:
    """The one router construction a factory returns (``return APIRouter(...)`` or a local
    bound to it), if every ``return`` returns it."""
    calls = []
    for value in own_returns(function):
        if isinstance(value, nodes.Name):
            definition = definition_of(value)
            value = definition.value if definition is not None else None
        call = _router_construction(value, depth + 1) if isinstance(value, nodes.Call) else None
        if call is None:
            return None
        calls.append(call)
    return calls[0] if len(calls) == 1 else None


def _annotated_router(function: nodes.FunctionDef, depth: int) -> bool:
    returns = function.returns
    if returns is None:
        return False
    if _library_router(returns):
        return True
    definition = definition_of(returns)
    return (
        definition is not None
        and isinstance(definition.value, nodes.ClassDef)
        and is_router_class(definition.value, depth + 1)
    )


def _router_construction(call: nodes.Call, depth: int = 0) -> nodes.Call | None:
    """``call`` itself when it builds a router; the router call inside when it calls a factory
    (or ``call`` when the factory only says ``-> APIRouter``); else ``None``."""
    if depth > _MAX_DEPTH:
        return None
    if _library_router(call.func):
        return call
    definition = definition_of(call.func)
    if definition is None:
        # an import astroid cannot follow (fastapi not installed): trust the name
        return call if library_name(call.func) is None and call_name(call) in ROUTER_CLASSES else None
    value = definition.value
    if isinstance(value, nodes.ClassDef):
        return call if is_router_class(value, depth + 1) else None
    if isinstance(value, nodes.FunctionDef):
        inner = _returned_router_call(value, depth)
        if inner is not None:
            return inner
        return call if _annotated_router(value, depth) else None
    return None


def constructor_call(expr: nodes.NodeNG) -> nodes.Call | None:
    """The call that built the router ``expr`` names (for a factory: the router call it returns)."""
    definition = definition_of(expr)
    if definition is None or not isinstance(definition.value, nodes.Call):
        return None
    return _router_construction(definition.value)


def _assigned_from_router_call(name: nodes.Name) -> bool:
    """Syntactic fallback when nothing can be followed: ``router = APIRouter(...)``."""
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


def _inferred_router(expr: nodes.NodeNG) -> bool | None:
    values = infer_all(expr)
    if not values:
        return None
    return all(
        not isinstance(value, nodes.ClassDef)
        and isinstance(getattr(value, "_proxied", None), nodes.ClassDef)
        and (value._proxied.name in ROUTER_CLASSES  # pylint: disable=protected-access
             or is_router_class(value._proxied))  # pylint: disable=protected-access
        for value in values
    )


def is_router(expr: nodes.NodeNG) -> bool:
    """True when ``expr`` is certainly a router or an app (see the module docstring)."""
    if constructor_call(expr) is not None:
        return True
    inferred = _inferred_router(expr)
    if inferred is not None:
        return inferred
    return isinstance(expr, nodes.Name) and _assigned_from_router_call(expr)


def router_id(expr: nodes.NodeNG) -> RouterId | None:
    """The module that binds the router ``expr`` names and its variable name."""
    definition = definition_of(expr)
    if definition is None:
        return None
    return (str(definition.module.name), definition.name)


def _keywords(call: nodes.Call) -> dict[str, nodes.NodeNG]:
    return {k.arg: k.value for k in call.keywords or () if k.arg}


def _dependency_names(value: nodes.NodeNG | None) -> tuple[str, ...]:
    if not isinstance(value, (nodes.List, nodes.Tuple)):
        return ()
    names = []
    for element in value.elts:
        if isinstance(element, nodes.Call) and call_name(element) in _DEPENDENCY_MARKERS:
            target = element.args[0] if element.args else _keywords(element).get("dependency")
            name = syntactic_base_name(target) if target is not None else None
            if name:
                names.append(name)
    return tuple(names)


def _settings_of_call(call: nodes.Call, is_app: bool) -> RouterSettings:
    keywords = _keywords(call)
    prefix_node = keywords.get("prefix")
    prefix: str | None = ""
    if prefix_node is not None:
        is_text = isinstance(prefix_node, nodes.Const) and isinstance(prefix_node.value, str)
        prefix = str(prefix_node.value) if is_text else None
    schema = keywords.get("include_in_schema")
    openapi = keywords.get("openapi_url")
    return RouterSettings(
        prefix=prefix,
        dependencies=_dependency_names(keywords.get("dependencies")),
        hidden=isinstance(schema, nodes.Const) and schema.value is False,
        unique_id="generate_unique_id_function" in keywords,
        openapi_disabled=is_app and isinstance(openapi, nodes.Const) and openapi.value in (None, ""),
        is_app=is_app,
    )


def _is_app(call: nodes.Call, depth: int = 0) -> bool:
    imported = library_name(call.func)
    if imported is not None:
        return imported.last == "FastAPI"
    definition = definition_of(call.func)
    if definition is None or not isinstance(definition.value, nodes.ClassDef) or depth > _MAX_DEPTH:
        return call_name(call) == "FastAPI"
    return _derives_from(definition.value, "FastAPI", 0)


def _derives_from(klass: nodes.ClassDef, name: str, depth: int) -> bool:
    if depth > _MAX_DEPTH:
        return False
    for base in klass.bases:
        imported = library_name(base)
        if imported is not None:
            if imported.last == name:
                return True
            continue
        definition = definition_of(base)
        if definition is not None and isinstance(definition.value, nodes.ClassDef):
            if _derives_from(definition.value, name, depth + 1):
                return True
    return False


def _subclass_defaults(call: nodes.Call) -> list[RouterSettings]:
    """What a project router subclass passes up in ``super().__init__(..., dependencies=[...])``."""
    definition = definition_of(call.func)
    found: list[RouterSettings] = []
    pending = [definition.value] if definition is not None and isinstance(definition.value, nodes.ClassDef) else []
    seen: set[int] = set()
    while pending and len(seen) <= _MAX_DEPTH:
        klass = pending.pop()
        if id(klass) in seen:
            continue
        seen.add(id(klass))
        init = klass.locals.get("__init__", [None])[0]
        if isinstance(init, nodes.FunctionDef):
            for inner in init.nodes_of_class(nodes.Call):
                func = inner.func
                if isinstance(func, nodes.Attribute) and func.attrname == "__init__" and (
                    isinstance(func.expr, nodes.Call) and call_name(func.expr) == "super"
                ):
                    found.append(_settings_of_call(inner, is_app=False))
        for base in klass.bases:
            base_definition = definition_of(base)
            if base_definition is not None and isinstance(base_definition.value, nodes.ClassDef):
                pending.append(base_definition.value)
    return found


def router_settings(expr: nodes.NodeNG) -> RouterSettings | None:
    """The settings the router ``expr`` was built with, a subclass's defaults included."""
    call = constructor_call(expr)
    if call is None:
        return None
    own = _settings_of_call(call, _is_app(call))
    defaults = _subclass_defaults(call) if not _library_router(call.func) else []
    if not defaults:
        return own
    return RouterSettings(
        prefix=own.prefix,
        dependencies=own.dependencies + tuple(d for s in defaults for d in s.dependencies),
        hidden=own.hidden or any(s.hidden for s in defaults),
        unique_id=own.unique_id or any(s.unique_id for s in defaults),
        openapi_disabled=own.openapi_disabled,
        is_app=own.is_app,
    )
