"""``pixcrawler-lint init``: a proposed ``[tool.pixcrawler_lint]`` from what the tree shows.

The trees here are small imitations of the real layouts ``init`` was measured on (docs/real-world.md):
a per-domain layout whose routes own the session and whose services are module functions, and a
single-package layout with no services layer whose dependencies module uses syntax newer than the
interpreter. The PixCrawler layout gets no proposal at all.
"""

from __future__ import annotations

import io
import subprocess
import sys
import textwrap
import tomllib
from pathlib import Path

import pytest

from pixcrawler_lint.cli.main import main
from pixcrawler_lint.config import Config, config_from_table
from pixcrawler_lint.init.propose import propose
from pixcrawler_lint.init.render import render_proposal, write_proposal
from pixcrawler_lint.init.survey import survey

REPO = Path(__file__).resolve().parent.parent


def write_tree(root: Path, files: dict[str, str]) -> Path:
    for relative, source in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(source).lstrip("\n"), encoding="utf-8")
        for package in path.relative_to(root).parents:
            init = root / package / "__init__.py"
            if package != Path(".") and not init.exists():
                init.write_text("", encoding="utf-8")
    return root


def _domain(name: str) -> dict[str, str]:
    dotted, cls = name.replace("/", "."), name.rsplit("/", 1)[-1].title()
    return {
        f"relay/{name}/views.py": f'''
            from fastapi import APIRouter
            from relay.database.core import DbSession
            from relay.auth.service import CurrentUser
            from relay.{dotted}.models import {cls}Read
            from relay.{dotted} import service
            router = APIRouter()
            @router.get("/{dotted}")
            def get_all(db_session: DbSession, current_user: CurrentUser) -> list[{cls}Read]:
                return service.get_all(db_session=db_session)
            @router.post("/{dotted}")
            def create(db_session: DbSession, item_in: {cls}Read) -> {cls}Read:
                return service.create(db_session=db_session, item_in=item_in)
            ''',
        f"relay/{name}/service.py": f'''
            from relay.{dotted}.models import {cls}
            def get_all(*, db_session):
                return db_session.query({cls}).all()
            def create(*, db_session, item_in):
                return {cls}(**item_in.dict())
            ''',
        f"relay/{name}/models.py": f'''
            from sqlalchemy import Column, Integer
            from relay.database.core import Base
            class {cls}(Base):
                __tablename__ = "{dotted}"
                id = Column(Integer, primary_key=True)
            class {cls}Read:
                id: int
            ''',
        f"relay/{name}/flows.py": f'''
            from relay.{dotted} import service
            def {cls.lower()}_created_flow(db_session, item_id):
                return service.get_all(db_session=db_session)
            ''',
    }


# Per-domain packages (relay/<domain>/{views,service,models,flows}.py), a domain that is itself
# called "service", the session made in relay/database/core.py and handed to every route.
PER_DOMAIN: dict[str, str] = {
    **_domain("case"), **_domain("incident"), **_domain("team"), **_domain("service"),
    **{path: source for path, source in _domain("case/type").items() if not path.endswith("flows.py")},
    "relay/database/core.py": '''
        from typing import Annotated
        from fastapi import Depends, Request
        from sqlalchemy import create_engine
        from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker
        engine = create_engine("sqlite://")
        SessionLocal = sessionmaker(bind=engine)
        class Base(DeclarativeBase):
            pass
        def get_db(request: Request) -> Session:
            return request.state.db
        DbSession = Annotated[Session, Depends(get_db)]
        ''',
    "relay/auth/service.py": '''
        from typing import Annotated
        from fastapi import Depends
        class RelayUser:
            pass
        def get_current_user() -> RelayUser:
            return RelayUser()
        CurrentUser = Annotated[RelayUser, Depends(get_current_user)]
        ''',
    "relay/api.py": '''
        from fastapi import APIRouter
        api_router = APIRouter()
        @api_router.get("/healthcheck")
        def healthcheck() -> dict[str, str]:
            return {"status": "ok"}
        ''',
}

# One package: app/api/routes/*.py, app/api/deps.py (3.14-only syntax), app/crud.py, app/models.py.
SINGLE_PACKAGE: dict[str, str] = {
    "shop/api/deps.py": '''
        from collections.abc import Generator
        from typing import Annotated
        from fastapi import Depends
        from sqlmodel import Session
        from shop.core.db import engine
        def get_db() -> Generator[Session]:
            with Session(engine) as session:
                yield session
        SessionDep = Annotated[Session, Depends(get_db)]
        def get_current_user(session: SessionDep) -> int:
            try:
                return 1
            except KeyError, ValueError:
                return 0
        CurrentUser = Annotated[int, Depends(get_current_user)]
        ''',
    "shop/api/routes/items.py": '''
        from fastapi import APIRouter
        from sqlmodel import select
        from shop import crud
        from shop.api.deps import CurrentUser, SessionDep
        from shop.models import Item
        router = APIRouter()
        @router.get("/items")
        def read_items(session: SessionDep, current_user: CurrentUser) -> list[Item]:
            return list(session.exec(select(Item)))
        @router.post("/items")
        def create_item(session: SessionDep, item_in: Item) -> Item:
            return crud.create_item(session=session, item_in=item_in)
        ''',
    "shop/api/routes/users.py": '''
        from fastapi import APIRouter
        from shop.api.deps import SessionDep
        router = APIRouter()
        @router.get("/users")
        def read_users(session: SessionDep) -> list[int]:
            return []
        ''',
    "shop/api/main.py": '''
        from fastapi import APIRouter
        from shop.api.routes import items, users
        api_router = APIRouter()
        api_router.include_router(items.router)
        api_router.include_router(users.router)
        ''',
    "shop/crud.py": '''
        from sqlmodel import Session
        from shop.models import Item
        def create_item(*, session: Session, item_in: Item) -> Item:
            session.add(item_in)
            return item_in
        ''',
    "shop/models.py": '''
        from sqlmodel import Field, SQLModel
        class Item(SQLModel, table=True):
            id: int | None = Field(default=None, primary_key=True)
        ''',
    "shop/core/db.py": '''
        from sqlmodel import create_engine
        engine = create_engine("sqlite://")
        ''',
}


