"""``check --diff REV``: only findings on lines changed since a git revision, in a temp repository."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from test_cli_support import ROUTES_WITHOUT_OPERATION_ID, cli, make_project

from pixcrawler_lint.cli.diff import parse_unified_diff

ENDPOINT = "backend/api/v1/endpoints/projects.py"
NEW_ROUTE = (
    '\n\n@router.get("/users", summary="Users", response_model=list[str])\n'
    "async def list_users() -> list[str]:\n    return []\n"
)


def _git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid", "-c", "commit.gpgsign=false", *args],
        cwd=repo, check=True, capture_output=True,
    )


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    project = make_project(tmp_path / "repo", {ENDPOINT: ROUTES_WITHOUT_OPERATION_ID})
    _git(project, "init", "-q")
    _git(project, "add", ".")
    _git(project, "commit", "-q", "-m", "base")
    return project


def _lines(project: Path, *extra: str) -> list[tuple[str, int]]:
    run = cli("check", "--select", "PXL201", "--format", "json", *extra, cwd=project)
    assert run.status in (0, 1), run.err
    return [(f["path"], f["line"]) for f in json.loads(run.out)["findings"]]


def test_only_findings_on_changed_lines_are_reported(repo: Path) -> None:
    path = repo / ENDPOINT
    path.write_text(path.read_text(encoding="utf-8") + NEW_ROUTE, encoding="utf-8")
    assert _lines(repo) == [(ENDPOINT, 11), (ENDPOINT, 16), (ENDPOINT, 21)]
    assert _lines(repo, "--diff", "HEAD") == [(ENDPOINT, 21)]
    assert cli("check", "--select", "PXL201", "--diff", "HEAD", cwd=repo).status == 1


def test_unchanged_tree_reports_nothing_and_committed_changes_count_against_older_revisions(repo: Path) -> None:
    assert _lines(repo, "--diff", "HEAD") == []
    assert cli("check", "--select", "PXL201", "--diff", "HEAD", cwd=repo).status == 0
    path = repo / ENDPOINT
    path.write_text(path.read_text(encoding="utf-8") + NEW_ROUTE, encoding="utf-8")
    _git(repo, "commit", "-q", "-am", "users")
    assert _lines(repo, "--diff", "HEAD") == []
    assert _lines(repo, "--diff", "HEAD~1") == [(ENDPOINT, 21)]


def test_untracked_files_count_as_entirely_new(repo: Path) -> None:
    (repo / "backend/api/v1/endpoints/users.py").write_text(ROUTES_WITHOUT_OPERATION_ID, encoding="utf-8")
    assert _lines(repo, "--diff", "HEAD") == [
        ("backend/api/v1/endpoints/users.py", 11), ("backend/api/v1/endpoints/users.py", 16),
    ]


def test_unknown_revision_is_a_usage_error(repo: Path) -> None:
    run = cli("check", "--diff", "no-such-branch", cwd=repo)
    assert run.status == 2
    assert run.err == "pixcrawler-lint: error: unknown git revision 'no-such-branch'\n"


def test_parse_unified_diff_hunks() -> None:
    diff = (
        "diff --git a/x.py b/x.py\n--- a/x.py\n+++ b/x.py\n"
        "@@ -3,0 +4,2 @@\n+a\n+b\n@@ -10 +12 @@\n-c\n+d\n@@ -20,3 +22,0 @@\n-e\n-f\n-g\n"
        "diff --git a/gone.py b/gone.py\n--- a/gone.py\n+++ /dev/null\n@@ -1 +0,0 @@\n-x\n"
    )
    assert parse_unified_diff(diff) == {"x.py": {4, 5, 12}}


@pytest.fixture()
def legacy_repo(tmp_path: Path) -> Path:
    from test_cli_support import copy_legacy

    project = copy_legacy(tmp_path / "legacy")
    _git(project, "init", "-q")
    _git(project, "add", ".")
    _git(project, "commit", "-q", "-m", "base")
    return project


def _diff_findings(project: Path, *extra: str) -> set[tuple[str, int, str]]:
    run = cli("check", "--diff", "HEAD", "-j", "1", "--format", "json", *extra, cwd=project)
    assert run.status in (0, 1), run.err
    return {(f["path"], f["line"], f["code"]) for f in json.loads(run.out)["findings"]}


def test_diff_reports_pxl601_on_the_service_when_its_factory_is_deleted(legacy_repo: Path) -> None:
    dependencies = legacy_repo / "backend/api/dependencies.py"
    text = dependencies.read_text(encoding="utf-8")
    start = text.index("async def get_project_service(")
    end = text.index("\n\n\n", start)
    dependencies.write_text(text[:start] + "PLACEHOLDER = None" + text[end:], encoding="utf-8")
    found = _diff_findings(legacy_repo, "--select", "PXL601")
    assert any(path == "backend/services/project.py" and code == "PXL601" for path, _, code in found), found
    # the finding that was there before the change (validation.py) is not reported again
    assert not any(path == "backend/services/validation.py" for path, _, _ in found), found
    # and the base checkout is kept for the next run, inside the ignored cache folder
    assert list((legacy_repo / ".pixcrawler_lint_cache" / "worktrees").iterdir())
    subprocess.run(["git", "status", "--porcelain"], cwd=legacy_repo, check=True, capture_output=True)
    assert _diff_findings(legacy_repo, "--select", "PXL601") == found


def test_diff_reports_pxl404_on_callers_when_a_signature_changes(legacy_repo: Path) -> None:
    service = legacy_repo / "backend/services/project.py"
    service.write_text(service.read_text(encoding="utf-8").replace(
        "async def get_project(self, project_id: int, owner_id: UUID)",
        "async def get_project(self, project_id: int, owner_id: UUID, tenant: str)",
    ), encoding="utf-8")
    found = _diff_findings(legacy_repo, "--select", "PXL404", "--no-cache")
    assert ("backend/api/v1/endpoints/projects.py", 50, "PXL404") in found, found
    # PXL404 findings that the base revision had already (line 43) are not new
    assert ("backend/api/v1/endpoints/projects.py", 43, "PXL404") not in found
    assert not (legacy_repo / ".pixcrawler_lint_cache").exists()
    listed = subprocess.run(["git", "worktree", "list"], cwd=legacy_repo, check=True, capture_output=True, text=True)
    assert len(listed.stdout.strip().splitlines()) == 1  # the temporary checkout is gone
