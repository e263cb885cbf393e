"""PXL603 factory-passes-session."""

from __future__ import annotations

from astroid import nodes

from pixcrawler_lint.analysis.classes import is_service_class, syntactic_base_name
from pixcrawler_lint.analysis.project_inference import infer_project
from pixcrawler_lint.analysis.sessions import session_parameters
from pixcrawler_lint.config import Config
from pixcrawler_lint.context import ModuleContext
from pixcrawler_lint.findings import Severity
from pixcrawler_lint.layers import is_composition_root
from pixcrawler_lint.registry import Rule, register

__all__ = ["FactoryPassesSession"]


def _is_session_argument(argument: nodes.NodeNG, config: Config) -> bool:
    """A name bound to a session parameter of its enclosing function (and nothing else)."""
    if not isinstance(argument, nodes.Name):
        return False
    try:
        _, assignments = argument.lookup(argument.name)
    except Exception:  # pylint: disable=broad-exception-caught
        return False
    if not assignments:
        return False
    for assignment in assignments:
        arguments = assignment.parent
        if not isinstance(arguments, nodes.Arguments):
            return False
        if not isinstance(arguments.parent, nodes.FunctionDef):
            return False
        if assignment not in session_parameters(arguments.parent, config):
            return False
    return True


def _expected_type(
    service: nodes.ClassDef, call: nodes.Call, argument: nodes.NodeNG, config: Config
) -> str | None:
    """The annotated type of the ``__init__`` parameter ``argument`` binds to (not a session)."""
    try:
        init = service.local_attr("__init__")[0]
    except Exception:  # pylint: disable=broad-exception-caught  # no __init__ anywhere
        return None
    if not isinstance(init, nodes.FunctionDef):
        return None
    arguments = init.args
    positional = list(zip([*arguments.posonlyargs, *(arguments.args or [])], [
        *arguments.posonlyargs_annotations, *arguments.annotations
    ]))[1:]  # without self
    annotation: nodes.NodeNG | None = None
    if argument in call.args:
        index = call.args.index(argument)
        annotation = positional[index][1] if index < len(positional) else None
    else:
        keyword = next((k.arg for k in call.keywords or () if k.value is argument), None)
        named = positional + list(zip(arguments.kwonlyargs, arguments.kwonlyargs_annotations))
        annotation = next((a for param, a in named if param.name == keyword), None)
    name = syntactic_base_name(annotation) if annotation is not None else None
    return name if name and name not in ("Any", "object", *config.session_types) else None


@register
class FactoryPassesSession(Rule):
    """A composition-root factory passes a session straight into a service constructor.

    ## What it does
    Reports a call that builds a service in a composition root with an argument that is a
    session parameter of the factory: a parameter typed with one of `session-types`
    (`AsyncSession`, also through an `Annotated` alias) or defaulting to
    `Depends(get_session)` (`session-providers`).

    ## Why is this bad?
    Services depend on repositories, never on the session: a service holding a session
    starts writing SQL itself, and the data access can no longer be replaced in tests or
    reused by another service. The factory is the one place that turns the session into
    repositories.

    ## Example
    ```python
    async def get_report_service(session: AsyncSession = Depends(get_session)) -> ReportService:
        return ReportService(session)
    ```

    ## Use instead
    ```python
    async def get_report_service(session: AsyncSession = Depends(get_session)) -> ReportService:
        return ReportService(ReportRepository(session))
    ```
    """

    code = "PXL603"
    symbol = "factory-passes-session"
    severity = Severity.WARNING
    message = (
        "factory passes the session `{session}` straight into {service}(): pass {replacement} instead"
    )

    def check(self, ctx: ModuleContext) -> None:
        if not is_composition_root(ctx.modname, ctx.config):
            return
        for call in ctx.nodes_of(nodes.Call):
            arguments = [*call.args, *(keyword.value for keyword in call.keywords or ())]
            sessions = [arg for arg in arguments if _is_session_argument(arg, ctx.config)]
            if not sessions:
                continue
            service = infer_project(call.func)
            if not isinstance(service, nodes.ClassDef) or not is_service_class(service, ctx.config):
                continue
            session = sessions[0]
            expected = _expected_type(service, call, session, ctx.config)
            if expected:
                replacement = f"{expected}({session.as_string()})"
            else:
                replacement = "the repositories it needs"
            ctx.report(
                self,
                call,
                session=session.as_string(),
                service=service.name,
                replacement=replacement,
            )
