"""No traceback on bad input: one line on stderr and exit 2; atomic writes; sys.path left intact."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from test_cli_support import ROUTES_WITHOUT_OPERATION_ID, cli, cli_subprocess, make_project

from pixcrawler_lint import modules
from pixcrawler_lint.cli.output import write_atomic
from pixcrawler_lint.engine import lint_source
from pixcrawler_lint.modules import activate_project_root

ENDPOINT = "backend/api/v1/endpoints/projects.py"


def _project(tmp_path: Path, pyproject: str = "") -> Path:
    return make_project(tmp_path / "p", {ENDPOINT: ROUTES_WITHOUT_OPERATION_ID}, pyproject=pyproject)


def _one_line_exit_2(run_status: int, err: str, *needles: str) -> None:
    assert run_status == 2, err
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("pixcrawler-lint: error: ")
    for needle in needles:
        assert needle in lines[0], lines[0]


@pytest.mark.parametrize("tool", ["5", '"text"', "[1, 2]", "true"])
def test_non_table_tool_in_every_front_end(tmp_path: Path, tool: str) -> None:
    project = make_project(tmp_path / "p", {ENDPOINT: ROUTES_WITHOUT_OPERATION_ID})
    text = (project / "pyproject.toml").read_text(encoding="utf-8")
    (project / "pyproject.toml").write_text(f"tool = {tool}\n" + text, encoding="utf-8")
    run = cli_subprocess("check", ".", cwd=project)
    _one_line_exit_2(run.status, run.err, "'tool' must be a table")
    engine = lint_source(ROUTES_WITHOUT_OPERATION_ID, str(project / ENDPOINT))
    assert [f.code for f in engine] == ["PXL901"] and "'tool' must be a table" in engine[0].message
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    flake8 = subprocess.run([sys.executable, "-m", "flake8", "--isolated", "--select=PXL", "."], cwd=project,
                            capture_output=True, text=True, env=env, check=False)
    assert "Traceback" not in flake8.stderr and "PXL901" in flake8.stdout, flake8.stderr
    pylint = subprocess.run([sys.executable, "-m", "pylint", "--load-plugins=pixcrawler_lint", "backend"],
                            cwd=project, capture_output=True, text=True, env=env, check=False)
    if "find_default_config_files" in pylint.stderr:
        # pylint's own configuration finder fails on some non-table `tool` values before any
        # plugin runs; nothing of ours is on that traceback.
        assert "pixcrawler_lint" not in pylint.stderr
    else:
        assert "Traceback" not in pylint.stderr and "F7901" in pylint.stdout, pylint.stdout + pylint.stderr


@pytest.mark.parametrize("command", ["check", "baseline"])
def test_unwritable_output_paths(tmp_path: Path, command: str) -> None:
    project = _project(tmp_path)
    (project / "adir").mkdir()
    (project / "afile").write_text("", encoding="utf-8")
    locked = project / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    cases = {"adir": "is a directory", "missing/out.json": "does not exist", "afile/out.json": "is not a folder"}
    if os.geteuid() != 0:  # root writes anywhere
        cases["locked/out.json"] = "not writable"
    try:
        for target, why in cases.items():
            run = cli(command, "-o", target, "--select", "PXL201", cwd=project)
            _one_line_exit_2(run.status, run.err, target, why)
    finally:
        locked.chmod(0o700)


HOSTILE_BASELINES = {
    "infinity": '{"version": 1, "findings": [{"path": "a.py", "code": "PXL201", "scope": "", "source": "x", '
                '"count": Infinity}]}',
    "nan": '{"version": 1, "findings": [{"path": "a.py", "code": "PXL201", "scope": "", "source": "x", '
           '"count": NaN}]}',
    "1e400": '{"version": 1, "findings": [{"path": "a.py", "code": "PXL201", "scope": "", "source": "x", '
             '"count": 1e400}]}',
    "huge-int": '{"version": 1, "findings": [{"path": "a.py", "code": "PXL201", "scope": "", "source": "x", '
                '"count": 1' + "0" * 5000 + "}]}",
    "negative": '{"version": 1, "findings": [{"path": "a.py", "code": "PXL201", "scope": "", "source": "x", '
                '"count": -3}]}',
    "nested": "[" * 100_000 + "]" * 100_000,
    "nested-in-entry": '{"version": 1, "findings": [{"path": ' + "[" * 50_000 + "]" * 50_000 + "}]}",
    "list": "[1, 2]",
    "findings-not-list": '{"version": 1, "findings": 5}',
    "entry-not-object": '{"version": 1, "findings": [5]}',
    "path-not-string": '{"version": 1, "findings": [{"path": 1, "code": "PXL201", "scope": "", "source": "x"}]}',
}


@pytest.mark.parametrize("name", list(HOSTILE_BASELINES))
def test_hostile_baselines(tmp_path: Path, name: str) -> None:
    project = _project(tmp_path)
    (project / "base.json").write_text(HOSTILE_BASELINES[name], encoding="utf-8")
    for argv in (["check", "--baseline", "base.json"], ["baseline", "--update", "-o", "base.json"]):
        run = cli(*argv, "--select", "PXL201", cwd=project)
        _one_line_exit_2(run.status, run.err, "base.json")
    assert len(run.err) < 400


def test_baseline_written_atomically_keeps_the_old_file_on_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    project = _project(tmp_path)
    assert cli("baseline", "--select", "PXL201", cwd=project).status == 0
    file = project / ".pixcrawler-lint-baseline.json"
    before = file.read_text(encoding="utf-8")
    assert json.loads(before)["findings"]

    def fail(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    (project / ENDPOINT).write_text(ROUTES_WITHOUT_OPERATION_ID.replace("/datasets", "/other"), encoding="utf-8")
    run = cli("baseline", "--select", "PXL201", cwd=project)
    _one_line_exit_2(run.status, run.err, "No space left on device")
    assert file.read_text(encoding="utf-8") == before
    assert [p.name for p in project.iterdir() if p.name.endswith(".tmp")] == []


def test_concurrent_reader_never_sees_a_partial_file(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    payloads = [json.dumps({"n": n, "pad": "x" * 200_000}) for n in range(2)]
    write_atomic(target, payloads[0])
    seen: list[str] = []
    stop = threading.Event()

    def read() -> None:
        while not stop.is_set():
            seen.append(target.read_text(encoding="utf-8"))

    reader = threading.Thread(target=read)
    reader.start()
    try:
        for n in range(40):
            write_atomic(target, payloads[n % 2])
    finally:
        stop.set()
        reader.join()
    assert seen and all(text in payloads for text in seen)


def test_report_file_keeps_permissions_and_is_complete(tmp_path: Path) -> None:
    project = _project(tmp_path)
    out = project / "out.sarif"
    out.write_text("old", encoding="utf-8")
    out.chmod(0o644)
    run = cli("check", "--select", "PXL201", "--format", "sarif", "-o", "out.sarif", cwd=project)
    assert run.status == 1
    assert json.loads(out.read_text(encoding="utf-8"))["version"] == "2.1.0"
    assert out.stat().st_mode & 0o777 == 0o644


def test_two_unrelated_roots_keep_the_interpreters_sys_path(tmp_path: Path) -> None:
    first = _project(tmp_path / "one")
    second = _project(tmp_path / "two")
    before = list(sys.path)
    sys.path.append(str(first.resolve()))  # the interpreter already had the first root
    ours = str(modules._active_root)  # pylint: disable=protected-access  # put there by an earlier test
    own = [entry for entry in sys.path if entry != ours]
    try:
        for project in (first, second, first, second):
            activate_project_root(project)
            lint_source(ROUTES_WITHOUT_OPERATION_ID, str(project / ENDPOINT))
        assert sys.path[0] == str(second.resolve())
        for entry in set(own):
            assert sys.path.count(entry) >= own.count(entry), entry
        run = cli("check", str(first), str(second), "--select", "PXL201", "-j", "1", cwd=tmp_path)
        assert run.status == 1 and run.out.count("PXL201") == 4
        for entry in set(own):
            assert sys.path.count(entry) >= own.count(entry), entry
    finally:
        sys.path[:] = before
