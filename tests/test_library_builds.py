"""The build cascades ``library_builds.install`` cuts for the engine front ends (issue 16).

astroid's dataclass and attrs brains and its ``delayed_assattr`` infer across the library
boundary while a module is built; ``library_builds`` replaces them with import-based
decisions. Here: the new predicates agree with astroid's on project classes and annotations,
a cold lint of a SQLModel/pydantic/sqlalchemy-shaped project builds none of those libraries
and reports exactly what astroid as shipped lets it report, and the pylint plugin keeps
astroid's functions.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import astroid
import pytest
from astroid import nodes
from astroid.brain import brain_attrs, brain_dataclasses, brain_namedtuple_enum, helpers
from astroid.builder import AstroidBuilder
from astroid.exceptions import AstroidSyntaxError

from pixcrawler_lint import library_builds
from pixcrawler_lint.library_builds import (
    is_attrs_class,
    is_class_var,
    is_dataclass_class,
    is_init_var,
    is_keyword_only_sentinel,
)

REPO = Path(__file__).resolve().parents[1]
# astroid's own functions, whatever this process installed (the engine installs ours)
# pylint: disable=protected-access
ASTROID_IS_DATACLASS = library_builds._ASTROID_IS_DATACLASS
ASTROID_IS_ATTRS = library_builds._ASTROID_IS_ATTRS
ASTROID_IS_CLASS_VAR = library_builds._ASTROID_IS_CLASS_VAR
ASTROID_IS_INIT_VAR = library_builds._ASTROID_IS_INIT_VAR
ASTROID_IS_KW_ONLY = library_builds._ASTROID_IS_KW_ONLY
_INFER_ENUM_CLASS = brain_namedtuple_enum.infer_enum_class
# pylint: enable=protected-access

DATACLASSES = """
import dataclasses
import dataclasses as dc
from dataclasses import dataclass, field
from dataclasses import dataclass as data
from functools import total_ordering
from pydantic import dataclasses as pdc
from pydantic.dataclasses import dataclass as pydantic_dataclass

def local_decorator(cls):
    return cls

@dataclass
class A:
    x: int
@dataclass(frozen=True)
class B:
    x: int
@dataclasses.dataclass
class C: ...
@dc.dataclass(order=True)
class D: ...
@data
class E: ...
@pydantic_dataclass
class F: ...
@pdc.dataclass
class G: ...
@total_ordering
class H: ...
@local_decorator
class I: ...
class J: ...
@local_decorator
@dataclass
class K: ...
"""


def test_dataclass_predicate_agrees_with_astroid_on_project_classes() -> None:
    module = astroid.parse(DATACLASSES, module_name="proj.data")
    classes = [n for n in module.body if isinstance(n, nodes.ClassDef)]
    verdicts = {cls.name: is_dataclass_class(cls) for cls in classes}
    assert verdicts == {cls.name: ASTROID_IS_DATACLASS(cls) for cls in classes}
    assert [name for name, verdict in verdicts.items() if not verdict] == ["H", "I", "J"]


def test_library_classes_get_no_dataclass_or_attrs_transform() -> None:
    pstats = astroid.MANAGER.ast_from_module_name("pstats")  # @dataclass class FunctionProfile
    profile = pstats["FunctionProfile"]
    assert ASTROID_IS_DATACLASS(profile)
    assert not is_dataclass_class(profile) and not is_attrs_class(profile)


ANNOTATIONS = """
import dataclasses
import typing
import typing as t
from dataclasses import InitVar, KW_ONLY
from typing import ClassVar, Optional
from typing import ClassVar as CV
from sqlalchemy.orm import Mapped
from sqlalchemy.ext.asyncio import AsyncSession

class Local: ...

class Probe:
    a: ClassVar[int]
    b: ClassVar
    c: typing.ClassVar[str]
    d: t.ClassVar
    f: int
    g: Mapped[int]
    h: Optional[AsyncSession]
    i: AsyncSession | None
    j: "ClassVar[int]"
    k: InitVar[int]
    l: dataclasses.InitVar[str]
    m: KW_ONLY
    n: dataclasses.KW_ONLY
    o: Local
    p: list[Local]
