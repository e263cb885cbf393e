"""The whole-graph layer check and its import-linter contract, on in-memory grimp graphs."""

from __future__ import annotations

import dataclasses
import sys
import types
from pathlib import Path

import grimp
import pytest
from importlinter.domain.contract import InvalidContractOptions

from pixcrawler_lint.config import DEFAULT_CONFIG, Config
from pixcrawler_lint.contracts import ImportStep, LayerMapContract, Violation, build_graph, check_architecture
from pixcrawler_lint.contracts.architecture import names_in_import_line

EXTERNALS = ("sqlalchemy", "fastapi", "starlette", "httpx", "urllib", "builder")


def make_graph(*imports: tuple[str, str] | tuple[str, str, int, str]) -> grimp.ImportGraph:
    """A graph of ``backend`` modules; names in EXTERNALS are squashed external packages."""
    graph = grimp.ImportGraph()
    for edge in imports:
        for module in edge[:2]:
            if module not in graph.modules:
                graph.add_module(module, is_squashed=module in EXTERNALS)
        if len(edge) == 4:
            graph.add_import(importer=edge[0], imported=edge[1], line_number=edge[2], line_contents=edge[3])
        else:
            graph.add_import(importer=edge[0], imported=edge[1])
    return graph


CLEAN_EDGES: tuple[tuple[str, str], ...] = (
    ("backend.api.v1.endpoints.projects", "backend.api.types"),
    ("backend.api.v1.endpoints.projects", "backend.schemas.project"),
    ("backend.api.v1.endpoints.projects", "fastapi"),
    ("backend.api.types", "backend.api.dependencies"),
    ("backend.api.types", "backend.models.user"),
    ("backend.api.dependencies", "backend.services.project"),
    ("backend.api.dependencies", "backend.repositories.project"),
    ("backend.api.dependencies", "backend.database"),
    ("backend.api.dependencies", "sqlalchemy"),
    ("backend.services.project", "backend.repositories.project"),
    ("backend.services.project", "backend.models.project"),
    ("backend.services.project", "backend.core.exceptions"),
    ("backend.services.crawl_job", "builder"),
    ("backend.repositories.project", "backend.models.project"),
    ("backend.repositories.project", "sqlalchemy"),
    ("backend.schemas.project", "backend.models.enums"),
    ("backend.models.project", "backend.schemas.common"),
    ("backend.models.project", "sqlalchemy"),
    ("backend.main", "backend.api.v1.endpoints.projects"),
)


def codes(violations: list[Violation]) -> set[tuple[str, str, str]]:
    return {(v.importer, v.code, v.imported) for v in violations}


def test_reference_layout_is_kept() -> None:
    """Roots build everything, endpoints go through types/services, models and shared mix."""
    assert check_architecture(make_graph(*CLEAN_EDGES), DEFAULT_CONFIG) == []


def test_direct_upward_import_has_a_one_step_chain_with_its_line() -> None:
    graph = make_graph(
        *CLEAN_EDGES,
        ("backend.repositories.project", "backend.services.project", 7, "from backend.services.project import X"),
    )
    [violation] = check_architecture(graph, DEFAULT_CONFIG)
    assert (violation.importer, violation.code, violation.symbol) == (
        "backend.repositories.project", "PXL101", "upward-import",
    )
    assert violation.chain == (ImportStep("backend.repositories.project", "backend.services.project", (7,)),)
    assert violation.is_direct and violation.line == 7
    assert "from the services layer above it" in violation.message
    rendered = violation.render()
    assert "breaks PXL101 upward-import" in rendered
    assert "backend.repositories.project -> backend.services.project (l.7)" in rendered


def test_indirect_chain_api_to_unlayered_helper_to_repository() -> None:
    graph = make_graph(
        *CLEAN_EDGES,
        ("backend.api.v1.endpoints.jobs", "backend.helpers.lookup", 4, "from backend.helpers import lookup"),
        ("backend.helpers.lookup", "backend.repositories.crawl_job", 2, "from backend.repositories import crawl_job"),
    )
    [violation] = check_architecture(graph, DEFAULT_CONFIG)
    assert violation.code == "PXL102" and not violation.is_direct
    assert [(s.importer, s.imported, s.line_numbers) for s in violation.chain] == [
        ("backend.api.v1.endpoints.jobs", "backend.helpers.lookup", (4,)),
        ("backend.helpers.lookup", "backend.repositories.crawl_job", (2,)),
    ]
    rendered = violation.render()
    assert "indirectly imports backend.repositories.crawl_job: breaks PXL102 layer-bypass-import" in rendered
    assert "backend.helpers.lookup belongs to no layer" in rendered
    assert "call a service through its *Dep alias" in rendered  # how to fix


