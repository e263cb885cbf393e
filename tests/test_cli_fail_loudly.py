"""Fail loudly: exit 3 on a crash, PXL903 for files that do not parse, contracts that survive them,
and one notice when the project needs a newer Python than the one running the linter."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from test_cli_contracts import _project
from test_cli_support import ROUTES_WITHOUT_OPERATION_ID, cli, make_project

from pixcrawler_lint.contracts import check_project
from pixcrawler_lint.python_version import minimum_python

ENDPOINT = "backend/api/v1/endpoints/projects.py"
CHAIN = "backend.api.v1.endpoints.projects -> backend.helpers -> backend.repositories.project"

# Each makes grimp give up on the whole graph when it sits in a package.
BROKEN: dict[str, bytes] = {
    "syntax": b"def broken(:\n    pass\n",
    "nul": b'"""A NUL byte."""\nx = 1\x00\n',
    "tabs": b"if True:\n\tx = 1\n        y = 2\n",
}


def _break(project: Path, kind: str) -> Path:
    path = project / "backend" / "services" / f"broken_{kind}.py"
    path.parent.mkdir(exist_ok=True)
    (path.parent / "__init__.py").write_text('"""Services."""\n', encoding="utf-8")
    if kind == "symlink-loop":
        path.symlink_to(path.name)
    else:
        path.write_bytes(BROKEN[kind])
    return path


KINDS = [*BROKEN, "symlink-loop"]


@pytest.mark.parametrize("kind", KINDS)
def test_a_broken_file_keeps_the_contracts_alive(tmp_path: Path, kind: str) -> None:
    project = _project(tmp_path)
    before = check_project(project)
    assert any(v.code == "PXL102" and not v.is_direct for v in before)
    broken = _break(project, kind)
    assert [v.render() for v in check_project(project)] == [v.render() for v in before]
    run = cli("check", "--format", "json", "-j", "1", cwd=project)
    assert run.status == 1, run.err
    findings = json.loads(run.out)["findings"]
    codes = {(f["path"], f["code"]) for f in findings}
    assert ("backend/api/v1/endpoints/projects.py", "PXL102") in codes  # the indirect chain
    assert any(CHAIN in f["message"] for f in findings)
    assert (broken.relative_to(project).as_posix(), "PXL903") in codes
    assert not [f for f in findings if f["code"] == "PXL900"], findings


def test_pxl903_sits_at_the_error_and_is_reported_under_select(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", {ENDPOINT: ROUTES_WITHOUT_OPERATION_ID})
    _break(project, "tabs")
    run = cli("check", "--select", "PXL201", "--format", "concise", cwd=project)
    assert run.status == 1
    assert "backend/services/broken_tabs.py:3:" in run.out and "PXL903" in run.out and "TabError" in run.out
    ignored = cli("check", "--select", "PXL201", "--ignore", "PXL903", cwd=project)
    assert "PXL903" not in ignored.out and "skipped backend/services/broken_tabs.py" in ignored.err


def test_internal_crash_exits_3_with_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = make_project(tmp_path / "p", {ENDPOINT: ROUTES_WITHOUT_OPERATION_ID})

    def explode(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("boom\nsecond line")

    monkeypatch.setattr(sys.modules["pixcrawler_lint.cli.main"], "run_check", explode)
    run = cli("check", cwd=project)
    assert run.status == 3
    assert run.err == "pixcrawler-lint: internal error: RuntimeError: boom; please report this bug\n"


def test_a_crashed_rule_exits_3_even_with_exit_zero(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = make_project(tmp_path / "p", {ENDPOINT: ROUTES_WITHOUT_OPERATION_ID})

    def explode(*_args: object, **_kwargs: object) -> None:
        raise ValueError("rule bug")

    monkeypatch.setattr("pixcrawler_lint.cli.runner.lint_module", explode)
    for extra in ([], ["--exit-zero"]):
        run = cli("check", "-j", "1", "--format", "concise", *extra, cwd=project)
        assert run.status == 3, run.out
        assert "PXL900" in run.out and "rule bug" in run.out


def test_exit_codes_are_distinct(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", {ENDPOINT: ROUTES_WITHOUT_OPERATION_ID})
    assert cli("check", "--select", "PXL201", cwd=project).status == 1
    assert cli("check", "--select", "PXL301", cwd=project).status == 0
    assert cli("check", "--format", "nope", cwd=project).status == 2


@pytest.mark.parametrize(
    ("spec", "lowest"),
    [(">=3.14,<4.0", (3, 14)), ("~=3.12", (3, 12)), ("==3.13.*", (3, 13)), ("<4", None), (">=3.8, !=3.9.1", (3, 8))],
)
def test_minimum_python(spec: str, lowest: tuple[int, int] | None) -> None:
    assert minimum_python(spec) == lowest


def _newer_python_project(tmp_path: Path) -> Path:
    project = tmp_path / "newer"
    make_project(project, {ENDPOINT: ROUTES_WITHOUT_OPERATION_ID, "backend/api/other.py": '"""Other."""\n'})
    text = (project / "pyproject.toml").read_text(encoding="utf-8")
    (project / "pyproject.toml").write_text(text.replace('version = "0"', 'version = "0"\nrequires-python = ">=3.99"'),
                                            encoding="utf-8")
    return project


def _env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}


def _running() -> str:
    return ".".join(str(part) for part in sys.version_info[:3])


def _notices(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if "requires-python" in line]


def test_every_front_end_says_once_that_the_project_needs_a_newer_python(tmp_path: Path) -> None:
    project = _newer_python_project(tmp_path)
    runs = {
        "cli": [sys.executable, "-m", "pixcrawler_lint.cli", "check", "-q", "."],
        "flake8": [sys.executable, "-m", "flake8", "--isolated", "--select=PXL", "."],
        "pylint": [sys.executable, "-m", "pylint", "--load-plugins=pixcrawler_lint", "--disable=all",
                   "--enable=missing-operation-id", "backend"],
    }
    for name, command in runs.items():
        proc = subprocess.run(command, cwd=project, capture_output=True, text=True, env=_env(), check=False)
        assert "Traceback" not in proc.stderr, proc.stderr
        notices = _notices(proc.stderr + proc.stdout)
        assert len(notices) == 1, f"{name}: {proc.stderr}"
        assert "'>=3.99'" in notices[0] and f"Python {_running()}" in notices[0] and "3.99 or newer" in notices[0]


def test_no_notice_for_a_supported_python(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", {ENDPOINT: ROUTES_WITHOUT_OPERATION_ID})
    assert _notices(cli("check", cwd=project).err) == []
