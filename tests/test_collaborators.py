"""Collaborator resolution, class kinds and the collaborator-call verdicts, on in-memory modules."""

from __future__ import annotations

import textwrap
from pathlib import Path

import astroid
import pytest
from astroid import nodes
from hypothesis import HealthCheck, given, settings
from hypothesmith import from_grammar

from pixcrawler_lint.analysis.classes import (
    ancestor_names,
    has_unknown_bases,
    is_abstract,
    is_protocol,
    is_repository_class,
    is_service_class,
)
from pixcrawler_lint.analysis.collaborator_calls import closest_method, collaborator_call_verdicts
from pixcrawler_lint.analysis.collaborators import (
    annotation_class,
    collaborator_class,
    is_project_class,
    lookup_member,
    method_return_class,
)
from pixcrawler_lint.config import DEFAULT_CONFIG
from pixcrawler_lint.context import ModuleContext
from pixcrawler_lint.engine import lint_module
from pixcrawler_lint import modules
from pixcrawler_lint.modules import activate_project_root
from pixcrawler_lint.registry import all_rules

MODELS = """
from typing import Annotated, Any, Generic, Optional, TypeVar, Union

ModelT = TypeVar("ModelT")

class Project: ...
class ActivityLog: ...

class BaseRepository(Generic[ModelT]):
    def __init__(self, session: Any, model: type[ModelT]) -> None:
        self.session = session
    async def create(self, **kwargs: Any) -> ModelT: ...
    async def get_by_id(self, id: int) -> ModelT | None: ...
    async def update(self, instance: ModelT, **updates: Any) -> ModelT: ...

class ProjectRepository(BaseRepository[Project]):
    async def recent(self, limit: int) -> list[ActivityLog]: ...
    async def by_name(self, name: str) -> Optional[Project]: ...

def Depends(x): return x
def get_repo(): ...
ProjectRepoDep = Annotated[ProjectRepository, Depends(get_repo)]
"""


def _receivers(source: str, modname: str = "backend.services.probe") -> dict[str, nodes.NodeNG]:
    """Every ``<expr>.probe`` attribute of the module, keyed by ``<expr>`` source."""
    module = astroid.parse(MODELS + textwrap.dedent(source), module_name=modname)
    return {
        attribute.expr.as_string(): attribute.expr
        for attribute in module.nodes_of_class(nodes.Attribute)
        if attribute.attrname == "probe"
    }


def _class_name(expr: nodes.NodeNG) -> str | None:
    cls = collaborator_class(expr)
    return cls.name if cls is not None else None


def test_parameters_resolve_through_optional_union_annotated_alias_and_strings() -> None:
    receivers = _receivers(
        """
        def f(a: ProjectRepository, b: Optional[ProjectRepository], c: ProjectRepository | None,
              d: Annotated[ProjectRepository, Depends(get_repo)], e: ProjectRepoDep, g: "ProjectRepository",
              h: Union[ProjectRepository, None], i: Union[ProjectRepository, Project], j: Any, k):
            a.probe; b.probe; c.probe; d.probe; e.probe; g.probe; h.probe; i.probe; j.probe; k.probe
        """
    )
    resolved = {name: _class_name(expr) for name, expr in receivers.items()}
    assert resolved == {
        "a": "ProjectRepository", "b": "ProjectRepository", "c": "ProjectRepository",
        "d": "ProjectRepository", "e": "ProjectRepository", "g": "ProjectRepository",
        "h": "ProjectRepository", "i": None, "j": None, "k": None,
    }


