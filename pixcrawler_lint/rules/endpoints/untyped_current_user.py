"""PXL207 untyped-current-user."""

from __future__ import annotations

from astroid import nodes

from pixcrawler_lint.analysis.route_dependencies import (
    alias_definition,
    annotated_parts,
    is_types_module_alias,
    spelled_name,
)
from pixcrawler_lint.analysis.routes import Parameter, find_routes
from pixcrawler_lint.analysis.vocabulary import vocabulary
from pixcrawler_lint.config import Config
from pixcrawler_lint.context import ModuleContext
from pixcrawler_lint.findings import Severity
from pixcrawler_lint.registry import Rule, register

__all__ = ["UntypedCurrentUser", "loose_type", "reported_as_untyped_user"]

_LOOSE_TYPES = frozenset({"dict", "Dict", "Mapping", "MutableMapping", "Any"})
_UNIONS = frozenset({"Optional", "Union"})


def _union_members(annotation: nodes.NodeNG) -> list[nodes.NodeNG]:
    """``X | None`` and ``Optional[X]`` → ``[X, None]``; anything else → ``[annotation]``."""
    if isinstance(annotation, nodes.BinOp) and annotation.op == "|":
        return [*_union_members(annotation.left), *_union_members(annotation.right)]
    if isinstance(annotation, nodes.Subscript) and spelled_name(annotation.value) in _UNIONS:
        index = annotation.slice
        elements = index.elts if isinstance(index, nodes.Tuple) else [index]
        return [member for element in elements for member in _union_members(element)]
    return [annotation]


def loose_type(parameter: Parameter, config: Config) -> str | None:
    """``"unannotated"`` or the loose type (``dict[str, Any]``) of a current-user parameter."""
    annotation = parameter.annotation
    if annotation is None:
        return "unannotated"
    if is_types_module_alias(alias_definition(annotation), config):
        return None
    inline = annotated_parts(annotation)
    declared = inline[0] if inline else annotation
    for member in _union_members(declared):
        if spelled_name(member) in _LOOSE_TYPES:
            return f"typed {' '.join(declared.as_string().split())}"
    return None


def reported_as_untyped_user(parameter: Parameter, config: Config) -> bool:
    """True when PXL207 reports ``parameter``: PXL206 then stays silent on it, since the one fix
    (``current_user: CurrentUser``) clears both (one finding per cause)."""
    return parameter.name in config.current_user_names and loose_type(parameter, config) is not None


@register
class UntypedCurrentUser(Rule):
    """A route's current-user parameter is unannotated or typed `dict`/`Mapping`/`Any`.

    ## What it does
    Reports a route parameter whose name is in `current-user-names` (default `current_user`)
    when it has no annotation or is typed `dict`, `dict[...]`, `Dict[...]`, `Mapping[...]` or
    `Any` (also inside `Annotated[...]` or `Optional[...]`) instead of an alias from a types
    module such as `CurrentUser`.

    ## Why is this bad?
    The caller's identity is then an untyped dict: `current_user["user_id"]` versus
    `current_user.get("id")` typos pass every check and fail in production, and an
    unannotated parameter is not even injected (FastAPI reads it from the query string).

    ## Example
    ```python
    @router.get("/projects", response_model=list[ProjectResponse])
    async def list_projects(
        service: ProjectServiceDep, current_user: dict = Depends(get_current_user)
    ):
        return await service.list_projects(current_user["user_id"])
    ```

    ## Use instead
    ```python
    @router.get("/projects", response_model=list[ProjectResponse])
    async def list_projects(service: ProjectServiceDep, current_user: CurrentUser):
        return await service.list_projects(current_user.id)
    ```
    """

    code = "PXL207"
    symbol = "untyped-current-user"
    severity = Severity.WARNING
    message = (
        "parameter '{param}' of {name}() is {problem}: annotate it with the current-user alias "
        "of {types_module} (e.g. `{param}: {alias}`)"
    )

    def check(self, ctx: ModuleContext) -> None:
        words = vocabulary(ctx)
        types_module = words.types_module
        for route in find_routes(ctx):
            for parameter in route.parameters:
                if parameter.name not in ctx.config.current_user_names:
                    continue
                problem = loose_type(parameter, ctx.config)
                if problem is not None:  # PXL206 leaves this parameter to this rule
                    ctx.report(
                        self, parameter.node, param=parameter.name, name=route.name,
                        problem=problem, types_module=types_module, alias=words.current_user,
                    )
