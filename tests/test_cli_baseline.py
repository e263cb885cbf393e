"""Baseline ("freeze") done-when of issue 7, on a copy of the legacy example, and ``baseline --update``."""

from __future__ import annotations

import ast
import json
import shutil
from pathlib import Path

import pytest
from test_cli_support import ROUTES_WITHOUT_OPERATION_ID, cli, copy_legacy, make_project

from pixcrawler_lint.cli.baseline import Baseline

BASELINE = "pixcrawler-lint-baseline.json"
CRAWL_JOB_SERVICE = "backend/services/crawl_job.py"


@pytest.fixture(scope="module")
def baselined_legacy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of examples/legacy with a fresh baseline of all its findings."""
    legacy = copy_legacy(tmp_path_factory.mktemp("legacy") / "legacy")
    run = cli("baseline", ".", "-o", BASELINE, "--quiet", cwd=legacy)
    assert run.status == 0, run.err
    return legacy


def _copy(source: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(source, tmp_path / "legacy"))


def _check(project: Path) -> tuple[int, dict]:  # type: ignore[type-arg]
    run = cli("check", ".", "--baseline", BASELINE, "--format", "json", "--quiet", cwd=project)
    assert run.status in (0, 1), run.err
    return run.status, json.loads(run.out)


def test_baseline_holds_every_legacy_finding(baselined_legacy: Path) -> None:
    baseline = Baseline.load(baselined_legacy / BASELINE)
    plain = cli("check", ".", "--format", "json", "--quiet", cwd=baselined_legacy)
    assert plain.status == 1
    assert baseline.total() == len(json.loads(plain.out)["findings"]) > 20
    data = json.loads((baselined_legacy / BASELINE).read_text(encoding="utf-8"))
    assert all("line" not in entry for entry in data["findings"])  # keyed by content, not line numbers
    assert any(e["path"] == CRAWL_JOB_SERVICE and e["code"] == "PXL104" for e in data["findings"])


def test_check_against_fresh_baseline_exits_0(baselined_legacy: Path) -> None:
    status, report = _check(baselined_legacy)
    assert status == 0
    assert report["findings"] == [] and report["fixed"] == []
    assert report["summary"]["baselined"] == Baseline.load(baselined_legacy / BASELINE).total()


def test_one_new_violation_is_the_only_report_and_a_fix_is_reported_fixed(
    baselined_legacy: Path, tmp_path: Path
) -> None:
    project = _copy(baselined_legacy, tmp_path)
    service = project / CRAWL_JOB_SERVICE
    lines = service.read_text(encoding="utf-8").splitlines(keepends=True)
    assert lines[8] == "import httpx  # expect: PXL104\n"
    lines[8] = "import requests\n"  # fixes the baselined httpx import, adds a new forbidden import
    service.write_text("".join(lines), encoding="utf-8")
    status, report = _check(project)
    assert status == 1
    assert [(f["path"], f["line"], f["code"]) for f in report["findings"]] == [(CRAWL_JOB_SERVICE, 9, "PXL104")]
    assert "requests" in report["findings"][0]["message"]
    assert [(f["path"], f["code"], f["source"]) for f in report["fixed"]] == [
        (CRAWL_JOB_SERVICE, "PXL104", "import httpx # expect: PXL104"),
    ]
    text = cli("check", CRAWL_JOB_SERVICE, "--baseline", BASELINE, "--quiet", cwd=project)
    assert "1 baselined finding fixed" in text.out.splitlines()[-1]


def _shift(path: Path, down: bool) -> bool:
    """Move everything after the module docstring down (4 comment lines) or up (drop a blank line)."""
    source = path.read_text(encoding="utf-8")
    body = ast.parse(source).body
    if not body or not isinstance(body[0], ast.Expr) or not isinstance(body[0].value, ast.Constant):
        return False
    end = body[0].end_lineno or 1
    lines = source.splitlines(keepends=True)
    if down:
        lines[end:end] = ["# moved down by unrelated edits\n"] * 4
    elif end < len(lines) and not lines[end].strip():
        del lines[end]
    else:
        return False
    path.write_text("".join(lines), encoding="utf-8")
    return True


def test_moving_code_up_or_down_changes_nothing(baselined_legacy: Path, tmp_path: Path) -> None:
    project = _copy(baselined_legacy, tmp_path)
    moved = [_shift(path, down=index % 2 == 0) for index, path in enumerate(sorted(project.rglob("*.py")))]
    assert sum(moved) > 20
    status, report = _check(project)
    assert (status, report["findings"], report["fixed"]) == (0, [], [])


def test_update_prunes_fixed_entries_and_adds_new_ones_only_when_asked(tmp_path: Path) -> None:
    endpoint = "backend/api/v1/endpoints/projects.py"
    project = make_project(tmp_path / "p", {endpoint: ROUTES_WITHOUT_OPERATION_ID})
    assert cli("baseline", "--select", "PXL201", cwd=project).status == 0
    baseline_file = project / ".pixcrawler-lint-baseline.json"
    assert Baseline.load(baseline_file).total() == 2
    source = (project / endpoint).read_text(encoding="utf-8")
    source = source.replace(
        '@router.get("/projects", summary="List projects", response_model=list[str])',
        '@router.get("/projects", summary="List projects", response_model=list[str], operation_id="listProjects")',
    )
    source += '\n\n@router.get("/users", summary="Users", response_model=list[str])\n'
    source += "async def list_users() -> list[str]:\n    return []\n"
    (project / endpoint).write_text(source, encoding="utf-8")

    update = cli("baseline", "--select", "PXL201", "--update", cwd=project)
    assert update.status == 0 and "1 fixed entries pruned, 0 new findings added, 1 new findings not added" in update.out
    assert [k.source for k in Baseline.load(baseline_file).counts] == ["async def list_datasets() -> list[str]:"]
    still_new = cli("check", "--select", "PXL201", "--baseline", str(baseline_file), "--format", "json", cwd=project)
    assert still_new.status == 1
    assert [f["line"] for f in json.loads(still_new.out)["findings"]] == [21]

    add = cli("baseline", "--select", "PXL201", "--update", "--add-new", cwd=project)
    assert add.status == 0 and "1 new findings added" in add.out
    assert Baseline.load(baseline_file).total() == 2
    assert cli("check", "--select", "PXL201", "--baseline", str(baseline_file), cwd=project).status == 0


def test_duplicate_findings_are_counted(tmp_path: Path) -> None:
    endpoint = "backend/api/v1/endpoints/projects.py"
    twice = ROUTES_WITHOUT_OPERATION_ID.replace("list_datasets", "list_projects").replace("/datasets", "/projects2")
    twice = twice.replace('summary="List datasets"', 'summary="List projects"')
    project = make_project(tmp_path / "p", {endpoint: twice})
    assert cli("baseline", "--select", "PXL201", "-o", "b.json", cwd=project).status == 0
    entries = json.loads((project / "b.json").read_text(encoding="utf-8"))["findings"]
    assert [e["count"] for e in entries] == [2]
    third = twice[twice.rindex("\n\n@router"):].replace("/projects2", "/p3")
    (project / endpoint).write_text(twice + third, encoding="utf-8")
    run = cli("check", "--select", "PXL201", "--baseline", "b.json", "--format", "json", cwd=project)
    assert run.status == 1 and len(json.loads(run.out)["findings"]) == 1