def test_self_attributes_and_locals() -> None:
    receivers = _receivers(
        """
        class Service:
            cache: dict[str, int]
            def __init__(self, repository: ProjectRepository, other) -> None:
                self.repository = repository
                self.typed: ProjectRepository = other
                self.built = ProjectRepository(None, Project)
                self.untyped = other
                self.changing = repository
            def later(self) -> None:
                self.changing = Project()
            def use(self) -> None:
                self.repository.probe; self.typed.probe; self.built.probe; self.untyped.probe
                self.changing.probe; self.repository.session.probe; self.probe; self.cache.probe
                local = ProjectRepository(None, Project)
                local.probe
                alias = local
                alias.probe
        """
    )
    resolved = {name: _class_name(expr) for name, expr in receivers.items()}
    assert resolved["self.repository"] == "ProjectRepository"
    assert resolved["self.typed"] == "ProjectRepository"
    assert resolved["self.built"] == "ProjectRepository"
    assert resolved["local"] == "ProjectRepository"
    assert resolved["alias"] == "ProjectRepository"
    assert resolved["self.cache"] == "dict"
    # untyped, conflicting, typed Any, `self` itself: unknown
    assert resolved["self.untyped"] is None
    assert resolved["self.changing"] is None
    assert resolved["self.repository.session"] is None
    assert resolved["self"] is None


def test_first_parameter_of_a_staticmethod_is_not_self() -> None:
    receivers = _receivers(
        """
        class Helper:
            @staticmethod
            def static(self: ProjectRepository) -> None:
                self.probe
        """
    )
    assert _class_name(receivers["self"]) == "ProjectRepository"


def test_conditional_bindings_must_agree() -> None:
    receivers = _receivers(
        """
        def f(flag: bool, repo: ProjectRepository) -> None:
            if flag:
                chosen = ProjectRepository(None, Project)
            else:
                chosen = Project()
            chosen.probe
            repo = make()
            repo.probe
        """
    )
    assert _class_name(receivers["chosen"]) is None
    assert _class_name(receivers["repo"]) is None


def test_members_and_annotated_returns_follow_generic_bases() -> None:
    receivers = _receivers("def f(repo: ProjectRepository):\n    repo.probe\n")
    repo = receivers["repo"]
    cls = collaborator_class(repo)
    assert cls is not None
    member = lookup_member(cls, "get_by_id")
    assert member.found and member.owner is not None and member.owner.name == "BaseRepository"
    assert not lookup_member(cls, "get").found
    assert lookup_member(cls, "session").found  # an instance attribute of the base
    returns = {
        (name, element): getattr(method_return_class(repo, name, element=element), "name", None)
        for name in ("get_by_id", "create", "recent", "by_name", "missing")
        for element in (False, True)
    }
    assert returns == {
        ("get_by_id", False): "Project", ("get_by_id", True): None,
        ("create", False): "Project", ("create", True): None,
        ("recent", False): "list", ("recent", True): "ActivityLog",
        ("by_name", False): "Project", ("by_name", True): None,
        ("missing", False): None, ("missing", True): None,
    }


@pytest.mark.parametrize(
    ("annotation", "element", "expected"),
    [
        ("list[Project]", True, "Project"),
        ("Sequence[Project]", True, "Project"),
        ("tuple[Project, ...]", True, "Project"),
        ("tuple[Project, ActivityLog]", True, None),
        ("dict[str, Project]", True, None),
        ("Optional[list[Project]]", True, "Project"),
        ("Project", True, None),
        ("Project | ActivityLog", False, None),
        ("ModelT", False, None),
    ],
)
def test_annotation_class_element_types(annotation: str, element: bool, expected: str | None) -> None:
    module = astroid.parse(
        textwrap.dedent(MODELS) + f"from collections.abc import Sequence\nx: {annotation}\n", module_name="m"
    )
    assign = module.body[-1]
    assert isinstance(assign, nodes.AnnAssign)
    resolved = annotation_class(assign.annotation, element=element)
    assert (resolved.name if resolved is not None else None) == expected


def test_aliases_imported_from_a_types_module(tmp_path: Path) -> None:
    package = tmp_path / "dialias"
    (package / "api").mkdir(parents=True)
    for init in (package / "__init__.py", package / "api" / "__init__.py"):
        init.write_text('"""Package."""\n')
    (package / "services.py").write_text("class JobService:\n    def run(self, job_id: int) -> None: ...\n")
    (package / "api" / "types.py").write_text(
        "from typing import Annotated\nfrom dialias.services import JobService\n"
        "def Depends(x): return x\nJobServiceDep = Annotated[JobService, Depends(None)]\n"
    )
    previous = modules._active_root  # pylint: disable=protected-access  # restored below
    activate_project_root(tmp_path)
    try:
        module = astroid.parse(
            "from dialias.api.types import JobServiceDep\ndef route(service: JobServiceDep):\n    service.probe\n",
            module_name="dialias.api.routes",
        )
        attribute = next(a for a in module.nodes_of_class(nodes.Attribute) if a.attrname == "probe")
        assert _class_name(attribute.expr) == "JobService"
    finally:
        if previous is not None:
            activate_project_root(previous)


