"""Import roots: projects that run with a sub-folder on ``sys.path`` (``source-roots``).

The fixture tree ``tests/fixtures/source_roots`` (zero configuration) is checked through every
front end by ``tests/test_fixtures.py``; here: the detection itself, the explicit setting, the
contracts graph and the real ``lint-imports``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from pixcrawler_lint.config import ConfigError, config_from_table
from pixcrawler_lint.contracts.architecture import check_architecture
from pixcrawler_lint.contracts.graph import build_graph
from pixcrawler_lint.config import config_for_path
from pixcrawler_lint.engine import lint_file
from pixcrawler_lint.modules import import_root_prefix, rooted_name

REPO = Path(__file__).resolve().parent.parent
TREE = REPO / "tests" / "fixtures" / "source_roots"
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _write(root: Path, files: dict[str, str]) -> None:
    for name, source in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(source), encoding="utf-8")


def test_zero_configuration_detects_a_subpackage_of_the_top_package() -> None:
    inside = TREE / "backend" / "services" / "activity.py"
    assert import_root_prefix("services", inside) == "backend"
    assert import_root_prefix("repositories", inside) == "backend"
    assert rooted_name("services.activity", inside) == "backend.services.activity"
    # the top package itself, the standard library, installed packages: read as written
    assert import_root_prefix("backend", inside) is None
    assert rooted_name("logging", inside) == "logging"
    assert import_root_prefix("sqlalchemy", inside) is None
    assert import_root_prefix("no_such_package", inside) is None


def test_zero_configuration_stays_out_when_ambiguous_or_shadowed(tmp_path: Path) -> None:
    _write(tmp_path, {
        "pyproject.toml": '[project]\nname = "x"\nversion = "0"\n',
        "backend/__init__.py": "",
        "backend/services/__init__.py": "",
        "backend/core/__init__.py": "",
        "backend/json/__init__.py": "",
        "worker/__init__.py": "",
        "worker/services/__init__.py": "",
        "core.py": "",
    })
    inside = tmp_path / "backend" / "services" / "__init__.py"
    assert import_root_prefix("services", inside) is None  # backend.services and worker.services
    assert import_root_prefix("core", inside) is None  # a top-level module beside the packages
    assert import_root_prefix("json", inside) is None  # the standard library wins


def test_configured_source_root_for_a_deeper_folder(tmp_path: Path) -> None:
    layout = textwrap.dedent("""
        [tool.pixcrawler_lint]
        api = ["server.app.api"]
        services = ["server.app.services"]
        repositories = ["server.app.repositories"]
        models = ["server.app.models"]
        shared = []
        composition-roots = []
        types-modules = []
        admin-modules = []
    """)
    files = {
        "server/__init__.py": "",
        "server/app/__init__.py": "",
        "server/app/services/__init__.py": "",
        "server/app/services/reports.py": "class ReportService:\n    pass\n",
        "server/app/repositories/__init__.py": "",
        "server/app/repositories/reports.py": (
            "from services.reports import ReportService\n\n__all__ = ['ReportService']\n"
        ),
    }
    _write(tmp_path, {**files, "pyproject.toml": '[project]\nname = "x"\nversion = "0"\n' + layout})
    repository = tmp_path / "server" / "app" / "repositories" / "reports.py"
    # two levels down: zero configuration does not guess
    assert import_root_prefix("services", repository) is None
    assert "PXL101" not in {f.code for f in lint_file(repository)}

    other = tmp_path / "configured"
    _write(other, {
        **files,
        "pyproject.toml": '[project]\nname = "x"\nversion = "0"\n' + layout + 'source-roots = ["server/app"]\n',
    })
    repository = other / "server" / "app" / "repositories" / "reports.py"
    assert import_root_prefix("services", repository) == "server.app"
    assert [(f.line, f.code) for f in lint_file(repository) if f.code == "PXL101"] == [(1, "PXL101")]


@pytest.mark.parametrize("value", [["/abs/path"], [""], 3, [1]])
def test_source_roots_validation(value: object) -> None:
    with pytest.raises(ConfigError, match="source-roots"):
        config_from_table({"source-roots": value})


def test_source_roots_accepts_relative_folders() -> None:
    assert config_from_table({"source-roots": ["backend", "src/app"]}).source_roots == ("backend", "src/app")


def test_contracts_graph_points_rooted_imports_at_the_project_modules() -> None:
    graph = build_graph(TREE)
    assert "services" not in graph.modules and "repositories" not in graph.modules
    details = graph.get_import_details(
        importer="backend.repositories.pxl101_rooted_upward_import_bad", imported="backend.services.activity"
    )
    assert [d["line_number"] for d in details] == [3]
    found = {(v.importer, v.imported, v.code) for v in check_architecture(graph, config_for_path(TREE))}
    assert found == {
        ("backend.repositories.pxl101_rooted_upward_import_bad", "backend.services.activity", "PXL101"),
        ("backend.api.v1.endpoints.pxl102_rooted_layer_bypass_bad", "backend.repositories.activity", "PXL102"),
    }
    bare = build_graph(TREE, include_external_packages=False)
    assert not any(bare.is_module_squashed(m) for m in bare.modules)
    assert bare.find_modules_directly_imported_by("backend.repositories.pxl101_rooted_upward_import_bad") == {
        "backend.services.activity"
    }


def test_lint_imports_contract_sees_rooted_imports(tmp_path: Path) -> None:
    tree = tmp_path / "tree"
    shutil.copytree(TREE, tree)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["COLUMNS"] = "400"
    result = subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--config", str(REPO / "contracts" / "backend.ini")],
        cwd=tree, capture_output=True, text=True, env=env, check=False, timeout=300,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert (
        "backend.repositories.pxl101_rooted_upward_import_bad imports backend.services.activity: breaks PXL101"
    ) in result.stdout
    assert (
        "backend.api.v1.endpoints.pxl102_rooted_layer_bypass_bad imports backend.repositories.activity: breaks PXL102"
    ) in result.stdout