def test_chain_through_a_same_layer_helper_reports_the_helper_and_its_users() -> None:
    graph = make_graph(
        *CLEAN_EDGES,
        ("backend.api.v1.endpoints.jobs", "backend.api.v1.helpers"),
        ("backend.api.v1.helpers", "backend.repositories.crawl_job"),
    )
    violations = {v.importer: v for v in check_architecture(graph, DEFAULT_CONFIG)}
    assert set(violations) == {"backend.api.v1.helpers", "backend.api.v1.endpoints.jobs"}
    assert violations["backend.api.v1.helpers"].is_direct
    assert [s.imported for s in violations["backend.api.v1.endpoints.jobs"].chain] == [
        "backend.api.v1.helpers", "backend.repositories.crawl_job",
    ]
    assert "breaks the rule itself" in violations["backend.api.v1.endpoints.jobs"].hint


def test_chains_stop_at_composition_roots_types_modules_and_other_layers() -> None:
    graph = make_graph(
        *CLEAN_EDGES,
        ("backend.api.v1.endpoints.jobs", "backend.api.dependencies"),
        ("backend.services.project", "backend.repositories.legacy"),
        ("backend.repositories.legacy", "backend.helpers.http"),
        ("backend.helpers.http", "httpx"),
    )
    # api -> root -> repositories is the design; services -> repositories -> httpx is not the
    # service's own import. The repository reaching httpx is not a rule either.
    assert check_architecture(graph, DEFAULT_CONFIG) == []


def test_other_top_level_packages_are_not_followed() -> None:
    graph = make_graph(*CLEAN_EDGES, ("builder", "httpx"), ("backend.services.crawl_job", "httpx"))
    assert codes(check_architecture(graph, DEFAULT_CONFIG)) == {("backend.services.crawl_job", "PXL104", "httpx")}


@pytest.mark.parametrize(
    ("line", "broken"),
    [
        ("from urllib import request", True),
        ("import urllib.request", True),
        ("from urllib.request import urlopen", True),
        ("from urllib import parse", False),
        ("from urllib.parse import urlencode", False),
    ],
)
def test_urllib_request_is_told_apart_from_the_import_line(line: str, broken: bool) -> None:
    graph = make_graph(("backend.services.crawl_job", "urllib", 3, line))
    assert bool(check_architecture(graph, DEFAULT_CONFIG)) is broken


@pytest.mark.parametrize(
    ("line", "broken"),
    [
        ("from starlette.config import Config", False),  # an environment reader (dispatch.config)
        ("from starlette.datastructures import CommaSeparatedStrings, Secret", False),
        ("from starlette.requests import Request", False),  # a helper's parameter type
        ("from fastapi import Request", False),
        ("from fastapi.encoders import jsonable_encoder", False),
        ("from fastapi import HTTPException", True),  # raising HTTP through a helper
        ("from starlette.responses import JSONResponse", True),
        ("from fastapi import Request, HTTPException", True),
        ("import starlette", True),  # nothing narrower to judge: the package
    ],
)
def test_chains_through_an_unlayered_module_count_only_http_handling(line: str, broken: bool) -> None:
    package = line.split()[1].split(".")[0]
    graph = make_graph(
        ("backend.services.project", "backend.settings", 3, "from backend import settings"),
        ("backend.settings", package, 7, line),
    )
    violations = check_architecture(graph, DEFAULT_CONFIG)
    assert {(v.importer, v.code) for v in violations} == ({("backend.services.project", "PXL105")} if broken else set())
    assert all("Request" not in v.imported for v in violations)  # the neutral name is not the one blamed