def test_library_classes_are_not_project_classes() -> None:
    module = astroid.parse("import collections\nclass Mine: ...\ncollections.OrderedDict\n")
    ordered = next(module.body[-1].value.infer())
    assert isinstance(ordered, nodes.ClassDef)
    assert not is_project_class(ordered)
    assert is_project_class(module.body[1])


# --------------------------------------------------------------------------- class kinds

KINDS = """
from abc import ABC, abstractmethod
from typing import Protocol
from nowhere import Mystery

class BaseService: ...
class ProjectService(BaseService): ...
class Helper(BaseService): ...
class NamedOnlyService: ...
class PortService(Protocol):
    def run(self) -> None: ...
class AbstractService(ABC):
    @abstractmethod
    def run(self) -> None: ...
class ConcreteService(AbstractService, BaseService):
    def run(self) -> None: ...
class StillAbstractService(BaseService, metaclass=ABCMeta): ...
class UnknownBaseService(Mystery): ...
class Plain: ...
"""


def _classes(modname: str) -> dict[str, nodes.ClassDef]:
    module = astroid.parse(KINDS, module_name=modname)
    return {cls.name: cls for cls in module.nodes_of_class(nodes.ClassDef)}


def test_service_classes() -> None:
    classes = _classes("backend.services.kinds")
    services = {name for name, cls in classes.items() if is_service_class(cls, DEFAULT_CONFIG)}
    assert services == {"ProjectService", "Helper", "NamedOnlyService", "ConcreteService", "UnknownBaseService"}
    elsewhere = _classes("backend.api.kinds")
    assert not any(is_service_class(cls, DEFAULT_CONFIG) for cls in elsewhere.values())
    assert is_service_class(elsewhere["ProjectService"], DEFAULT_CONFIG, "backend.services.other")


def test_abstract_protocol_and_ancestors() -> None:
    classes = _classes("backend.services.kinds")
    assert is_abstract(classes["AbstractService"]) and is_abstract(classes["StillAbstractService"])
    assert not is_abstract(classes["ConcreteService"])
    assert is_protocol(classes["PortService"]) and not is_protocol(classes["ProjectService"])
    assert "Mystery" in ancestor_names(classes["UnknownBaseService"])
    assert has_unknown_bases(classes["UnknownBaseService"]) and not has_unknown_bases(classes["ConcreteService"])


def test_repository_classes() -> None:
    module = astroid.parse(
        "class BaseRepository: ...\nclass ProjectRepository(BaseRepository): ...\n"
        "class Store(BaseRepository): ...\nclass LooseRepository: ...\nclass Other: ...\n",
        module_name="backend.repositories.kinds",
    )
    found = {cls.name for cls in module.nodes_of_class(nodes.ClassDef) if is_repository_class(cls, DEFAULT_CONFIG)}
    assert found == {"ProjectRepository", "Store", "LooseRepository"}


def test_closest_method_prefers_extensions_of_the_name() -> None:
    methods = ["get_by_owner_and_name", "get_by_id", "create", "update"]
    assert closest_method("get", methods) == "get_by_id"
    assert closest_method("craete", methods) == "create"
    assert closest_method("frobnicate", methods) is None


# --------------------------------------------------------------------------- verdicts


def _verdicts(source: str, modname: str = "backend.services.probe") -> list[tuple[int, str]]:
    module = astroid.parse(textwrap.dedent(source), module_name=modname)
    ctx = ModuleContext(module, "<probe>", DEFAULT_CONFIG)
    return sorted((v.node.lineno, v.code) for v in collaborator_call_verdicts(ctx))


