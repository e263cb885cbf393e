"""Findings do not depend on which libraries are installed where the linter runs.

A pre-commit hook or a bare ``pip install pixcrawler-lint`` has the linter and its own
dependencies only — no fastapi, starlette, sqlalchemy or pydantic. The rules read what they
need of those libraries from the project's imports, so linting the legacy example there gives
exactly the findings of the full development environment.
"""

from __future__ import annotations

import importlib.metadata
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from packaging.requirements import Requirement

REPO = Path(__file__).resolve().parent.parent
LEGACY = REPO / "examples" / "legacy"
BACKEND_LIBRARIES = ("fastapi", "starlette", "sqlalchemy", "pydantic")

pytestmark = pytest.mark.slow


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def linter_requirements() -> dict[str, str]:
    """The linter's own dependencies and theirs (no extras), pinned to the running versions."""
    pinned: dict[str, str] = {}
    pending = [Requirement(r).name for r in importlib.metadata.requires("pixcrawler-lint") or [] if "extra" not in r]
    while pending:
        name = _normal(pending.pop())
        if name in pinned:
            continue
        distribution = importlib.metadata.distribution(name)
        pinned[name] = distribution.version
        for line in distribution.requires or []:
            requirement = Requirement(line)
            if requirement.marker is not None and not requirement.marker.evaluate({"extra": ""}):
                continue
            pending.append(requirement.name)
    return pinned


def _findings(python: Path) -> list[tuple[str, int, str, str]]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    proc = subprocess.run(
        [str(python), "-I", "-m", "pixcrawler_lint.cli", "check", ".", "--format=json", "--quiet"],
        cwd=LEGACY, capture_output=True, text=True, env=env, check=False, timeout=600,
    )
    assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr[-4000:]
    return sorted(
        (f["path"], f["line"], f["code"], f["message"]) for f in json.loads(proc.stdout)["findings"]
    )


def test_requirements_closure_has_no_backend_library() -> None:
    pinned = linter_requirements()
    assert {"astroid", "pylint", "flake8", "import-linter", "grimp"} <= set(pinned)
    assert not set(pinned) & set(BACKEND_LIBRARIES)


def test_legacy_findings_identical_without_the_backend_libraries(tmp_path: Path) -> None:
    for library in BACKEND_LIBRARIES:  # the comparison is only meaningful if the full env has them
        importlib.metadata.distribution(library)
    source = tmp_path / "src"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(REPO / name, source / name)
    shutil.copytree(REPO / "pixcrawler_lint", source / "pixcrawler_lint", ignore=shutil.ignore_patterns("__pycache__"))
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    python = venv / "bin" / "python"
    pins = [f"{name}=={version}" for name, version in sorted(linter_requirements().items())]
    install = subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-deps",
         *pins, str(source)],
        capture_output=True, text=True, check=False, timeout=600,
    )
    assert install.returncode == 0, install.stdout[-2000:] + install.stderr[-4000:]
    probe = subprocess.run(
        [str(python), "-I", "-c", "import importlib.util as u, sys; "
         f"sys.exit(any(u.find_spec(n) for n in {BACKEND_LIBRARIES!r}))"],
        check=False, timeout=60,
    )
    assert probe.returncode == 0, "the bare environment has a backend library"

    bare = _findings(python)
    full = _findings(Path(sys.executable))
    assert len(full) > 100
    assert bare == full
