"""Helpers of the CLI tests (no tests here): temp projects and an in-process ``pixcrawler-lint``."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from pixcrawler_lint.cli import main

__all__ = [
    "Run", "cli", "cli_subprocess", "make_project", "copy_legacy", "ROUTES_WITHOUT_OPERATION_ID", "LEGACY", "REPO",
]

REPO = Path(__file__).resolve().parent.parent
LEGACY = REPO / "examples" / "legacy"

# An api module whose only problems are the two routes without operation_id (PXL201):
# lines 10 and 15. Tests select PXL201 so that other rules cannot change the counts.
ROUTES_WITHOUT_OPERATION_ID = '''"""Projects."""

from fastapi import APIRouter

__all__ = ["router"]

router = APIRouter()


@router.get("/projects", summary="List projects", response_model=list[str])
async def list_projects() -> list[str]:
    return []


@router.get("/datasets", summary="List datasets", response_model=list[str])
async def list_datasets() -> list[str]:
    return []
'''


@dataclass
class Run:
    """Exit status and captured streams of one CLI run."""

    status: int
    out: str
    err: str


@contextmanager
def _cwd(path: Path) -> Iterator[None]:
    previous = Path.cwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(previous)


def cli(*argv: str, cwd: Path) -> Run:
    """Run ``pixcrawler-lint argv`` in this process, from ``cwd``."""
    out, err = io.StringIO(), io.StringIO()
    with _cwd(cwd):
        status = main(list(argv), stdout=out, stderr=err)
    return Run(status, out.getvalue(), err.getvalue())


def cli_subprocess(*argv: str, cwd: Path) -> Run:
    """Run ``pixcrawler-lint argv`` as a real process (the installed module), from ``cwd``."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    proc = subprocess.run(
        [sys.executable, "-m", "pixcrawler_lint.cli", *argv], cwd=cwd, capture_output=True, text=True,
        env=env, check=False,
    )
    return Run(proc.returncode, proc.stdout, proc.stderr)


def make_project(root: Path, files: dict[str, str], pyproject: str = "") -> Path:
    """A project at ``root``: ``pyproject.toml`` plus ``files``; packages get a docstring ``__init__``."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "pyproject.toml").write_text('[project]\nname = "cli-test"\nversion = "0"\n' + pyproject, encoding="utf-8")
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        for parent in path.relative_to(root).parents:
            if parent != Path("."):
                init = root / parent / "__init__.py"
                if not init.exists():
                    init.write_text('"""Package."""\n', encoding="utf-8")
    return root


def copy_legacy(destination: Path, ignore: Sequence[str] = ("__pycache__", ".pixcrawler_lint_cache")) -> Path:
    """A private copy of the legacy example (tests edit it)."""
    shutil.copytree(LEGACY, destination, ignore=shutil.ignore_patterns(*ignore))
    return destination