def test_a_service_importing_an_http_neutral_name_itself_is_still_reported() -> None:
    graph = make_graph(("backend.services.project", "starlette", 3, "from starlette.config import Config"))
    [violation] = check_architecture(graph, DEFAULT_CONFIG)
    assert violation.code == "PXL105" and violation.is_direct and violation.imported == "starlette.config.Config"


def test_every_chain_to_an_external_package_is_judged_not_only_the_shortest() -> None:
    # The first chain found (through the settings module) is harmless; the second raises HTTP.
    graph = make_graph(
        ("backend.services.project", "backend.a_settings", 2, "from backend import a_settings"),
        ("backend.services.project", "backend.helpers.errors", 3, "from backend.helpers import errors"),
        ("backend.a_settings", "starlette", 1, "from starlette.config import Config"),
        ("backend.helpers.errors", "fastapi", 1, "from fastapi import HTTPException"),
        ("backend.helpers.errors", "starlette", 2, "from starlette.exceptions import HTTPException"),
    )
    violations = check_architecture(graph, DEFAULT_CONFIG)
    assert codes(violations) == {
        ("backend.services.project", "PXL105", "fastapi.HTTPException"),
        ("backend.services.project", "PXL105", "starlette.exceptions.HTTPException"),
    }
    by_name = {v.imported: v for v in violations}
    assert [s.importer for s in by_name["starlette.exceptions.HTTPException"].chain] == [
        "backend.services.project", "backend.helpers.errors",
    ]


def test_an_allowed_subpackage_holds_for_a_squashed_package() -> None:
    config = dataclasses.replace(DEFAULT_CONFIG, allow=("services -> sqlalchemy.exc",))
    line = "from sqlalchemy.exc import IntegrityError"
    graph = make_graph(("backend.services.project", "sqlalchemy", 3, line))
    assert check_architecture(graph, config) == []
    assert codes(check_architecture(graph, DEFAULT_CONFIG)) == {("backend.services.project", "PXL103", "sqlalchemy.exc.IntegrityError")}


@pytest.mark.parametrize(
    ("importer", "imported", "code"),
    [
        ("backend.schemas.user", "backend.services.base", "PXL101"),
        ("backend.core.cache", "backend.repositories.user", "PXL101"),
        ("backend.models.user", "backend.repositories.user", "PXL101"),
        ("backend.services.user", "backend.api.types", "PXL101"),
        ("backend.api.v1.endpoints.users", "backend.database", "PXL102"),
        ("backend.api.v1.endpoints.users", "sqlalchemy", "PXL102"),
        ("backend.services.user", "sqlalchemy", "PXL103"),
        ("backend.services.user", "fastapi", "PXL105"),
        ("backend.repositories.user", "fastapi", "PXL105"),
    ],
)
def test_each_rule_breaks_on_a_direct_import(importer: str, imported: str, code: str) -> None:
    assert codes(check_architecture(make_graph((importer, imported)), DEFAULT_CONFIG)) == {(importer, code, imported)}


CUSTOM = dataclasses.replace(
    DEFAULT_CONFIG,
    api=("app.web",), services=("app.domain",), repositories=("app.persistence",), models=("app.orm",),
    shared=("app.common",), composition_roots=("app.web.wiring",), types_modules=("app.web.deps",),
)


def test_a_different_layer_map_changes_the_verdict() -> None:
    graph = make_graph(
        ("app.web.views", "app.persistence.albums"),
        ("app.web.wiring", "app.persistence.albums"),
        ("backend.repositories.project", "backend.services.project"),
    )
    assert codes(check_architecture(graph, CUSTOM)) == {("app.web.views", "PXL102", "app.persistence.albums")}
    assert codes(check_architecture(graph, DEFAULT_CONFIG)) == {
        ("backend.repositories.project", "PXL101", "backend.services.project"),
    }


def test_check_does_not_mutate_the_graph() -> None:
    graph = make_graph(*CLEAN_EDGES, ("backend.repositories.project", "backend.services.project"))
    before = (set(graph.modules), graph.count_imports())
    check_architecture(graph, DEFAULT_CONFIG)
    assert (set(graph.modules), graph.count_imports()) == before