def _table(root: Path) -> dict[str, object]:
    text = render_proposal(propose(survey(root)), "test")
    return tomllib.loads(text)["tool"]["pixcrawler_lint"]  # type: ignore[no-any-return]


def _policy_keys_known() -> bool:
    return {"layers", "allow", "preset"} <= set(Config.keys())


# --- per-domain, routes own the session ----------------------------------------------------


def test_per_domain_layout_gets_wildcard_patterns(tmp_path: Path) -> None:
    table = _table(write_tree(tmp_path, PER_DOMAIN))
    assert table["preset"] == "recommended"
    assert table["api"][0] == "relay.**.views"  # case/type/views.py is one level deeper  # type: ignore[index]
    assert "relay.api" in table["api"]  # type: ignore[operator]
    assert table["services"] == ["relay.**.service", "relay.*.flows"]
    assert table["models"][0] == "relay.**.models"  # type: ignore[index]
    assert table["layers"] == ["api", "services", "models"]  # no repositories


def test_routes_that_take_the_session_become_allowed_edges(tmp_path: Path) -> None:
    table = _table(write_tree(tmp_path, PER_DOMAIN))
    assert "api -> sqlalchemy" in table["allow"]  # type: ignore[operator]
    assert "api -> models" in table["allow"]  # type: ignore[operator]
    assert table["types-modules"] == ["relay.auth.service", "relay.database.core"]


def test_dependency_providers_below_the_api_keep_fastapi_by_name(tmp_path: Path) -> None:
    # relay/auth/service.py defines CurrentUser = Annotated[..., Depends(...)]: fastapi by design
    table = _table(write_tree(tmp_path, PER_DOMAIN))
    assert table["per-file-ignores"] == {"relay/auth/service.py": ["PXL105"]}


def test_a_domain_named_like_a_layer_is_named_outright(tmp_path: Path) -> None:
    # relay.service.views matches relay.**.views (api) and relay.**.service (services, as its
    # package) equally: the proposal pins it to the api layer, and relay.service.models to models.
    table = _table(write_tree(tmp_path, PER_DOMAIN))
    assert "relay.service.views" in table["api"]  # type: ignore[operator]
    assert "relay.service.models" in table["models"]  # type: ignore[operator]


def test_each_key_has_a_reason_and_the_table_is_short(tmp_path: Path) -> None:
    text = render_proposal(propose(survey(write_tree(tmp_path, PER_DOMAIN))), "test")
    lines = text.splitlines()
    table_lines = lines[lines.index("[tool.pixcrawler_lint]"):]
    assert len(table_lines) <= 20
    for line in table_lines[1:]:
        key, _, rest = line.partition(" = ")
        assert "  # " in rest and rest.split("  # ", 1)[1].strip(), f"{key} has no reason"
    assert "routes own it" in text and "10 of 11 routes take a session" in text


@pytest.mark.skipif(not _policy_keys_known(), reason="the layer policy keys (issue 13a) are not merged yet")
def test_the_proposal_is_a_valid_configuration(tmp_path: Path) -> None:
    for files in (PER_DOMAIN, SINGLE_PACKAGE):
        root = write_tree(tmp_path / next(iter(files)).split("/")[0], files)
        config_from_table(_table(root))


# --- one package, no services layer, a module newer than the interpreter -------------------


def test_single_package_layout_without_services(tmp_path: Path) -> None:
    table = _table(write_tree(tmp_path, SINGLE_PACKAGE))
    assert table["api"] == ["shop.api"]
    assert table["repositories"] == ["shop.crud"]
    assert table["models"] == ["shop.models"]
    assert table["layers"] == ["api", "repositories", "models"]
    # without a services layer the routes own the session anyway: no edge to spell out
    assert "allow" not in table
    assert table["types-modules"] == ["shop.api.deps"]


def test_a_module_that_does_not_parse_is_read_by_its_text_and_said(tmp_path: Path) -> None:
    text = render_proposal(propose(survey(write_tree(tmp_path, SINGLE_PACKAGE))), "test")
    assert "# note: shop.api.deps does not parse" in text
    assert "CurrentUser, SessionDep" in text  # its aliases, found by text


