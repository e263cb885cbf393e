"""The library boundary: rules decide library names from imports, and build no library for it.

``analysis.origins`` says which library name an expression spells without building the
library; ``analysis.project_inference`` skips values a library makes; ``library_builds``
makes the engine front ends build libraries lazily. The findings must not change (every
fixture and the legacy example are checked through all front ends elsewhere); here we check
the decisions themselves, and that a cold lint really leaves the libraries unbuilt.
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
from astroid.brain import brain_namedtuple_enum

from pixcrawler_lint.analysis.origins import LibraryClass, is_library_value, library_class, library_name
from pixcrawler_lint.analysis.project_inference import is_library_made
from pixcrawler_lint.library_builds import is_enum_class

REPO = Path(__file__).resolve().parents[1]


def _module(source: str, name: str = "proj.mod") -> nodes.Module:
    return astroid.parse(textwrap.dedent(source), module_name=name)


def _expr(module: nodes.Module, variable: str = "probe") -> nodes.NodeNG:
    """The value assigned to ``probe`` (last assignment) in ``module``."""
    assign = [n for n in module.nodes_of_class(nodes.Assign) if n.targets[0].as_string() == variable][-1]
    return assign.value


@pytest.mark.parametrize(
    ("source", "dotted"),
    [
        ("from fastapi import APIRouter\nprobe = APIRouter", "fastapi.APIRouter"),
        ("from fastapi import APIRouter as R\nprobe = R", "fastapi.APIRouter"),
        ("import sqlalchemy as sa\nprobe = sa.orm.Session", "sqlalchemy.orm.Session"),
        ("import fastapi.routing\nprobe = fastapi.routing.APIRouter", "fastapi.routing.APIRouter"),
        ("import hashlib\nprobe = hashlib.sha256", "hashlib.sha256"),
        ("import sys\nprobe = sys.path", "sys.path"),  # built into the interpreter
    ],
)
def test_library_name_reads_the_import(source: str, dotted: str) -> None:
    found = library_name(_expr(_module(source)))
    assert found is not None and found.dotted == dotted


@pytest.mark.parametrize(
    "source",
    [
        "from .routing import APIRouter\nprobe = APIRouter",  # relative: the project's own package
        "from not_installed_anywhere import Thing\nprobe = Thing",  # unknown is not a library
        "from fastapi import APIRouter\nAPIRouter = object\nprobe = APIRouter",  # rebound
        "class APIRouter: ...\nprobe = APIRouter",
        "probe = len",  # a builtin is not imported
    ],
)
def test_library_name_is_silent_when_not_certain(source: str) -> None:
    assert library_name(_expr(_module(source))) is None


def test_library_class_stands_for_the_name_and_is_never_project_code() -> None:
    found = library_name(_expr(_module("from sqlalchemy.ext.asyncio import AsyncSession\nprobe = AsyncSession")))
    assert found is not None
    stub = library_class(found)
    assert isinstance(stub, LibraryClass)
    assert (stub.name, stub.qname()) == ("AsyncSession", "sqlalchemy.ext.asyncio.AsyncSession")
    assert library_class(found) is stub  # one object per name: identity comparisons hold
    from pixcrawler_lint.analysis.collaborators import is_project_class, lookup_member

    assert not is_project_class(stub)
    assert not lookup_member(stub, "execute").found


LIBRARY_VALUES = """
from sqlalchemy import select
from sqlalchemy.ext.asyncio import create_async_engine, async_sessionmaker
import hashlib

def run(path):
    engine = create_async_engine("sqlite://")
    query = select(1)
    query = query.where(True)
    factory = async_sessionmaker(engine)
    probe_engine = engine.dispose()
    probe_query = query.limit(3)
    probe_digest = hashlib.sha256(b"").hexdigest()
    with factory() as session:
        probe_session = session.execute(query)
    local = path
    probe_local = local.name
