"""Editors lint the unsaved buffer through stdin: real flake8 and real pylint, in subprocesses.

``flake8 --stdin-display-name PATH -`` and ``pylint --from-stdin PATH`` get a buffer that
differs from the file on disk. Both must take the module name and the layer from PATH (an
admin module of the api layer here) and resolve the buffer's imports from the project on
disk: the session alias and the legacy service alias are only recognised by following
``from backend.api... import ...`` into that project.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from pixcrawler_lint.engine import lint_file, lint_source
from pixcrawler_lint.registry import all_rules, rule_by_symbol

SEP = "::"
DISPLAY_PATH = "backend/api/v1/endpoints/policies.py"

PROJECT_FILES = {
    "pyproject.toml": '[project]\nname = "stdin-project"\nversion = "0"\n',
    "backend/__init__.py": '"""Package."""\n',
    "backend/api/__init__.py": '"""Package."""\n',
    "backend/api/v1/__init__.py": '"""Package."""\n',
    "backend/api/v1/endpoints/__init__.py": '"""Package."""\n',
    "backend/services/__init__.py": '"""Package."""\n',
    "backend/services/base.py": (
        '"""Service base."""\n\n__all__ = ["BaseService"]\n\n\n'
        "class BaseService:\n    def __init__(self) -> None:\n        self.name = type(self).__name__\n"
    ),
    "backend/services/project.py": (
        '"""Projects."""\n\nfrom backend.services.base import BaseService\n\n__all__ = ["ProjectService"]\n\n\n'
        "class ProjectService(BaseService):\n    def __init__(self) -> None:\n        super().__init__()\n"
    ),
    "backend/api/dependencies.py": (
        '"""Composition root."""\n\nfrom typing import Annotated\n\nfrom fastapi import Depends\n\n'
        "from backend.services.project import ProjectService\n\n"
        '__all__ = ["LegacyProjectServiceDep", "get_project_service", "get_session"]\n\n\n'
        "async def get_session():\n    yield None\n\n\n"
        "def get_project_service() -> ProjectService:\n    return ProjectService()\n\n\n"
        "LegacyProjectServiceDep = Annotated[ProjectService, Depends(get_project_service)]\n"
    ),
    "backend/api/types.py": (
        '"""Types module."""\n\nfrom typing import Annotated\n\nfrom fastapi import Depends\n\n'
        "from backend.api.dependencies import get_project_service, get_session\n"
        "from backend.services.project import ProjectService\n\n"
        '__all__ = ["ProjectServiceDep", "SessionDep"]\n\n'
        "ProjectServiceDep = Annotated[ProjectService, Depends(get_project_service)]\n"
        "SessionDep = Annotated[object, Depends(get_session)]\n"
    ),
    # What is saved on disk: clean, and shorter than the buffer.
    DISPLAY_PATH: '"""Policies (saved version)."""\n\n__all__: list[str] = []\n',
}

BUFFER = '''"""Policies: the unsaved editor buffer."""

from fastapi import APIRouter

from backend.api.dependencies import LegacyProjectServiceDep
from backend.api.types import ProjectServiceDep, SessionDep
from backend.services.project import ProjectService

__all__ = ["router", "build"]

router = APIRouter()


@router.get("/projects", response_model=int, summary="Count projects", operation_id="countProjects")
async def count_projects(service: ProjectServiceDep, db: SessionDep, legacy: LegacyProjectServiceDep) -> int:
    return 0


def build() -> ProjectService:
    return ProjectService()
'''

# line 15: no admin guard (the display path is an admin module), a session through SessionDep,
# an alias defined outside the types module; line 20: a service built in an api module.
EXPECTED = {(15, "PXL211"), (15, "PXL208"), (15, "PXL206"), (20, "PXL209")}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("stdin_project")
    for name, text in PROJECT_FILES.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    return env


def _run(command: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(
        command, cwd=cwd, input=BUFFER, capture_output=True, text=True, env=_env(), check=False, timeout=600
    )
    assert "Traceback" not in proc.stderr + proc.stdout, proc.stderr[-3000:] + proc.stdout[-3000:]
    return proc


def _endpoint_pairs(pairs: set[tuple[int, str]]) -> set[tuple[int, str]]:
    # other families (wiring, layering) may report on the buffer too; this test is about resolution
    return {pair for pair in pairs if pair[1] in {"PXL206", "PXL208", "PXL209", "PXL211"}}


def test_engine_lints_the_buffer_not_the_file(project: Path) -> None:
    assert lint_file(project / DISPLAY_PATH) == []
    findings = lint_source(BUFFER, str(project / DISPLAY_PATH))
    assert _endpoint_pairs({(f.line, f.code) for f in findings}) == EXPECTED


def test_flake8_stdin_display_name(project: Path) -> None:
    proc = _run(
        [sys.executable, "-m", "flake8", "--isolated", "--select=PXL",
         f"--format=%(path)s{SEP}%(row)d{SEP}%(code)s{SEP}%(text)s", "--stdin-display-name", DISPLAY_PATH, "-"],
        project,
    )
    assert proc.returncode in (0, 1), proc.stderr
    rows = [line.split(SEP) for line in proc.stdout.splitlines() if line.count(SEP) >= 3]
    assert rows and all(path == DISPLAY_PATH for path, *_ in rows)
    assert _endpoint_pairs({(int(row), code) for _, row, code, _ in rows}) == EXPECTED


def test_pylint_from_stdin(project: Path) -> None:
    symbols = ",".join(rule.symbol for rule in all_rules())
    proc = _run(
        [sys.executable, "-m", "pylint", "--load-plugins=pixcrawler_lint", "--disable=all", f"--enable={symbols}",
         "--persistent=n", "--score=n", f"--msg-template={{path}}{SEP}{{line}}{SEP}{{symbol}}{SEP}{{msg}}",
         "--from-stdin", DISPLAY_PATH],
        project,
    )
    assert not proc.returncode & 32, proc.stdout + proc.stderr
    rows = [line.split(SEP) for line in proc.stdout.splitlines() if line.count(SEP) >= 3]
    assert rows and all(Path(path) == Path(DISPLAY_PATH) for path, *_ in rows)
    pairs = set()
    for _, row, symbol, *_ in rows:
        rule = rule_by_symbol(symbol)
        assert rule is not None, symbol
        pairs.add((int(row), rule.code))
    assert _endpoint_pairs(pairs) == EXPECTED
