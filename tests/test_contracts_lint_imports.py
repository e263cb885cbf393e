"""End to end: the real ``lint-imports`` CLI in a subprocess on the shipped contract files."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures"
CONTRACTS = REPO / "contracts"
LEGACY = REPO / "examples" / "legacy"
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_imports(config: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["COLUMNS"] = "400"  # rich wraps long chains otherwise
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--config", str(config)],
        cwd=cwd, capture_output=True, text=True, env=env, check=False, timeout=300,
    )


def test_pixcrawler_lint_core_never_imports_a_front_end() -> None:
    result = lint_imports(CONTRACTS / "pixcrawler_lint.ini", REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 kept, 0 broken" in result.stdout


def _write(root: Path, files: dict[str, str]) -> None:
    for name, source in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(source))


SMALL_BACKEND = {
    "pyproject.toml": '[project]\nname = "small"\nversion = "0"\n',
    "backend/__init__.py": "",
    "backend/api/__init__.py": "",
    "backend/api/dependencies.py": """
        from backend.repositories.items import ItemRepository
        from backend.services.items import ItemService
        import sqlalchemy

        def get_item_service() -> ItemService:
            return ItemService(ItemRepository())
    """,
    "backend/api/types.py": "from backend.api.dependencies import get_item_service\n",
    "backend/api/v1/__init__.py": "",
    "backend/api/v1/items.py": "from backend.api.types import get_item_service\nimport fastapi\n",
    "backend/services/__init__.py": "",
    "backend/services/items.py": "from backend.repositories.items import ItemRepository\n\nclass ItemService: ...\n",
    "backend/repositories/__init__.py": "",
    "backend/repositories/items.py": (
        "import sqlalchemy\nfrom backend.models.item import Item\n\nclass ItemRepository: ...\n"
    ),
    "backend/models/__init__.py": "",
    "backend/models/item.py": "import sqlalchemy\nfrom backend.schemas import item\n",
    "backend/schemas/__init__.py": "",
    "backend/schemas/item.py": "from backend.models import item\n",
}


def test_backend_contracts_kept_on_a_clean_project_and_broken_by_a_helper_chain(tmp_path: Path) -> None:
    _write(tmp_path, SMALL_BACKEND)
    kept = lint_imports(CONTRACTS / "backend.ini", tmp_path)
    assert kept.returncode == 0, kept.stdout + kept.stderr
    assert "5 kept, 0 broken" in kept.stdout

    _write(tmp_path, {
        "backend/helpers.py": "from backend.repositories.items import ItemRepository\n",
        "backend/api/v1/items.py": "from backend.api.types import get_item_service\nfrom backend import helpers\n",
    })
    broken = lint_imports(CONTRACTS / "backend.ini", tmp_path)
    assert broken.returncode == 1, broken.stdout + broken.stderr
    out = broken.stdout
    # Only the layer-map contract sees an api module reaching a repository through a helper
    # module of no layer; the plain import-linter contracts stay kept.
    assert "4 kept, 1 broken" in out
    assert (
        "backend.api.v1.items indirectly imports backend.repositories.items: "
        "breaks PXL102 layer-bypass-import"
    ) in out
    assert "backend.api.v1.items -> backend.helpers (l.2)" in out
    assert "backend.helpers -> backend.repositories.items (l.1)" in out
    assert "backend.helpers belongs to no layer" in out


def test_backend_contracts_kept_on_the_reference_backend() -> None:
    if not (REPO / "backend" / "api" / "dependencies.py").is_file():
        pytest.skip("reference backend not there")
    result = lint_imports(CONTRACTS / "backend.ini", REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "5 kept, 0 broken" in result.stdout


def test_backend_contracts_broken_on_the_legacy_example() -> None:
    if not (LEGACY / "backend" / "api" / "v1").is_dir():
        pytest.skip("legacy example not there")
    result = lint_imports(CONTRACTS / "backend.ini", LEGACY)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Layer map of tool.pixcrawler_lint" in result.stdout and "BROKEN" in result.stdout
    assert "indirectly imports" in result.stdout


def test_custom_layout_configured_once_drives_the_contract(tmp_path: Path) -> None:
    tree = tmp_path / "tree"
    shutil.copytree(FIXTURES / "layering_custom_layout", tree)
    result = lint_imports(tree / "pyproject.toml", tree)
    assert result.returncode == 1, result.stdout + result.stderr
    out = result.stdout
    assert "app.persistence.pxl101_upward_import_custom_layout_bad imports app.domain.catalog: breaks PXL101" in out
    assert "app.web.views.pxl102_layer_bypass_import_custom_layout_bad imports app.orm.tables: breaks PXL102" in out
    assert "app.web.wiring imports" not in out  # the composition root of this layout may

    for bad in tree.rglob("*_bad.py"):
        bad.unlink()
    clean = lint_imports(tree / "pyproject.toml", tree)
    assert clean.returncode == 0, clean.stdout + clean.stderr