"""


@pytest.mark.parametrize(
    ("ours", "theirs"),
    [(is_class_var, ASTROID_IS_CLASS_VAR), (is_init_var, ASTROID_IS_INIT_VAR),
     (is_keyword_only_sentinel, ASTROID_IS_KW_ONLY)],
    ids=["ClassVar", "InitVar", "KW_ONLY"],
)
def test_annotation_tests_agree_with_astroid(ours: object, theirs: object) -> None:
    module = astroid.parse(ANNOTATIONS, module_name="proj.annotations")
    fields = [n for n in module["Probe"].body if isinstance(n, nodes.AnnAssign)]
    verdicts = {f.target.name: ours(f.annotation) for f in fields}  # type: ignore[operator]
    assert verdicts == {f.target.name: theirs(f.annotation) for f in fields}  # type: ignore[operator]
    assert any(verdicts.values())


def test_an_aliased_classvar_is_a_classvar() -> None:
    """astroid does not see ``CV[int]`` through ``from typing import ClassVar as CV``; Python's
    dataclasses do, and so do we (the one place the annotation tests differ from astroid's)."""
    module = astroid.parse(ANNOTATIONS + "    e: CV[int]\n", module_name="proj.annotations")
    annotation = module["Probe"].body[-1].annotation
    assert is_class_var(annotation) and not ASTROID_IS_CLASS_VAR(annotation)


ATTRS = """
import attr
import attrs
from attrs import define, frozen
from attr import s as attr_s
from dataclasses import dataclass
from functools import total_ordering

@attr.s
class A: ...
@attr.s(auto_attribs=True)
class B: ...
@attrs.define
class C: ...
@define
class D: ...
@frozen(slots=False)
class E: ...
@attr_s
class F: ...
@dataclass
class G: ...
@total_ordering
class H: ...
class I: ...
"""


def test_attrs_predicate_agrees_with_astroid() -> None:
    pytest.importorskip("attrs")
    module = astroid.parse(ATTRS, module_name="proj.attrs_classes")
    classes = [n for n in module.body if isinstance(n, nodes.ClassDef)]
    verdicts = {cls.name: is_attrs_class(cls) for cls in classes}
    assert verdicts == {cls.name: ASTROID_IS_ATTRS(cls) for cls in classes}
    assert verdicts["A"] and verdicts["D"] and not verdicts["G"]


# A SQLModel/pydantic/sqlalchemy-shaped endpoint module (as in the full-stack template): the
# shapes that made astroid build those libraries while the module itself was parsed.
ENDPOINT = '''"""Things."""  # expect: PXL604
from dataclasses import dataclass, field
from typing import Annotated, ClassVar

from fastapi import APIRouter, Depends, HTTPException, status  # expect: PXL205
from pydantic import BaseModel, field_validator, model_validator
from sqlalchemy.ext.asyncio import AsyncSession  # expect: PXL102
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, object_session  # expect: PXL102
from not_installed_anywhere import observes

router = APIRouter(prefix="/things")


class Base(DeclarativeBase):
    pass


class Thing(Base):
    __tablename__ = "things"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]

    def rename(self, name: str) -> None:
        self.name = name

    @observes("name")
    def renamed(self, name: str) -> None:
        self.label = name


def unflag(target: Thing) -> None:
    session = object_session(target)
    previous = session.query(Thing).one()
    previous.flag = False


class ThingIn(BaseModel):
    name: str
    kind: ClassVar[str] = "thing"


class Settings(BaseModel):
    url: str = ""

    @field_validator("url", mode="before")
    @classmethod
    def _normalise(cls, value: str) -> str:
        text = str(value)
        return text.strip()

    @model_validator(mode="after")
    def _checked(self) -> "Settings":
        self.verify()
        return self

    def verify(self) -> None:
        pass


@dataclass
class Context:
    session: AsyncSession
    tags: list[str] = field(default_factory=list)
    limit: ClassVar[int] = 10


def context() -> Context:
    raise NotImplementedError


@router.patch("/{thing_id}", operation_id="renameThing")
async def rename(thing_id: int, body: ThingIn, ctx: Annotated[Context, Depends(context)],  # expect: PXL203, PXL206
                 status: int | None = None) -> None:
    body.name = body.name.strip()
    ctx.tags = [body.name]
    if status:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND)  # expect: PXL204


@router.put("/{thing_id}", operation_id="renameThingNow")
async def rename_now(thing_id: int, session: AsyncSession) -> None:  # expect: PXL203, PXL208
    thing = await session.get(Thing, thing_id)  # expect: PXL208
    thing.rename("now")
'''

LINT = """
import json, sys, astroid
from pixcrawler_lint import library_builds
if sys.argv[2] == "shipped":
    library_builds.install = lambda: None  # astroid as shipped
from pixcrawler_lint.engine import lint_file
findings = lint_file(sys.argv[1])
print(json.dumps({"findings": sorted([f.line, f.code] for f in findings),
                  "built": sorted(astroid.MANAGER.astroid_cache)}))
"""


def _lint(tree: Path, path: str, mode: str) -> dict[str, list]:  # type: ignore[type-arg]
    proc = subprocess.run([sys.executable, "-c", LINT, path, mode], cwd=tree, capture_output=True, text=True,
                          check=True)
    result: dict[str, list] = json.loads(proc.stdout.strip().splitlines()[-1])  # type: ignore[type-arg]
    return result


def test_a_cold_sqlmodel_shaped_lint_builds_no_library_and_finds_the_same(tmp_path: Path) -> None:
    endpoints = tmp_path / "backend" / "api" / "v1" / "endpoints"
    endpoints.mkdir(parents=True)
    for package in (tmp_path / "backend", endpoints.parent.parent, endpoints.parent, endpoints):
        (package / "__init__.py").write_text("")
    (endpoints / "things.py").write_text(ENDPOINT)
    path = "backend/api/v1/endpoints/things.py"
    expected = sorted(
        [number, code.strip()]
        for number, line in enumerate(ENDPOINT.splitlines(), start=1)
        if "# expect:" in line
        for code in line.split("# expect:", 1)[1].split(",")
    )
    lazy = _lint(tmp_path, path, "lazy")
    shipped = _lint(tmp_path, path, "shipped")
    assert lazy["findings"] == expected
    assert shipped["findings"] == lazy["findings"]
    heavy = {"pydantic.main", "sqlalchemy.orm", "sqlalchemy.ext.asyncio", "fastapi.routing", "starlette.routing"}
    assert heavy <= set(shipped["built"])  # the shapes really did cascade in astroid as shipped
    assert not set(lazy["built"]) & heavy, sorted(set(lazy["built"]) & heavy)


def test_the_pylint_plugin_keeps_astroids_brains_and_builder() -> None:
    script = textwrap.dedent("""
        from astroid import MANAGER, nodes
        from astroid.brain import brain_attrs, brain_dataclasses, helpers
        from astroid.builder import AstroidBuilder
        from pylint.lint import PyLinter
        import pixcrawler_lint.pylint_plugin as plugin
        plugin.register(PyLinter())
        predicates = [p for _, p in MANAGER._transform.transforms[nodes.ClassDef]]
        print(all([
            brain_dataclasses.is_decorated_with_dataclass in predicates,
            brain_attrs.is_decorated_with_attrs in predicates,
            brain_dataclasses.is_decorated_with_dataclass.__module__ == brain_dataclasses.__name__,
            brain_dataclasses.is_class_var is helpers.is_class_var,
            brain_attrs.is_class_var is helpers.is_class_var,
            AstroidBuilder.delayed_assattr.__module__ == "astroid.builder",
            AstroidBuilder.file_build.__module__ == "astroid.builder",
        ]))
    """)
    proc = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, check=True)
    assert proc.stdout.strip().splitlines()[-1] == "True"