# --- the PixCrawler layout: nothing to propose ----------------------------------------------


@pytest.mark.parametrize("tree", ["backend", "examples/legacy"])
def test_pixcrawler_layout_proposes_nothing(tree: str) -> None:
    proposal = propose(survey(REPO / tree))
    assert proposal.keys == []
    assert proposal.nothing_because is not None and "PixCrawler layout" in proposal.nothing_because
    assert "Nothing to propose" in render_proposal(proposal, tree)


def test_write_leaves_a_pixcrawler_project_alone(tmp_path: Path) -> None:
    write_tree(tmp_path, {"backend/api/x.py": "", "backend/services/y.py": ""})
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[project]\nname = "p"  # mine\n', encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    assert main(["init", str(tmp_path), "--write"], stdout=out, stderr=err) == 0
    assert "Nothing to propose" in out.getvalue()
    assert pyproject.read_text(encoding="utf-8") == '[project]\nname = "p"  # mine\n'


# --- --write --------------------------------------------------------------------------------

EXISTING = '''\
# The shop's project file: these comments must survive.
[project]
name = "shop"   # odd spacing kept
version = "0"

[tool.pixcrawler_lint]
api = ["shop.old"]  # stale

[tool.ruff]
line-length = 100  # ruff's own
'''


def test_write_round_trips_an_existing_pyproject(tmp_path: Path) -> None:
    write_tree(tmp_path, SINGLE_PACKAGE)
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(EXISTING, encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    assert main(["init", str(tmp_path), "--write"], stdout=out, stderr=err) == 0
    text = pyproject.read_text(encoding="utf-8")
    assert text.startswith('# The shop\'s project file: these comments must survive.\n[project]\nname = "shop"   # odd')
    assert '[tool.ruff]\nline-length = 100  # ruff\'s own\n' in text
    assert "shop.old" not in text
    data = tomllib.loads(text)
    assert data["tool"]["pixcrawler_lint"] == _table(tmp_path)
    assert data["tool"]["ruff"] == {"line-length": 100}
    assert "# no services layer in the tree" in text  # the reasons go along as comments
    assert f"wrote [tool.pixcrawler_lint] to {pyproject}" in err.getvalue()
    # a second run changes nothing
    assert main(["init", str(tmp_path), "--write"], stdout=io.StringIO(), stderr=io.StringIO()) == 0
    assert pyproject.read_text(encoding="utf-8") == text


def test_write_creates_a_pyproject_when_there_is_none(tmp_path: Path) -> None:
    project = write_tree(tmp_path / "proj", SINGLE_PACKAGE)
    proposal = propose(survey(project))
    write_proposal(proposal, project / "pyproject.toml")
    assert tomllib.loads((project / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["pixcrawler_lint"][
        "api"
    ] == ["shop.api"]


def test_init_on_a_missing_directory_is_a_usage_error(tmp_path: Path) -> None:
    err = io.StringIO()
    assert main(["init", str(tmp_path / "nope")], stdout=io.StringIO(), stderr=err) == 2
    assert "not a directory" in err.getvalue()


def test_init_prints_the_proposal(tmp_path: Path) -> None:
    out = io.StringIO()
    assert main(["init", str(write_tree(tmp_path, PER_DOMAIN))], stdout=out, stderr=io.StringIO()) == 0
    assert out.getvalue().splitlines()[1:2] == ["[tool.pixcrawler_lint]"] or "[tool.pixcrawler_lint]" in out.getvalue()


def test_layers_by_what_modules_define_become_their_packages(tmp_path: Path) -> None:
    # no telling file names: use cases by their base class, models by their table, one module each
    table = _table(write_tree(tmp_path, {
        "shop/web/orders.py": '''
            from fastapi import APIRouter
            router = APIRouter()
            @router.get("/orders")
            def orders() -> list[int]:
                return []
            ''',
        "shop/domain/base.py": "class UseCase:\n    pass\n",
        "shop/domain/orders.py": "from shop.domain.base import UseCase\nclass PlaceOrder(UseCase):\n    pass\n",
        "shop/orm/order.py": "class Order:\n    __tablename__ = 'orders'\n",
    }))
    assert table["api"] == ["shop.web"]
    assert table["services"] == ["shop.domain"]
    assert table["models"] == ["shop.orm"]
    assert table["layers"] == ["api", "services", "models"]


def test_check_does_not_load_what_only_init_needs(tmp_path: Path) -> None:
    """Every `check` mounts `init` on its parser; tomlkit and the survey load only for `init`."""
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "__init__.py").write_text("", encoding="utf-8")
    probe = (
        "import sys\n"
        "from pixcrawler_lint.cli.main import main\n"
        f"main(['check', '-q', '--no-cache', {str(tmp_path / 'pkg')!r}])\n"
        "print(sorted(m for m in ('tomlkit', 'pixcrawler_lint.init.survey', 'pixcrawler_lint.init.render') if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=False)
    assert done.stdout.strip().splitlines()[-1] == "[]", done.stdout + done.stderr