"""


@pytest.mark.parametrize(
    ("variable", "expected"),
    [("probe_engine", True), ("probe_query", True), ("probe_digest", True), ("probe_session", True),
     ("probe_local", False)],
)
def test_library_values_follow_plain_assignments(variable: str, expected: bool) -> None:
    module = _module(LIBRARY_VALUES)
    assert is_library_value(_expr(module, variable)) is expected


def test_library_members_of_project_classes(tmp_path: Path) -> None:
    package = tmp_path / "proj"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "schemas.py").write_text(textwrap.dedent("""
        from pydantic import BaseModel
        from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

        class Base(DeclarativeBase):
            pass

        class Item(Base):
            __tablename__ = "items"
            id: Mapped[int] = mapped_column(primary_key=True)
            def label(self) -> str:
                return "x"

        class ItemOut(BaseModel):
            name: str
            def own(self) -> str:
                return self.name
    """))
    module = astroid.parse(textwrap.dedent("""
        from proj.schemas import Item, ItemOut
        probe_validate = ItemOut.model_validate({})
        listed = ItemOut.model_validate({})
        probe_listed = listed.model_dump()
        probe_column = Item.id.desc()
        probe_own = ItemOut.own
        probe_method = Item.label
    """), module_name="proj.use", path=str(package / "use.py"))
    sys.path.insert(0, str(tmp_path))
    try:
        assert is_library_made(_expr(module, "probe_validate"))  # pydantic's classmethod
        assert is_library_made(_expr(module, "probe_listed"))  # a variable it made
        assert is_library_made(_expr(module, "probe_column"))  # mapped_column(...) in the body
        assert not is_library_made(_expr(module, "probe_own"))  # defined by the project class
        assert not is_library_made(_expr(module, "probe_method"))
    finally:
        sys.path.remove(str(tmp_path))
        astroid.MANAGER.clear_cache()


def test_library_values_imported_from_a_project_module(tmp_path: Path) -> None:
    package = tmp_path / "projx"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "models.py").write_text(textwrap.dedent("""
        from sqlalchemy import Column, Integer, MetaData, Table
        from projx.services import ItemService

        assoc = Table("assoc", MetaData(), Column("id", Integer))
        service = ItemService()
        maybe = ItemService() if assoc else Table("t", MetaData())
    """))
    (package / "reexport.py").write_text("from projx.models import assoc as table\n")
    (package / "services.py").write_text("class ItemService:\n    def get(self) -> int:\n        return 1\n")
    module = astroid.parse(textwrap.dedent("""
        from projx.models import assoc, service, maybe
        from projx.reexport import table
        probe_table = assoc.join(None)
        probe_reexported = table.c.id
        probe_service = service.get()
        probe_either = maybe.get()
    """), module_name="projx.use", path=str(package / "use.py"))
    sys.path.insert(0, str(tmp_path))
    try:
        assert is_library_value(_expr(module, "probe_table"))  # assoc = Table(...) over there
        assert is_library_value(_expr(module, "probe_reexported"))  # through a re-export
        assert not is_library_value(_expr(module, "probe_service"))  # a project class's instance
        assert not is_library_value(_expr(module, "probe_either"))  # not certain
    finally:
        sys.path.remove(str(tmp_path))
        astroid.MANAGER.clear_cache()


ENUMS = """
import enum
from enum import Enum, IntEnum as IE, StrEnum
from http import HTTPStatus

class Plain: ...
class Color(Enum):
    RED = 1
class Level(IE):
    LOW = 1
class Kind(str, enum.Enum):
    A = "a"
class Name(StrEnum):
    X = "x"
class Base(Enum):
    pass
class Derived(Base):
    B = 2
class NotEnum(Plain): ...
class Generic(list): ...
"""


def test_enum_predicate_agrees_with_astroid() -> None:
    module = _module(ENUMS)
    classes = list(module.nodes_of_class(nodes.ClassDef))
    import http

    stdlib = astroid.MANAGER.ast_from_module_name("http")
    enum_module = astroid.MANAGER.ast_from_module_name("enum")
    classes += [stdlib["HTTPStatus"], enum_module["IntFlag"], enum_module["EnumType"], enum_module["auto"]]
    verdicts = {cls.name: is_enum_class(cls) for cls in classes}
    assert verdicts == {cls.name: brain_namedtuple_enum._is_enum_subclass(cls) for cls in classes}
    assert verdicts["Derived"] and verdicts["Kind"] and not verdicts["NotEnum"]
    assert http.HTTPStatus  # the module really is the standard library's


def _cold_lint(path: str) -> dict[str, object]:
    """Lint ``path`` with the engine in a fresh interpreter; which modules did astroid build?"""
    script = textwrap.dedent(f"""
        import json, astroid
        from pixcrawler_lint.engine import lint_file
        findings = lint_file({path!r})
        print(json.dumps({{"findings": len(findings), "built": sorted(astroid.MANAGER.astroid_cache)}}))
    """)
    proc = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, check=True)
    result: dict[str, object] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def test_a_cold_endpoint_lint_builds_no_web_or_orm_library() -> None:
    result = _cold_lint("backend/api/v1/endpoints/policies.py")
    built = set(result["built"])  # type: ignore[arg-type]
    assert result["findings"] == 0
    assert "backend.services.policy" in built  # the rules did follow the service's signature
    heavy = {"fastapi.routing", "pydantic.main", "sqlalchemy.orm", "starlette.routing", "sqlalchemy.ext.asyncio"}
    assert not built & heavy, sorted(built & heavy)


def test_a_cold_legacy_lint_still_finds_with_libraries_unbuilt() -> None:
    result = _cold_lint("examples/legacy/backend/services/activity.py")
    built = set(result["built"])  # type: ignore[arg-type]
    expected = sum(
        len([c for c in line.split("# expect:", 1)[1].split(",") if c.strip()])
        for line in (REPO / "examples/legacy/backend/services/activity.py").read_text().splitlines()
        if "# expect:" in line
    )
    assert result["findings"] == expected > 0
    assert not built & {"sqlalchemy.orm", "pydantic.main"}, sorted(built & {"sqlalchemy.orm", "pydantic.main"})


def test_the_pylint_plugin_leaves_astroids_enum_predicate_alone() -> None:
    script = textwrap.dedent("""
        from astroid import MANAGER, nodes
        from astroid.brain import brain_namedtuple_enum
        from pylint.lint import PyLinter
        import pixcrawler_lint.pylint_plugin as plugin
        plugin.register(PyLinter())
        predicates = [p for _, p in MANAGER._transform.transforms[nodes.ClassDef]]
        print(brain_namedtuple_enum._is_enum_subclass in predicates)
    """)
    proc = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, check=True)
    assert proc.stdout.strip().splitlines()[-1] == "True"