def test_install_replaces_the_brains_functions() -> None:
    library_builds.install()
    assert brain_dataclasses.is_decorated_with_dataclass is is_dataclass_class
    assert brain_dataclasses.is_class_var is is_class_var is brain_attrs.is_class_var
    assert brain_attrs.is_decorated_with_attrs is is_attrs_class
    assert helpers.is_class_var is ASTROID_IS_CLASS_VAR  # astroid's helper itself is untouched
    registered = astroid.MANAGER._transform.transforms[nodes.Call]  # pylint: disable=protected-access
    call_predicates = [p for _, p in registered]
    if hasattr(brain_dataclasses, "_looks_like_dataclasses_replace"):
        assert library_builds.is_dataclasses_replace in call_predicates


def test_switching_import_roots_keeps_the_cache_unless_top_names_collide(tmp_path: Path) -> None:
    """A project with folders lacking ``__init__.py`` has many import roots; switching between
    them drops from astroid's cache only the modules whose top-level name the new root defines
    too (two projects with a ``backend`` package)."""
    from pixcrawler_lint.modules import activate_project_root, forget_project_root

    for root, package in (("one", "alpha"), ("two", "beta"), ("three", "alpha")):
        (tmp_path / root / package).mkdir(parents=True)
        (tmp_path / root / package / "__init__.py").write_text("VALUE = 1\n")
    forget_project_root()
    try:
        activate_project_root(tmp_path / "one")
        alpha = astroid.MANAGER.ast_from_module_name("alpha")
        activate_project_root(tmp_path / "two")
        assert astroid.MANAGER.astroid_cache.get("alpha") is alpha  # no collision: kept
        beta = astroid.MANAGER.ast_from_module_name("beta")
        activate_project_root(tmp_path / "three")
        assert "alpha" not in astroid.MANAGER.astroid_cache  # another project's alpha: dropped
        assert astroid.MANAGER.astroid_cache.get("beta") is beta  # the rest stays
        assert astroid.MANAGER.ast_from_module_name("alpha").file.startswith(str((tmp_path / "three").resolve()))
        activate_project_root(tmp_path / "one")  # and back: where alpha lives is looked up again
        assert astroid.MANAGER.ast_from_module_name("alpha").file.startswith(str((tmp_path / "one").resolve()))
    finally:
        forget_project_root()


