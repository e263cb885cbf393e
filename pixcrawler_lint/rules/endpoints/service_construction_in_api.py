"""PXL209 service-construction-in-api."""

from __future__ import annotations

from astroid import nodes

from pixcrawler_lint.analysis.classes import inherits, is_repository_class, is_service_class
from pixcrawler_lint.analysis.project_inference import infer_project
from pixcrawler_lint.analysis.vocabulary import vocabulary
from pixcrawler_lint.config import Config
from pixcrawler_lint.context import ModuleContext
from pixcrawler_lint.findings import Severity
from pixcrawler_lint.layers import Layer, is_composition_root, is_types_module
from pixcrawler_lint.registry import Rule, register

__all__ = ["ServiceConstructionInApi", "constructed_kind"]


def _names_a_module_or_class(expr: nodes.NodeNG) -> bool:
    """``services`` / ``backend.services`` bound by an import, or a class name: what may hold a class."""
    while isinstance(expr, nodes.Attribute):
        expr = expr.expr
    if not isinstance(expr, nodes.Name):
        return False
    try:
        _, bindings = expr.lookup(expr.name)
    except Exception:  # pylint: disable=broad-exception-caught
        return False
    return bool(bindings) and all(isinstance(b, (nodes.Import, nodes.ImportFrom, nodes.ClassDef)) for b in bindings)


def _constructed_class(func: nodes.NodeNG) -> nodes.ClassDef | None:
    """The class ``func`` names: ``ProjectService`` or ``services.ProjectService``.

    ``owner.attr`` is only resolved when ``owner`` is a module (or ``attr`` is a class nested
    in ``owner``): a method call such as ``PolicyResponse.model_validate(...)`` builds no
    service, and inferring it would make astroid walk the owner's library bases.
    """
    if isinstance(func, nodes.Name):
        found = infer_project(func)
        return found if isinstance(found, nodes.ClassDef) else None
    if not isinstance(func, nodes.Attribute):
        return None
    if not _names_a_module_or_class(func.expr):
        return None  # a method of an object: ``listed.model_dump()``
    owner = infer_project(func.expr)
    if isinstance(owner, nodes.ClassDef):
        nested = owner.locals.get(func.attrname, [])
        return nested[0] if len(nested) == 1 and isinstance(nested[0], nodes.ClassDef) else None
    if not isinstance(owner, nodes.Module):
        return None
    found = infer_project(func)
    return found if isinstance(found, nodes.ClassDef) else None


def constructed_kind(call: nodes.Call, config: Config) -> tuple[str, nodes.ClassDef] | None:
    """``("service", cls)`` / ``("repository", cls)`` when ``call`` certainly builds one."""
    cls = _constructed_class(call.func)
    if not isinstance(cls, nodes.ClassDef):
        return None
    base_service, base_repository = config.base_service, config.base_repository
    if is_service_class(cls, config) or (cls.name != base_service and inherits(cls, base_service)):
        return "service", cls
    if is_repository_class(cls, config) or (
        cls.name != base_repository and inherits(cls, base_repository)
    ):
        return "repository", cls
    return None


@register
class ServiceConstructionInApi(Rule):
    """An api module builds a service or a repository itself.

    ## What it does
    Reports a call that instantiates a service (a class of the services layer that inherits
    `base-service` or is named `*Service`) or a repository (likewise with `base-repository` /
    `*Repository`) in an api module other than a composition root (`backend.api.dependencies`)
    or a types module. The class must be resolved with certainty; unknown callees are ignored.

    ## Why is this bad?
    The endpoint then decides how the service is wired: it needs the session, picks the
    repositories and must be edited whenever the service's constructor changes. Tests cannot
    swap the service through `app.dependency_overrides`, and two endpoints wiring the same
    service differently is a classic source of bugs.

    ## Example
    ```python
    @router.get("/projects", response_model=list[ProjectResponse])
    async def list_projects(current_user: CurrentUser, session: SessionDep):
        service = ProjectService(ProjectRepository(session))
        return await service.list_projects(current_user.id)
    ```

    ## Use instead
    ```python
    # backend/api/dependencies.py builds it once; backend/api/types.py names it
    @router.get("/projects", response_model=list[ProjectResponse])
    async def list_projects(current_user: CurrentUser, service: ProjectServiceDep):
        return await service.list_projects(current_user.id)
    ```
    """

    code = "PXL209"
    symbol = "service-construction-in-api"
    severity = Severity.WARNING
    message = (
        "{kind} {cls}(...) is built in api module {module}: build it in a factory of {root} and "
        "receive it through an alias from {types_module} (e.g. `service: {alias}`)"
    )

    def check(self, ctx: ModuleContext) -> None:
        config = ctx.config
        if ctx.layer is not Layer.API or ctx.architecture.policy.api_builds_services:
            return
        if is_composition_root(ctx.modname, config) or is_types_module(ctx.modname, config):
            return  # the places that build services and name them
        words = vocabulary(ctx)
        root, types_module = words.composition_root, words.types_module
        for call in ctx.nodes_of(nodes.Call):
            found = constructed_kind(call, config)
            if found is None:
                continue
            kind, cls = found
            alias = words.alias_for(cls.name) if kind == "service" else words.pattern("<Service>")
            ctx.report(
                self, call, kind=kind, cls=cls.name, module=ctx.modname,
                root=root, types_module=types_module, alias=alias,
            )