def test_one_verdict_per_call_the_most_specific() -> None:
    source = MODELS + textwrap.dedent(
        """
        class Svc:
            def __init__(self, repo: ProjectRepository) -> None:
                self.repo = repo
            async def run(self, project_id: int, data: dict) -> None:
                await self.repo.create(data)
                await self.repo.update(project_id, data)
                await self.repo.get(project_id)
                await self.repo.recent()
                await self.repo.create(**data)
                await self.repo.update(await self.repo.get_by_id(project_id), **data)
        """
    )
    lines = source.splitlines()

    def line_of(text: str) -> int:
        return next(number for number, line in enumerate(lines, 1) if line.strip() == text)

    assert _verdicts(source) == [
        (line_of("await self.repo.create(data)"), "PXL401"),
        (line_of("await self.repo.update(project_id, data)"), "PXL402"),
        (line_of("await self.repo.get(project_id)"), "PXL403"),
        (line_of("await self.repo.recent()"), "PXL404"),
    ]


RULE_CODES = {f"PXL{family}{n:02d}" for family, count in ((3, 3), (4, 5)) for n in range(1, count + 1)}
MY_RULES = [rule for rule in all_rules() if rule.code in RULE_CODES]


@settings(max_examples=40, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(from_grammar())
def test_rules_never_crash_on_arbitrary_code(source: str) -> None:
    try:
        module = astroid.parse(source, module_name="backend.services.generated")
    except Exception:  # pylint: disable=broad-exception-caught  # astroid rejects some valid grammar
        return
    findings = lint_module(module, "<generated>", DEFAULT_CONFIG, MY_RULES)
    assert not [f for f in findings if f.code == "PXL900"]


def test_an_update_override_that_takes_an_id_is_not_the_house_update() -> None:
    source = MODELS + textwrap.dedent(
        """
        class JobRepository(BaseRepository[Project]):
            async def update(self, job_id: int, **changes: Any) -> Project: ...

        async def run(jobs: JobRepository, repo: ProjectRepository, job_id: int, data: dict) -> None:
            await jobs.update(job_id, **data)
            await repo.update(job_id, **data)
        """
    )
    lines = source.splitlines()
    house = next(number for number, line in enumerate(lines, 1) if line.strip() == "await repo.update(job_id, **data)")
    assert _verdicts(source) == [(house, "PXL402")]


def test_create_with_a_dict_literal_suggests_keyword_arguments() -> None:
    source = MODELS + textwrap.dedent(
        """
        class Svc:
            def __init__(self, repo: ProjectRepository) -> None:
                self.repo = repo
            async def run(self, data: dict) -> None:
                await self.repo.create({"name": "x", "owner_id": 3})
                await self.repo.create({"class": 1})
                await self.repo.create(data)
        """
    )
    module = astroid.parse(source, module_name="backend.services.probe")
    ctx = ModuleContext(module, "<probe>", DEFAULT_CONFIG)
    suggestions = [v.args["suggestion"] for v in collaborator_call_verdicts(ctx) if v.code == "PXL401"]
    assert suggestions == ["create(name='x', owner_id=3)", "create(**{'class': 1})", "create(**data)"]


# --------------------------------------------------------------------------- issue 12: deep resolution


def test_property_and_cached_property_accessors() -> None:
    receivers = _receivers(
        """
        import functools
        from functools import cached_property

        class Service:
            def __init__(self, repository: ProjectRepository, anything: Any) -> None:
                self._repository = repository
                self._anything = anything
                self._lazy = None
            @property
            def annotated(self) -> ProjectRepository:
                return self._anything
            @cached_property
            def returned(self):
                return self._repository
            @functools.cached_property
            def dotted(self) -> "ProjectRepository":
                return self._repository
            @property
            def as_dict(self):
                return {"repository": self._repository}
            @property
            def typed_any(self) -> Any:
                return self._repository
            @property
            def with_setter(self) -> ProjectRepository:
                return self._repository
            @with_setter.setter
            def with_setter(self, value: ProjectRepository) -> None:
                self._repository = value
            @property
            def lazy(self):
                if self._lazy is None:
                    self._lazy = ProjectRepository(None, Project)
                return self._lazy
            def use(self) -> None:
                self.annotated.probe; self.returned.probe; self.dotted.probe; self.as_dict.probe
                self.typed_any.probe; self.with_setter.probe; self.lazy.probe
        """
    )
    resolved = {name: _class_name(expr) for name, expr in receivers.items()}
    assert resolved == {
        "self.annotated": "ProjectRepository", "self.returned": "ProjectRepository",
        "self.dotted": "ProjectRepository", "self.as_dict": None, "self.typed_any": None,
        "self.with_setter": "ProjectRepository", "self.lazy": "ProjectRepository",
    }


def test_chains_resolve_hop_by_hop_and_stop_at_an_unknown_hop() -> None:
    receivers = _receivers(
        """
        from dataclasses import dataclass

        class Registry:
            def __init__(self, projects: ProjectRepository) -> None:
                self.projects = projects
            @property
            def accessor(self) -> ProjectRepository:
                return self.projects

        @dataclass
        class Context:
            repo: ProjectRepository

        class Service:
            def __init__(self, repos: Registry, ctx: Context, unknown) -> None:
                self.repos = repos
                self.ctx = ctx
                self.unknown = unknown
            def use(self) -> None:
                self.repos.projects.probe; self.repos.accessor.probe; self.ctx.repo.probe
                self.unknown.projects.probe; self.repos.missing.probe
        """
    )
    resolved = {name: _class_name(expr) for name, expr in receivers.items()}
    assert resolved == {
        "self.repos.projects": "ProjectRepository", "self.repos.accessor": "ProjectRepository",
        "self.ctx.repo": "ProjectRepository", "self.unknown.projects": None, "self.repos.missing": None,
    }


def test_module_singletons_resolve_only_when_bound_once() -> None:
    receivers = _receivers(
        """
        once = ProjectRepository(None, Project)
        twice = ProjectRepository(None, Project)
        twice = ProjectRepository(None, Project)

        def use() -> None:
            once.probe; twice.probe
        """
    )
    assert _class_name(receivers["once"]) == "ProjectRepository"
    assert _class_name(receivers["twice"]) is None


def test_classmethod_and_staticmethod_factories() -> None:
    receivers = _receivers(
        """
        from typing import Self

        class Repo(ProjectRepository):
            @classmethod
            def from_session(cls, session):
                return cls(session, Project)
            @classmethod
            def bind(cls, session) -> Self:
                return cls(session, Project)
            @staticmethod
            def build(session) -> "Repo":
                return Repo(session, Project)
            @classmethod
            def loose(cls, session) -> Any:
                return cls(session, Project)
            @classmethod
            async def opened(cls, session) -> "Repo":
                return cls(session, Project)
            def instance_method(self) -> "Repo":
                return self

        class Child(Repo):
            pass

        async def use(session) -> None:
            a = Repo.from_session(session)
            b = Repo.bind(session)
            c = Repo.build(session)
            d = Repo.loose(session)
            e = Child.from_session(session)
            f = Repo.opened(session)
            g = await Repo.opened(session)
            h = Repo.instance_method(session)
            a.probe; b.probe; c.probe; d.probe; e.probe; f.probe; g.probe; h.probe
        """
    )
    resolved = {name: _class_name(expr) for name, expr in receivers.items()}
    assert resolved == {
        "a": "Repo", "b": "Repo", "c": "Repo", "d": None, "e": "Child", "f": None, "g": "Repo", "h": None,
    }


def test_helper_returns_single_and_unpacked() -> None:
    receivers = _receivers(
        """
        import contextlib

        def annotated(session) -> tuple[ProjectRepository, Project]:
            ...
        def constructed(session):
            return ProjectRepository(session, Project), Project()
        def single(session) -> ProjectRepository:
            ...
        def anything(session) -> Any:
            ...
        def uneven(flag):
            if flag:
                return ProjectRepository(None, Project), Project()
            return Project(), Project()
        async def later(session) -> ProjectRepository:
            ...
        @contextlib.contextmanager
        def managed(session) -> ProjectRepository:
            yield ProjectRepository(session, Project)

        async def use(session) -> None:
            a, b = annotated(session)
            c, d = constructed(session)
            e = single(session)
            f, g = anything(session)
            h, i = uneven(True)
            j = later(session)
            k = await later(session)
            m = managed(session)
            *n, o = annotated(session)
            a.probe; b.probe; c.probe; d.probe; e.probe; f.probe; g.probe; h.probe; i.probe
            j.probe; k.probe; m.probe; o.probe
        """
    )
    resolved = {name: _class_name(expr) for name, expr in receivers.items()}
    assert resolved == {
        "a": "ProjectRepository", "b": "Project", "c": "ProjectRepository", "d": "Project",
        "e": "ProjectRepository", "f": None, "g": None, "h": None, "i": "Project",
        "j": None, "k": "ProjectRepository", "m": None, "o": None,
    }


def test_class_based_view_attributes() -> None:
    receivers = _receivers(
        """
        def cbv(router):
            return lambda cls: cls

        @cbv(None)
        class View:
            repo: ProjectRepoDep
            other: ProjectRepository = Depends(get_repo)
            def read(self) -> None:
                self.repo.probe; self.other.probe
        """
    )
    assert {name: _class_name(expr) for name, expr in receivers.items()} == {
        "self.repo": "ProjectRepository", "self.other": "ProjectRepository",
    }


DELETE_REPO = """
from typing import Any

class ItemRepository:
    async def get_by_id(self, id: int) -> Any: ...
    async def delete(self, instance: Any) -> None: ...

class ByIdRepository:
    def delete(self, project_id: int) -> None: ...

class EitherRepository:
    def delete(self, target: "int | Job") -> None: ...

class Job:
    id: int
"""


def test_delete_given_an_id_is_pxl406() -> None:
    verdicts = _verdicts(
        DELETE_REPO
        + textwrap.dedent(
            """
            async def use(
                repo: ItemRepository, by_id: ByIdRepository, job: Job, project_id: int, project: Any,
                either: EitherRepository,
            ) -> None:
                await repo.delete(project_id)
                await repo.delete(job.id)
                await repo.delete(7)
                await repo.delete(instance="abc")
                await repo.delete(project)
                await repo.delete(True)
                by_id.delete(project_id)
                await repo.delete(project_id, 1)
                either.delete(project_id)
            """
        )
    )
    first = len(DELETE_REPO.splitlines()) + 5
    assert verdicts == [
        (first + 1, "PXL406"), (first + 2, "PXL406"), (first + 3, "PXL406"), (first + 4, "PXL406"),
        (first + 8, "PXL406"),  # also one argument too many: the id is what to fix first
    ]


def test_pxl406_message_spells_the_fix() -> None:
    module = astroid.parse(
        DELETE_REPO + "async def use(repo: ItemRepository, project_id: int) -> None:\n    await repo.delete(project_id)\n",
        module_name="backend.services.probe",
    )
    ctx = ModuleContext(module, "<probe>", DEFAULT_CONFIG)
    (verdict,) = collaborator_call_verdicts(ctx)
    assert verdict.code == "PXL406"
    assert verdict.args["suggestion"] == (
        "instance = await repo.get_by_id(project_id), then await repo.delete(instance)"
    )


def test_module_functions_of_the_layers_are_bound_to_their_signature() -> None:
    source = """
    import functools

    def create_item(*, session, title: str, owner_id: int) -> None: ...

    def adds_a_parameter(function):
        @functools.wraps(function)
        def wrapper(*args, attempts: int = 3, **kwargs):
            return function(*args, **kwargs)
        return wrapper

    def passes_through(function):
        @functools.wraps(function)
        def wrapper(*args, **kwargs):
            return function(*args, **kwargs)
        return wrapper

    @adds_a_parameter
    def delete_item(*, session, item) -> None: ...

    @passes_through
    def update_item(*, session, item) -> None: ...

    def use(session) -> None:
        create_item(session=session, title="x")
        create_item(session=session, title="x", owner_id=1)
        delete_item(session=session, item=1, attempts=2)
        update_item(session=session, item=1, attempts=2)
    """
    assert _verdicts(source, "backend.repositories.crud") == [(25, "PXL404"), (28, "PXL404")]
    assert _verdicts(source, "backend.helpers") == []  # not a services/repositories module
