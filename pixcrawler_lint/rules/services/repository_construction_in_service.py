"""PXL304 repository-construction-in-service."""

from __future__ import annotations

import re

from astroid import nodes

from pixcrawler_lint.analysis.classes import is_repository_class, is_service_class
from pixcrawler_lint.analysis.inference import call_name
from pixcrawler_lint.analysis.origins import import_origin, library_name
from pixcrawler_lint.analysis.project import factory_name
from pixcrawler_lint.analysis.project_inference import infer_project
from pixcrawler_lint.config import Config
from pixcrawler_lint.context import ModuleContext
from pixcrawler_lint.findings import Severity
from pixcrawler_lint.layers import Layer, is_composition_root
from pixcrawler_lint.registry import Rule, register

__all__ = ["RepositoryConstructionInService", "session_factory_call"]

# Calls that build a session factory: ``SessionLocal = sessionmaker(bind=engine)``.
SESSION_FACTORIES = frozenset({"sessionmaker", "async_sessionmaker", "scoped_session", "async_scoped_session"})
_ERRORS = (Exception, RecursionError)


def _binding_value(name: nodes.Name) -> nodes.NodeNG | None:
    """The value of the one module-level ``name = <value>`` that ``name`` denotes, following one
    ``from module import name`` of the project; ``None`` when not exactly one such assignment."""
    try:
        _, bindings = name.lookup(name.name)
        if len(bindings) != 1:
            return None
        binding = bindings[0]
        if isinstance(binding, nodes.ImportFrom):
            if import_origin(binding, name.name) is not None:
                return None  # a library's name
            real = binding.real_name(name.name)
            module = binding.do_import_module(binding.modname)
            targets = module.locals.get(real, [])
            if len(targets) != 1:
                return None
            binding = targets[0]
        parent = binding.parent
        if isinstance(parent, (nodes.Assign, nodes.AnnAssign)) and isinstance(parent.frame(), nodes.Module):
            return parent.value
    except _ERRORS:
        return None
    return None


def session_factory_call(call: nodes.Call, config: Config) -> bool:
    """True when ``call`` opens a database session: a ``session-providers`` function
    (``get_session()``), a ``session-types`` class (``AsyncSession(engine)``), a session factory of
    the project (``SessionLocal()`` where ``SessionLocal = sessionmaker(...)``) or
    ``sessionmaker(...)()`` itself."""
    func = call.func
    if isinstance(func, nodes.Call):
        return call_name(func) in SESSION_FACTORIES
    name = call_name(call)
    if name in config.session_providers:
        return True
    if name in config.session_types:
        imported = library_name(func)
        return imported is not None and imported.last in config.session_types
    if isinstance(func, nodes.Name):
        value = _binding_value(func)
        return isinstance(value, nodes.Call) and call_name(value) in SESSION_FACTORIES
    return False


def _built_repository(call: nodes.Call, config: Config) -> nodes.ClassDef | None:
    """The project repository class ``call`` instantiates, if it certainly is one."""
    callee = infer_project(call.func)
    if not isinstance(callee, nodes.ClassDef):
        return None
    if is_repository_class(callee, config) or callee.name == config.base_repository:
        return callee
    return None


def _is_factory(method: nodes.FunctionDef) -> bool:
    """A ``@classmethod``/``@staticmethod`` of the service: it builds the service, as a factory may."""
    try:
        return method.type in ("classmethod", "staticmethod")
    except _ERRORS:
        return False


def _own_calls(method: nodes.FunctionDef) -> list[nodes.Call]:
    """The calls in ``method``'s body, nested functions included, nested classes not."""
    found: list[nodes.Call] = []
    stack: list[nodes.NodeNG] = list(method.body)
    while stack:
        node = stack.pop()
        if isinstance(node, nodes.ClassDef):
            continue
        if isinstance(node, nodes.Call):
            found.append(node)
        stack.extend(node.get_children())
    return sorted(found, key=lambda c: (c.fromlineno or 0, c.col_offset or 0))


def _inside(call: nodes.Call, others: set[nodes.Call]) -> bool:
    parent = call.parent
    while parent is not None and not parent.is_statement:
        if parent in others:
            return True
        parent = parent.parent
    return False


def _snake(name: str) -> str:
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", "_", name).lower()


@register
class RepositoryConstructionInService(Rule):
    """A service builds its repository or opens a database session itself.

    ## What it does
    Reports, in the methods of a service of the services layer (`__init__` included), a call
    that instantiates a repository of the project (`self.repo = ProjectRepository(session)`,
    `repo = ProjectRepository(...)`) or opens a session (`async with async_session() as s`,
    `SessionLocal()` where `SessionLocal = sessionmaker(...)`, a `session-providers` function
    such as `get_session()` called directly, `AsyncSession(engine)`). A `@classmethod` or
    `@staticmethod` factory of the service, composition roots and classes that are not
    services are out of scope.

    ## Why is this bad?
    A service that builds its own collaborators hides its dependencies: it cannot be tested
    with a fake repository, every service opens its own session (so two services of one
    request do not share a transaction), and the composition root no longer decides how the
    application is wired.

    ## Example
    ```python
    class ProjectService(BaseService):
        def __init__(self, session: AsyncSession) -> None:
            super().__init__()
            self.repository = ProjectRepository(session)
    ```

    ## Use instead
    ```python
    class ProjectService(BaseService):
        def __init__(self, repository: ProjectRepository) -> None:
            super().__init__()
            self.repository = repository

    # backend/api/dependencies.py
    def get_project_service(session: SessionDep) -> ProjectService:
        return ProjectService(ProjectRepository(session))
    ```
    """

    code = "PXL304"
    symbol = "repository-construction-in-service"
    severity = Severity.WARNING
    message = "service {cls} {what}: {instead}, and build it in {factory} of the composition root {root}"

    def check(self, ctx: ModuleContext) -> None:
        if ctx.layer is not Layer.SERVICES or is_composition_root(ctx.modname, ctx.config):
            return
        roots = ctx.config.composition_roots
        root = roots[0] if roots else "(none configured: set composition-roots)"
        for cls in ctx.nodes_of(nodes.ClassDef):
            if not is_service_class(cls, ctx.config, ctx.modname):
                continue
            for method in cls.mymethods():
                if _is_factory(method):
                    continue
                self._check_method(ctx, cls, method, root)

    def _check_method(self, ctx: ModuleContext, cls: nodes.ClassDef, method: nodes.FunctionDef, root: str) -> None:
        reported: set[nodes.Call] = set()
        factory = f"{factory_name(cls.name)}()"
        for call in _own_calls(method):
            repository = _built_repository(call, ctx.config)
            if repository is not None:
                instead = f"take `{_snake(repository.name)}: {repository.name}` in __init__"
                what = f"builds its repository {repository.name}(...)"
            elif session_factory_call(call, ctx.config):
                instead = "take the repositories it needs in __init__ (`repository: XRepository`)"
                what = f"opens a database session with {call.func.as_string()}()"
            else:
                continue
            if _inside(call, reported):
                continue
            reported.add(call)
            ctx.report(self, call, cls=cls.name, what=what, instead=instead, factory=factory, root=root)
