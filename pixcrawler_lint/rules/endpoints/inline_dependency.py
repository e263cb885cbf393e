"""PXL206 inline-dependency."""

from __future__ import annotations

from astroid import nodes

from pixcrawler_lint.analysis.route_dependencies import (
    bare_service_class,
    is_types_module_alias,
    parameter_dependency,
    spelled_name,
)
from pixcrawler_lint.analysis.routes import Parameter, find_routes
from pixcrawler_lint.analysis.sessions import is_session_parameter
from pixcrawler_lint.analysis.vocabulary import Vocabulary, vocabulary
from pixcrawler_lint.rules.endpoints.untyped_current_user import reported_as_untyped_user
from pixcrawler_lint.config import Config
from pixcrawler_lint.context import ModuleContext
from pixcrawler_lint.findings import Severity
from pixcrawler_lint.registry import Rule, register

__all__ = ["InlineDependency"]

_MAX_SHOWN = 60


def shorten(node: nodes.NodeNG) -> str:
    """The source of ``node`` on one line, cut to a readable length."""
    text = " ".join(node.as_string().split())
    return text if len(text) <= _MAX_SHOWN else text[: _MAX_SHOWN - 3] + "..."


def suggested_alias(
    parameter: Parameter, declared: nodes.NodeNG | None, config: Config, words: Vocabulary
) -> tuple[str, str]:
    """The alias the parameter should use (``ProjectServiceDep``, ``CurrentUser``…) and a note on why."""
    if parameter.name in config.current_user_names:
        return words.current_user, ""
    if is_session_parameter(parameter, config):
        # An alias for the session would still be PXL208: the route should not take one at all.
        return words.pattern("<Resource>Service"), " (a route takes no session: a service does the database work)"
    type_name = spelled_name(declared)
    if type_name and type_name.endswith("Repository") and len(type_name) > len("Repository"):
        service = f"{type_name[: -len('Repository')]}Service"
        return words.alias_for(service), " (endpoints reach repositories through a service)"
    if type_name and type_name[:1].isupper() and type_name not in {"Annotated", "Any", "Optional"}:
        return words.alias_for(type_name), ""
    return words.pattern("<Name>"), ""


def inline_form(parameter: Parameter, config: Config) -> tuple[str, nodes.NodeNG | None] | None:
    """How ``parameter`` declares its dependency inline, and the type it declares.

    ``None`` when it does not declare one inline.
    """
    dependency = parameter_dependency(parameter)
    if dependency is not None:
        if dependency.kind == "default":
            return f"= {shorten(dependency.call)}", dependency.declared_type
        if dependency.kind == "annotated" and parameter.annotation is not None:
            return f"inline {shorten(parameter.annotation)}", dependency.declared_type
        if dependency.kind == "alias" and not is_types_module_alias(dependency.alias, config):
            where = dependency.alias.module.name if dependency.alias is not None else "?"
            return f"alias defined in {where}, not in a types module", dependency.declared_type
        return None
    service = bare_service_class(parameter.annotation, config)
    if service is not None:
        form = f"bare service class {service.name} (FastAPI would read it from the request)"
        return form, parameter.annotation
    return None


@register
class InlineDependency(Rule):
    """A route parameter declares its dependency inline instead of using a types-module alias.

    ## What it does
    Reports a route parameter that declares its dependency in place: a default
    `= Depends(...)` / `= Security(...)`, an inline `Annotated[..., Depends(...)]`, an
    `Annotated` alias defined outside the configured types modules, or a bare service class
    annotation (`service: ProjectService`) without any dependency. A current-user parameter
    that PXL207 reports (`current_user: dict = Depends(...)`) is left to PXL207: one fix,
    `current_user: CurrentUser`, clears both, so it is reported once.

    ## Why is this bad?
    Every endpoint then wires its own dependencies: the factory, the session and the auth
    scheme are repeated in dozens of signatures and drift apart. A bare service class is
    worse: FastAPI treats it as a request body or query parameter and the endpoint fails.
    A named alias (`ProjectServiceDep = Annotated[ProjectService, Depends(get_project_service)]`)
    in `backend/api/types.py` keeps the wiring in one place and the signatures short.

    ## Example
    ```python
    @router.get("/projects", response_model=list[ProjectResponse])
    async def list_projects(
        current_user: AuthenticatedUser = Depends(get_current_user),
        service: ProjectService = Depends(get_project_service),
    ):
        ...
    ```

    ## Use instead
    ```python
    from backend.api.types import CurrentUser, ProjectServiceDep

    @router.get("/projects", response_model=list[ProjectResponse])
    async def list_projects(current_user: CurrentUser, service: ProjectServiceDep):
        ...
    ```
    """

    code = "PXL206"
    symbol = "inline-dependency"
    severity = Severity.WARNING
    message = (
        "parameter '{param}' of {name}() declares its dependency inline ({form}): "
        "annotate it with a named alias from {types_module}, e.g. `{param}: {alias}`{note}"
    )

    def check(self, ctx: ModuleContext) -> None:
        words = vocabulary(ctx)
        types_module = words.types_module
        for route in find_routes(ctx):
            for parameter in route.parameters:
                found = inline_form(parameter, ctx.config)
                if found is None or reported_as_untyped_user(parameter, ctx.config):
                    continue
                form, declared = found
                alias, note = suggested_alias(parameter, declared, ctx.config, words)
                ctx.report(
                    self,
                    parameter.node,
                    param=parameter.name,
                    name=route.name,
                    form=form,
                    types_module=types_module,
                    alias=alias,
                    note=note,
                )