def _enum_predicates() -> list[object]:
    registered = astroid.MANAGER._transform.transforms[nodes.ClassDef]  # pylint: disable=protected-access
    return [predicate for transform, predicate in registered if transform is _INFER_ENUM_CLASS]


def test_a_cache_reset_between_roots_keeps_the_lazy_predicates(tmp_path: Path) -> None:
    """``clear_cache`` registers astroid's brains afresh, with astroid's enum predicate: a run
    over two projects that share a top package name (both ``backend``) built every library the
    second project's enums touch (44 % more CPU than two runs) until the predicates were swapped
    again after the reset."""
    from pixcrawler_lint.modules import activate_project_root, forget_project_root

    for root in ("one", "two"):
        (tmp_path / root / "backend").mkdir(parents=True)
        (tmp_path / root / "backend" / "__init__.py").write_text("VALUE = 1\n")
    forget_project_root()
    try:
        activate_project_root(tmp_path / "one")
        assert _enum_predicates() == [library_builds.is_enum_class]
        astroid.MANAGER.ast_from_module_name("backend")
        activate_project_root(tmp_path / "two")  # collides: the cache is reset
        assert "backend" not in astroid.MANAGER.astroid_cache
        assert _enum_predicates() == [library_builds.is_enum_class]
        forget_project_root()  # resets the cache too; the next activation swaps again
        activate_project_root(tmp_path / "one")
        assert _enum_predicates() == [library_builds.is_enum_class]
    finally:
        forget_project_root()


def test_a_module_that_does_not_parse_is_parsed_once_until_it_changes(tmp_path: Path) -> None:
    """astroid caches only what it built: every import of a broken module parsed it again."""
    broken = tmp_path / "broken_mod.py"
    broken.write_text("def f(:\n    pass\n", encoding="utf-8")
    library_builds.install()
    parses: list[str] = []
    real = AstroidBuilder._data_build  # pylint: disable=protected-access

    def counting(self: AstroidBuilder, data: str, modname: str, path: str | None) -> object:
        parses.append(data)
        return real(self, data, modname, path)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(AstroidBuilder, "_data_build", counting)
        for _ in range(3):
            with pytest.raises(AstroidSyntaxError) as raised:
                AstroidBuilder(astroid.MANAGER).file_build(str(broken), "broken_mod")
            assert raised.value.path == str(broken) and isinstance(raised.value.error, SyntaxError)
        assert len(parses) == 1
        broken.write_text("def f():\n    pass\n", encoding="utf-8")
        module = AstroidBuilder(astroid.MANAGER).file_build(str(broken), "broken_mod")
    assert [f.name for f in module.body] == ["f"] and len(parses) == 2


