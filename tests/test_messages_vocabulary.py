"""Messages in the project's own words (issue 13, item 5).

On a configured layout the suggestions name that project's types module, its aliases (or the
pattern its aliases follow), its composition root and factories, its exceptions module — never
PixCrawler's. On the PixCrawler layout (zero configuration) they keep today's words exactly.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from pixcrawler_lint.analysis.vocabulary import Vocabulary, module_files, pattern_matches
from pixcrawler_lint.cli.main import main
from pixcrawler_lint.engine import lint_file
from pixcrawler_lint.registry import rule_by_code
from test_models_rules import write_project

PYPROJECT = '''
[project]
name = "t"
version = "0"

[tool.pixcrawler_lint]
preset = "pixcrawler"  # every rule, so that each message can be read
layers = ["api", "services", "models"]
api = ["shop.web"]
services = ["shop.domain"]
shared = ["shop.common"]
composition-roots = ["shop.web.wiring"]
types-modules = ["shop.web.deps"]
current-user-names = ["caller"]
base-service = "UseCase"
session-types = ["UnitOfWork"]
session-providers = ["open_uow"]
'''

FILES = {
    "shop/common/errors.py": '''
        """Domain errors."""
        class NotFound(Exception):
            """Missing."""
        ''',
    "shop/common/uow.py": '''
        """The unit of work."""
        class UnitOfWork:
            """A session."""
            async def execute(self, sql: str) -> list[int]:
                return []
        class Caller:
            """Who calls."""
        ''',
    "shop/domain/base.py": '''
        """Base use case."""
        class UseCase:
            """Base."""
        ''',
    "shop/domain/orders.py": '''
        """Use cases."""
        from fastapi import HTTPException
        from shop.domain.base import UseCase
        class PlaceOrder(UseCase):
            """Place an order."""
        class CancelOrder(UseCase):
            """Cancel an order."""
        class RefundOrder(UseCase):
            """Refund an order."""
        ''',
    "shop/domain/fetch.py": '''
        """Fetches."""
        import requests
        ''',
    "shop/web/wiring.py": '''
        """Composition root."""
        from collections.abc import AsyncIterator
        from shop.common.uow import Caller, UnitOfWork
        from shop.domain.orders import CancelOrder, PlaceOrder
        async def open_uow() -> AsyncIterator[UnitOfWork]:
            yield UnitOfWork()
        def provide_place_order() -> PlaceOrder:
            return PlaceOrder()
        def make_cancel_order() -> CancelOrder:
            return CancelOrder()
        async def current_caller() -> Caller:
            return Caller()
        ''',
    "shop/web/deps.py": '''
        """Aliases."""
        from typing import Annotated
        from fastapi import Depends
        from shop.common.uow import Caller, UnitOfWork
        from shop.domain.orders import PlaceOrder
        from shop.web.wiring import current_caller, open_uow, provide_place_order
        CallerAlias = Annotated[Caller, Depends(current_caller)]
        PlaceOrderAlias = Annotated[PlaceOrder, Depends(provide_place_order)]
        UnitOfWorkAlias = Annotated[UnitOfWork, Depends(open_uow)]
        ''',
    "shop/web/orders.py": '''
        """Routes."""
        from typing import Any
        from fastapi import APIRouter, Depends
        from shop.common.uow import UnitOfWork
        from shop.domain.orders import PlaceOrder
        from shop.web.deps import CallerAlias, PlaceOrderAlias
        from shop.web.wiring import open_uow, provide_place_order
        router = APIRouter()
        @router.get("/orders")
        async def my_orders(caller: dict[str, Any], place: PlaceOrder = Depends(provide_place_order)) -> int:
            return 0
        @router.get("/raw")
        async def raw(caller: CallerAlias, uow: UnitOfWork = Depends(open_uow)) -> list[int]:
            return await uow.execute("SELECT 1")
        @router.get("/built")
        async def built(caller: CallerAlias) -> int:
            PlaceOrder()
            return 0
        ''',
}


@pytest.fixture(name="shop")
def shop_project(tmp_path: Path) -> Path:
    write_project(tmp_path, FILES)
    (tmp_path / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    return tmp_path


def messages(root: Path, relative: str, code: str) -> list[str]:
    rule = rule_by_code(code)
    assert rule is not None
    return [f.message for f in lint_file(root / relative, rules=[rule])]


def test_inline_dependency_suggests_the_projects_own_aliases(shop: Path) -> None:
    found = messages(shop, "shop/web/orders.py", "PXL206")
    assert any("from shop.web.deps, e.g. `place: PlaceOrderAlias`" in m for m in found), found
    # a session parameter: the project's alias pattern (…Alias), not <Resource>ServiceDep
    assert any("`uow: <Resource>ServiceAlias` (a route takes no session" in m for m in found), found
    assert not any("backend.api.types" in m or "ServiceDep" in m for m in found)


def test_current_user_alias_is_the_projects(shop: Path) -> None:
    [found] = messages(shop, "shop/web/orders.py", "PXL207")
    assert found.endswith("annotate it with the current-user alias of shop.web.deps (e.g. `caller: CallerAlias`)")


def test_db_access_names_a_service_alias_and_the_layer_that_owns_queries(shop: Path) -> None:
    found = messages(shop, "shop/web/orders.py", "PXL208")
    assert found and all("(e.g. `service: PlaceOrderAlias`)" in m for m in found), found
    # no repositories layer in this project: the query goes into the service
    assert all(m.endswith("move the query into the service") for m in found), found


def test_service_construction_names_root_types_module_and_alias(shop: Path) -> None:
    [found] = messages(shop, "shop/web/orders.py", "PXL209")
    assert "build it in a factory of shop.web.wiring" in found
    assert "an alias from shop.web.deps (e.g. `service: PlaceOrderAlias`)" in found


def test_wiring_messages_follow_the_alias_pattern_and_existing_factories(shop: Path) -> None:
    aliases = messages(shop, "shop/domain/orders.py", "PXL602")
    # CancelOrder has a factory (make_cancel_order) but no alias: both words are the project's
    assert (
        "service CancelOrder has no dependency alias in a types module: "
        "add CancelOrderAlias = Annotated[CancelOrder, Depends(make_cancel_order)] to shop.web.deps"
    ) in aliases
    factories = messages(shop, "shop/domain/orders.py", "PXL601")
    assert factories == [
        "service RefundOrder has no factory in a composition root: "
        "add def get_refund_order(...) -> RefundOrder to shop.web.wiring"
    ]


def test_layer_messages_name_the_projects_exceptions_module_and_no_builder(shop: Path) -> None:
    [http] = messages(shop, "shop/domain/orders.py", "PXL105")
    assert "raise a domain exception (shop.common.errors) and let the api layer" in http
    [crawl] = messages(shop, "shop/domain/fetch.py", "PXL104")
    assert "builder" not in crawl
    assert "crawling and HTTP belong to a client module outside the services layer; call that client" in crawl


def test_without_an_exceptions_module_the_hint_is_left_out(shop: Path) -> None:
    (shop / "shop/common/errors.py").unlink()
    [http] = messages(shop, "shop/domain/orders.py", "PXL105")
    assert "raise a domain exception and let the api layer" in http


# --- the PixCrawler layout: today's words, whatever the tree holds ---------------------------


def test_pixcrawler_layout_keeps_todays_words(tmp_path: Path) -> None:
    write_project(tmp_path, {
        "backend/services/fetch.py": '"""Fetch."""\nimport requests\nfrom fastapi import HTTPException\n',
        "backend/api/v1/endpoints/raw.py": '''
            """Routes."""
            from fastapi import APIRouter, Depends
            from sqlalchemy.ext.asyncio import AsyncSession
            from backend.database import get_session
            router = APIRouter()
            @router.get("/raw")
            async def raw(session: AsyncSession = Depends(get_session)) -> int:
                return 0
            ''',
    })
    [crawl] = messages(tmp_path, "backend/services/fetch.py", "PXL104")
    assert crawl.endswith("crawling and HTTP belong to the builder package; call builder from the service instead")
    [http] = messages(tmp_path, "backend/services/fetch.py", "PXL105")
    assert "raise a domain exception (backend.core.exceptions) and let the api layer" in http
    [db] = messages(tmp_path, "backend/api/v1/endpoints/raw.py", "PXL208")
    assert db == (
        "route raw() takes a database session 'session': depend on a service alias "
        "(e.g. `service: ProjectServiceDep`) and move the query into a repository method the service calls"
    )
    [inline] = messages(tmp_path, "backend/api/v1/endpoints/raw.py", "PXL206")
    assert "from backend.api.types, e.g. `session: <Resource>ServiceDep`" in inline


# --- the pattern matcher the vocabulary uses for wildcard module keys ------------------------


@pytest.mark.parametrize(("modname", "pattern", "expected"), [
    ("dispatch.case.views", "dispatch.*.views", True),
    ("dispatch.case.type.views", "dispatch.*.views", False),
    ("dispatch.case.type.views", "dispatch.**.views", True),
    ("dispatch.views", "dispatch.**.views", True),
    ("dispatch.case.service", "dispatch.**.views", False),
    ("app.api.deps", "app.api", True),
    ("app.apix", "app.api", False),
])
def test_pattern_matches(modname: str, pattern: str, expected: bool) -> None:
    assert pattern_matches(modname, pattern) is expected


def test_module_files_expands_wildcards(tmp_path: Path) -> None:
    write_project(tmp_path, {"d/case/views.py": "", "d/case/service.py": "", "d/x/y/views.py": ""})
    assert [name for name, _ in module_files(tmp_path, ("d.**.views",))] == ["d.case.views", "d.x.y.views"]


def test_contract_messages_of_indirect_imports_use_the_same_words(shop: Path) -> None:
    # shop.domain.notify -> shop.helpers (no layer) -> fastapi: only the import graph sees it
    (shop / "shop/helpers.py").write_text('"""Helpers."""\nfrom fastapi import HTTPException\n', encoding="utf-8")
    (shop / "shop/domain/notify.py").write_text('"""Notify."""\nimport shop.helpers\n', encoding="utf-8")
    out = io.StringIO()
    main(["check", str(shop), "--format", "json", "-q", "-j", "1"], stdout=out, stderr=io.StringIO())
    findings = json.loads(out.getvalue())["findings"]
    assert not [f for f in findings if f["code"].startswith("PXL9")], findings
    [indirect] = [f for f in findings if f["code"] == "PXL105" and "indirect import" in f["message"]]
    assert "shop.domain.notify -> shop.helpers -> fastapi" in indirect["message"]
    assert "raise a domain exception (shop.common.errors)" in indirect["message"]


def test_an_alias_name_spelled_bare_is_not_suffixed_twice() -> None:
    words = Vocabulary()
    assert words.alias_for("ProjectService") == "ProjectServiceDep"
    assert words.alias_for("ReportServiceDep") == "ReportServiceDep"