@pytest.mark.parametrize(
    ("line", "package", "names"),
    [
        ("from urllib import request, parse as p", "urllib", ["urllib.request", "urllib.parse"]),
        ("from urllib import (", "urllib", ["urllib"]),
        ("import urllib.request, os", "urllib", ["urllib.request"]),
        ("import urllib.request as r", "urllib", ["urllib.request"]),
        ("    from sqlalchemy.orm import Session  # noqa", "sqlalchemy", ["sqlalchemy.orm.Session"]),
        ("x = 1", "urllib", []),
    ],
)
def test_names_in_import_line(line: str, package: str, names: list[str]) -> None:
    assert names_in_import_line(line, package) == names


def _contract(**options: str) -> LayerMapContract:
    return LayerMapContract(
        name="layer map",
        session_options={"root_packages": ["backend"], "include_external_packages": "True"},
        contract_options={"type": "pixcrawler_layers", **options},
    )


def test_import_linter_contract_kept_and_broken(capsys: pytest.CaptureFixture[str]) -> None:
    contract = _contract()
    assert contract.check(make_graph(*CLEAN_EDGES), verbose=False).kept
    broken = contract.check(
        make_graph(
            *CLEAN_EDGES,
            ("backend.api.v1.endpoints.jobs", "backend.helpers"),
            ("backend.helpers", "sqlalchemy"),
        ),
        verbose=False,
    )
    assert not broken.kept
    assert [v.code for v in broken.metadata["violations"]] == ["PXL102"]
    contract.render_broken_contract(broken)
    out = capsys.readouterr().out
    assert "backend.api.v1.endpoints.jobs -> backend.helpers" in out
    assert "backend.helpers -> sqlalchemy" in out
    assert "PXL102" in out and "move the query into a repository" in out


def test_import_linter_contract_reads_the_given_pyproject(tmp_path: Path) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(
        '[tool.pixcrawler_lint]\npreset = "pixcrawler"\napi = ["app.web"]\nrepositories = ["app.persistence"]\n'
    )
    contract = _contract(pyproject=str(pyproject))
    assert isinstance(contract.config, Config) and contract.config.api == ("app.web",)
    check = contract.check(make_graph(("app.web.views", "app.persistence.albums")), verbose=False)
    assert codes(check.metadata["violations"]) == {("app.web.views", "PXL102", "app.persistence.albums")}


def test_import_linter_contract_rejects_a_bad_table_with_the_key_named(tmp_path: Path) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[tool.pixcrawler_lint]\napi-layer = ["x"]\n')
    with pytest.raises(InvalidContractOptions) as error:
        _contract(pyproject=str(pyproject))
    assert "api-layer" in error.value.errors["pyproject"]


def test_import_linter_contract_warns_when_the_graph_cannot_agree(tmp_path: Path) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[tool.pixcrawler_lint]\ntype-checking-imports = "ignore"\n')
    contract = LayerMapContract(
        name="layer map", session_options={"root_packages": ["backend"]},
        contract_options={"type": "pixcrawler_layers", "pyproject": str(pyproject)},
    )
    warnings = contract.check(make_graph(*CLEAN_EDGES), verbose=False).warnings
    assert any("exclude_type_checking_imports" in w for w in warnings)
    assert any("include_external_packages" in w for w in warnings)


def test_build_graph_reads_the_given_root_even_if_another_backend_is_imported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, source in {
        "backend/__init__.py": "",
        "backend/repositories/__init__.py": "",
        "backend/repositories/items.py": "from backend.services import items\n",
        "backend/services/__init__.py": "",
        "backend/services/items.py": "",
    }.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(source)
    elsewhere = types.ModuleType("backend")
    elsewhere.__file__ = "/elsewhere/backend/__init__.py"
    monkeypatch.setitem(sys.modules, "backend", elsewhere)

    graph = build_graph(tmp_path, DEFAULT_CONFIG)
    assert "backend.repositories.items" in graph.modules
    assert codes(check_architecture(graph, DEFAULT_CONFIG)) == {
        ("backend.repositories.items", "PXL101", "backend.services.items"),
    }
    assert sys.modules["backend"] is elsewhere and str(tmp_path) not in sys.path


def test_build_graph_of_a_root_without_layered_packages_is_empty(tmp_path: Path) -> None:
    assert build_graph(tmp_path, DEFAULT_CONFIG).modules == set()