def test_attributes_set_on_project_instances_are_recorded_without_inference(tmp_path: Path) -> None:
    """astroid infers a decorator imported from a module that is nowhere installed as
    Uninferable, so the function stays a method and ``self.x = …`` lands in the class's
    instance attributes; a decorator of the project (which could be anything) is left to astroid."""
    from pixcrawler_lint.modules import activate_project_root, build_module  # pylint: disable=import-outside-toplevel

    package = tmp_path / "shop"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "hooks.py").write_text("def watch(name):\n    return lambda f: f\n")
    source = textwrap.dedent('''
        from not_installed_anywhere import observes
        from shop.hooks import watch

        class Cart:
            @observes("items")
            def counted(self, items):
                self.count = len(items)

            @watch("items")
            def watched(self, items):
                self.seen = True

        def checkout():
            cart = Cart()
            cart.total = 3

        class Meta(type):
            pass

        class Odd(metaclass=Meta):
            pass

        def odd():
            thing = Odd()
            thing.x = 1
    ''')
    activate_project_root(tmp_path)
    module = build_module(source, package / "cart.py", "shop.cart")
    counted, watched = (next(f.nodes_of_class(nodes.AssignAttr)) for f in module["Cart"].mymethods())
    assert library_builds._self_of_plain_method(counted.expr) is module["Cart"]  # pylint: disable=protected-access
    assert library_builds._self_of_plain_method(watched.expr) is None  # pylint: disable=protected-access
    assert "count" in module["Cart"].instance_attrs
    total = next(module["checkout"].nodes_of_class(nodes.AssignAttr))
    assert library_builds._instance_of_project_class(total.expr) is module["Cart"]  # pylint: disable=protected-access
    assert "total" in module["Cart"].instance_attrs
    odd = next(module["odd"].nodes_of_class(nodes.AssignAttr))  # a metaclass's __call__ may make anything
    assert library_builds._instance_of_project_class(odd.expr) is None  # pylint: disable=protected-access


def test_an_attribute_set_on_what_an_annotated_project_function_returns(tmp_path: Path) -> None:
    """``report = create(...)`` with ``def create(...) -> Report``: the attribute goes to
    ``Report``'s instance attributes as astroid would put it, without inferring the body (which
    infers the model's library bases to look for a metaclass)."""
    from pixcrawler_lint.modules import activate_project_root, build_module  # pylint: disable=import-outside-toplevel

    package = tmp_path / "reports"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "service.py").write_text(textwrap.dedent('''
        class Report:
            pass

        def create(name) -> Report:
            return Report()

        def many(name) -> Report:
            yield Report()

        def unknown(name):
            return Report()
    '''))
    source = textwrap.dedent('''
        from reports.service import create, many, unknown

        def flow():
            report = create("x")
            report.document = 1
            generated = many("x")
            generated.document = 2
            plain = unknown("x")
            plain.document = 3
    ''')
    activate_project_root(tmp_path)
    module = build_module(source, package / "flows.py", "reports.flows")
    report, generated, plain = module["flow"].nodes_of_class(nodes.AssignAttr)
    protected = library_builds._instance_of_project_class  # pylint: disable=protected-access
    assert protected(report.expr) is not None and protected(report.expr).name == "Report"
    assert protected(generated.expr) is None  # a generator returns a generator
    assert protected(plain.expr) is None  # no annotation: left to astroid


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        ("import dataclasses\ndataclasses.replace(x)", True),
        ("import dataclasses as dc\ndc.replace(x)", True),
        ("from dataclasses import replace\nreplace(x)", True),
        ("'a-b'.replace('-', '_')", False),
        ("from datetime import datetime\ndatetime.now().replace(hour=1)", False),
        ("from datetime import datetime, timedelta\nstart = datetime.now() - timedelta(1)\nstart.replace(hour=1)",
         False),
        ("def f(name):\n    return name.replace('a', 'b')", False),
    ],
)
def test_the_dataclasses_replace_predicate_agrees_with_astroid(call: str, expected: bool) -> None:
    astroid_says = getattr(brain_dataclasses, "_looks_like_dataclasses_replace", None)
    if astroid_says is None:
        pytest.skip("this astroid has no dataclasses.replace brain")
    module = astroid.parse(call, module_name="proj.replacing")
    found = list(module.nodes_of_class(nodes.Call))[-1]
    assert library_builds.is_dataclasses_replace(found) is expected is astroid_says(found)
