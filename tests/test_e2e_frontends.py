"""End to end: real ``flake8`` and real ``pylint`` in subprocesses on a small project, with pragmas.

``# noqa: PXL201`` silences only that code for flake8 (pylint ignores noqa), and
``# pylint: disable=missing-operation-id`` silences only that message for pylint (flake8
ignores it); every other finding is still reported, under the spec's ids (``C7201``, ``E7204``).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

SEP = "::"
MODULE = "backend/api/v1/endpoints/projects.py"

SOURCE = '''"""Project endpoints with pragmas."""

from fastapi import APIRouter, HTTPException, status

__all__ = ["router"]

router = APIRouter()


@router.get("/a", response_model=int)
def route_a() -> int:  # noqa: PXL201
    return 1


@router.get("/b", response_model=int)
def route_b() -> int:  # pylint: disable=missing-operation-id
    return 2


@router.get("/c", response_model=int, summary="C", operation_id="routeC")
def route_c(status: int = 0) -> int:
    raise HTTPException(status_code=status.HTTP_404_NOT_FOUND)
'''

# Without pragmas: PXL205 on line 3; PXL201 + PXL203 on lines 11 and 16; PXL204 on line 22.
FLAKE8_EXPECTED = {(3, "PXL205"), (11, "PXL203"), (16, "PXL201"), (16, "PXL203"), (22, "PXL204")}
PYLINT_EXPECTED = {(3, "C7205"), (11, "C7201"), (11, "C7203"), (16, "C7203"), (22, "E7204")}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("e2e_project")
    (root / "pyproject.toml").write_text('[project]\nname = "e2e"\nversion = "0"\n', encoding="utf-8")
    package = root / "backend" / "api" / "v1" / "endpoints"
    package.mkdir(parents=True)
    for directory in (root / "backend", root / "backend" / "api", root / "backend" / "api" / "v1", package):
        (directory / "__init__.py").write_text('"""Package."""\n', encoding="utf-8")
    (root / MODULE).write_text(SOURCE, encoding="utf-8")
    return root


def _run(command: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    proc = subprocess.run(command, cwd=cwd, capture_output=True, text=True, env=env, check=False, timeout=600)
    assert "Traceback" not in proc.stderr + proc.stdout, proc.stderr[-3000:] + proc.stdout[-3000:]
    return proc


def _rows(output: str) -> list[list[str]]:
    return [line.split(SEP) for line in output.splitlines() if line.count(SEP) >= 3]


def test_flake8_honours_noqa_for_that_code_only(project: Path) -> None:
    proc = _run(
        [sys.executable, "-m", "flake8", "--isolated", "--select=PXL",
         f"--format=%(path)s{SEP}%(row)d{SEP}%(code)s{SEP}%(text)s", "backend"],
        project,
    )
    assert proc.returncode == 1, proc.stdout + proc.stderr
    rows = _rows(proc.stdout)
    assert {(int(row), code) for _, row, code, _ in rows} == FLAKE8_EXPECTED
    assert all(Path(path) == Path(MODULE) for path, *_ in rows)


def test_pylint_honours_disable_for_that_message_only(project: Path) -> None:
    proc = _run(
        [sys.executable, "-m", "pylint", "--load-plugins=pixcrawler_lint", "--disable=all",
         "--enable=pixcrawler-endpoints", "--persistent=n", "--score=n",
         f"--msg-template={{path}}{SEP}{{line}}{SEP}{{msg_id}}{SEP}{{symbol}}{SEP}{{msg}}", "backend"],
        project,
    )
    assert not proc.returncode & 32, proc.stdout + proc.stderr
    assert proc.returncode != 0  # findings were reported
    rows = _rows(proc.stdout)
    assert {(int(row), msg_id) for _, row, msg_id, *_ in rows} == PYLINT_EXPECTED
    symbols = {msg_id: symbol for _, _, msg_id, symbol, _ in rows}
    assert symbols["E7204"] == "shadowed-status-module"
    assert symbols["C7201"] == "missing-operation-id"


def test_pylint_message_names_the_fix(project: Path) -> None:
    proc = _run(
        [sys.executable, "-m", "pylint", "--load-plugins=pixcrawler_lint", "--disable=all",
         "--enable=shadowed-status-module", "--persistent=n", "--score=n", "backend"],
        project,
    )
    assert "E7204" in proc.stdout
    assert "from fastapi import status as http_status" in proc.stdout
