"""CI gates: the reference backend (backend/ and builder/) has zero findings in every front end.

Each gate runs the real tool as a subprocess from the repository root, the way CI and a
developer run it, with the gate profile (setup.cfg for flake8 and mypy, pylintrc-gate for
pylint, contracts/backend.ini for import-linter). A negative control per front end proves
the gate is live: the same command on a small tree with known violations reports them.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
TARGETS = ["backend", "builder"]
TIMEOUT = 900

# Heavy subprocesses: keep them on one xdist worker (scripts/test.sh uses --dist loadgroup).
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("reference-backend-gates")]


def _run(args: list[str], cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """Run a gate command and capture its output."""
    env = {**os.environ, "PYTHONPATH": str(cwd), "NO_COLOR": "1"}
    return subprocess.run(
        args, cwd=cwd, env=env, capture_output=True, text=True, timeout=TIMEOUT, check=False
    )


def _report(result: subprocess.CompletedProcess[str]) -> str:
    return f"exit {result.returncode}\n--- stdout\n{result.stdout}\n--- stderr\n{result.stderr}"


def _pylint(paths: list[str], cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return _run(
        [sys.executable, "-m", "pylint", f"--rcfile={ROOT / 'pylintrc-gate'}", *paths], cwd
    )


def _flake8(paths: list[str], cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return _run(
        [sys.executable, "-m", "flake8", f"--config={ROOT / 'setup.cfg'}", "--select=PXL", *paths],
        cwd,
    )


@pytest.fixture(scope="module")
def violating_tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny PixCrawler-layout tree with known violations, for the negative controls."""
    root = tmp_path_factory.mktemp("violating")
    files = {
        "backend/__init__.py": '"""Backend."""\n',
        "backend/services/__init__.py": '"""Services."""\n',
        "backend/services/fetcher.py": """\
            import httpx

            def fetch(url: str) -> bytes:
                return httpx.get(url).content
            """,
    }
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text))
    return root


def test_pylint_gate_is_clean() -> None:
    """pylint with the plugin, C0114, E0401 and E0611: no message on backend/ or builder/."""
    result = _pylint(TARGETS)
    assert result.returncode == 0, _report(result)
    assert result.stdout.strip() == "", _report(result)


def test_pylint_gate_catches_violations(violating_tree: Path) -> None:
    """Negative control: the same profile reports our rules and the docstring check."""
    result = _pylint(["backend"], cwd=violating_tree)
    assert result.returncode != 0, _report(result)
    for expected in ("W7104", "crawler-import-in-service", "C0114", "C7604"):
        assert expected in result.stdout, _report(result)


def test_flake8_gate_is_clean() -> None:
    """flake8 --select=PXL: no finding."""
    result = _flake8(TARGETS)
    assert result.returncode == 0, _report(result)
    assert result.stdout.strip() == "", _report(result)


def test_flake8_profile_is_clean() -> None:
    """flake8 with setup.cfg's profile (pycodestyle, pyflakes and PXL): no finding."""
    result = _run([sys.executable, "-m", "flake8", *TARGETS])
    assert result.returncode == 0, _report(result)
    assert result.stdout.strip() == "", _report(result)


def test_flake8_gate_catches_violations(violating_tree: Path) -> None:
    """Negative control: the PXL plugin is loaded and reports."""
    result = _flake8(["backend"], cwd=violating_tree)
    assert result.returncode != 0, _report(result)
    assert "PXL104" in result.stdout and "PXL604" in result.stdout, _report(result)


def test_mypy_strict_is_clean() -> None:
    """mypy with the profile in setup.cfg (strict, pydantic plugin): no error."""
    result = _run([sys.executable, "-m", "mypy", *TARGETS])
    assert result.returncode == 0, _report(result)
    assert "Success: no issues found" in result.stdout, _report(result)


def test_mypy_profile_is_strict(tmp_path: Path) -> None:
    """Negative control: an unannotated function is an error under the profile."""
    module = tmp_path / "loose.py"
    module.write_text('"""Loose."""\n\n\ndef add(a, b):\n    return a + b\n')
    result = _run([sys.executable, "-m", "mypy", f"--config-file={ROOT / 'setup.cfg'}", str(module)])
    assert result.returncode == 1, _report(result)
    assert "no-untyped-def" in result.stdout, _report(result)


def test_import_contracts_are_kept() -> None:
    """lint-imports with contracts/backend.ini: every contract kept."""
    config = ROOT / "contracts" / "backend.ini"
    assert config.is_file()
    result = _run([str(BIN / "lint-imports"), "--config", str(config)])
    assert result.returncode == 0, _report(result)
    assert " 0 broken" in result.stdout, _report(result)


def test_pixcrawler_lint_cli_is_clean() -> None:
    """The one-shot CLI (every rule): zero findings."""
    result = _run([str(BIN / "pixcrawler-lint"), "check", *TARGETS])
    assert result.returncode == 0, _report(result)
    assert "Found 0 findings" in result.stdout, _report(result)
