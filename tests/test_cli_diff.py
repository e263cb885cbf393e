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
