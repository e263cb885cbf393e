"""How a route parameter gets its value: ``Depends``/``Security``, ``Annotated`` aliases, sessions.

The house rule is that a route receives services and the caller only through named aliases
(``service: ProjectServiceDep``) defined in a types module; these helpers tell an alias from
an inline declaration and find session parameters. They never raise and answer ``None`` /
``False`` when unsure.
"""

from __future__ import annotations

from dataclasses import dataclass

from astroid import nodes

from pixcrawler_lint.analysis.classes import is_service_class, syntactic_base_name
from pixcrawler_lint.analysis.inference import call_name
from pixcrawler_lint.analysis.name_definitions import Definition, definition_of
from pixcrawler_lint.analysis.origins import library_name
from pixcrawler_lint.analysis.project_inference import infer_project
from pixcrawler_lint.analysis.routes import Parameter
from pixcrawler_lint.config import Config
from pixcrawler_lint.layers import matches_any

__all__ = [
    "DEPENDENCY_MARKERS",
    "ParameterDependency",
    "alias_definition",
    "annotated_parts",
    "bare_service_class",
    "declared_type",
    "dependency_target",
    "is_dependency_call",
    "is_types_module_alias",
    "parameter_dependency",
    "spelled_name",
]

DEPENDENCY_MARKERS = frozenset({"Depends", "Security"})


def spelled_name(expr: nodes.NodeNG | None) -> str | None:
    """The name an expression spells: ``X``, ``mod.X``, ``X[...]`` and ``"X"`` all give ``X``."""
    if isinstance(expr, nodes.Subscript):
        expr = expr.value
    if isinstance(expr, nodes.Const) and isinstance(expr.value, str):
        return expr.value.rsplit(".", 1)[-1].split("[", 1)[0].strip() or None
    return syntactic_base_name(expr) if expr is not None else None


def is_dependency_call(node: nodes.NodeNG | None) -> bool:
    """True for ``Depends(...)``/``Security(...)`` (plain or ``fastapi.Depends``).

    When the callee can be inferred it must come from fastapi: a project function that
    happens to be called ``Depends`` is not a dependency marker.
    """
    if not isinstance(node, nodes.Call) or call_name(node) not in DEPENDENCY_MARKERS:
        return False
    imported = library_name(node.func)
    if imported is not None:
        return imported.module.split(".")[0] == "fastapi"
    callee = infer_project(node.func)
    if isinstance(callee, (nodes.FunctionDef, nodes.ClassDef)):
        try:
            return bool(callee.root().name.split(".")[0] == "fastapi")
        except AttributeError:
            return True
    return True


def dependency_target(call: nodes.Call) -> nodes.NodeNG | None:
    """The callable a ``Depends(...)`` call names (first argument or ``dependency=``)."""
    if call.args:
        return call.args[0]
    for keyword in call.keywords or ():
        if keyword.arg == "dependency":
            return keyword.value
    return None


def annotated_parts(
    annotation: nodes.NodeNG | None,
) -> tuple[nodes.NodeNG, list[nodes.NodeNG]] | None:
    """``Annotated[T, m1, m2]`` → ``(T, [m1, m2])``; ``None`` for anything else."""
    if not isinstance(annotation, nodes.Subscript) or spelled_name(annotation.value) != "Annotated":
        return None
    index = annotation.slice
    elements = index.elts if isinstance(index, nodes.Tuple) else [index]
    if not elements:
        return None
    return elements[0], list(elements[1:])


def _dependency_in(metadata: list[nodes.NodeNG]) -> nodes.Call | None:
    return next((item for item in metadata if is_dependency_call(item)), None)


@dataclass(frozen=True)
class ParameterDependency:
    """How a parameter declares its dependency.

    ``kind`` is ``"default"`` (``= Depends(...)``), ``"annotated"`` (inline
    ``Annotated[T, Depends(...)]``) or ``"alias"`` (a named ``Annotated`` alias, see ``alias``).
    """

    kind: str
    call: nodes.Call
    declared_type: nodes.NodeNG | None
    alias: Definition | None = None


def alias_definition(annotation: nodes.NodeNG | None) -> Definition | None:
    """The definition of a named ``Annotated[...]`` alias used as ``annotation``, if certain."""
    if not isinstance(annotation, (nodes.Name, nodes.Attribute)):
        return None
    definition = definition_of(annotation)
    if definition is None or annotated_parts(definition.value) is None:
        return None
    return definition


def parameter_dependency(parameter: Parameter) -> ParameterDependency | None:
    """The dependency ``parameter`` declares, if it declares one."""
    inline = annotated_parts(parameter.annotation)
    if is_dependency_call(parameter.default):
        declared = inline[0] if inline else parameter.annotation
        return ParameterDependency("default", parameter.default, declared)
    if inline is not None:
        call = _dependency_in(inline[1])
        return ParameterDependency("annotated", call, inline[0]) if call is not None else None
    alias = alias_definition(parameter.annotation)
    if alias is not None:
        parts = annotated_parts(alias.value)
        call = _dependency_in(parts[1]) if parts else None
        if call is not None and parts is not None:
            return ParameterDependency("alias", call, parts[0], alias)
    return None


def declared_type(parameter: Parameter) -> nodes.NodeNG | None:
    """The type a parameter is declared with, looking through inline ``Annotated`` and aliases."""
    dependency = parameter_dependency(parameter)
    if dependency is not None:
        return dependency.declared_type
    inline = annotated_parts(parameter.annotation)
    return inline[0] if inline else parameter.annotation


def is_types_module_alias(definition: Definition | None, config: Config) -> bool:
    """True when the alias is defined in a configured types module."""
    return definition is not None and matches_any(definition.module.name, config.types_modules)


def bare_service_class(annotation: nodes.NodeNG | None, config: Config) -> nodes.ClassDef | None:
    """The service class ``annotation`` names directly (``service: ProjectService``), if certain."""
    if not isinstance(annotation, (nodes.Name, nodes.Attribute)):
        return None
    value = infer_project(annotation)
    if isinstance(value, nodes.ClassDef) and is_service_class(value, config):
        return value
    return None
