"""``pixcrawler-lint`` exit status: 0 clean, 1 findings, 2 usage or configuration error."""

from __future__ import annotations

from pathlib import Path

from test_cli_support import ROUTES_WITHOUT_OPERATION_ID, cli, cli_subprocess, make_project

ENDPOINT = "backend/api/v1/endpoints/projects.py"


def test_findings_exit_1_and_clean_exit_0(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", {ENDPOINT: ROUTES_WITHOUT_OPERATION_ID})
    dirty = cli("check", "--select", "PXL201", "-j", "1", cwd=project)
    assert dirty.status == 1, dirty.err
    assert dirty.out.count(" PXL201 ") == 2
    fixed = ROUTES_WITHOUT_OPERATION_ID.replace(
        'response_model=list[str])', 'response_model=list[str], operation_id="x")'
    )
    (project / ENDPOINT).write_text(fixed, encoding="utf-8")
    clean = cli("check", "--select", "PXL201", "-j", "1", cwd=project)
    assert clean.status == 0, clean.out
    assert "PXL201" not in clean.out
    assert "Found 0 findings" in clean.out


def test_exit_zero_keeps_the_report(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", {ENDPOINT: ROUTES_WITHOUT_OPERATION_ID})
    run = cli("check", "--select", "PXL201", "--exit-zero", cwd=project)
    assert run.status == 0
    assert run.out.count(" PXL201 ") == 2
    to_file = cli("check", "--select", "PXL201", "--format", "sarif", "-o", "out.sarif", "--exit-zero", cwd=project)
    assert to_file.status == 0 and to_file.out == ""
    assert '"ruleId": "PXL201"' in (project / "out.sarif").read_text(encoding="utf-8")


def test_bad_configuration_is_one_line_naming_the_key_exit_2(tmp_path: Path) -> None:
    project = make_project(
        tmp_path / "p", {ENDPOINT: ROUTES_WITHOUT_OPERATION_ID},
        pyproject='\n[tool.pixcrawler_lint]\ncomposition-root = ["backend.api.wiring"]\n',
    )
    run = cli_subprocess("check", ".", cwd=project)
    assert run.status == 2
    assert run.out == ""
    assert "Traceback" not in run.err
    lines = run.err.strip().splitlines()
    assert len(lines) == 1, run.err
    assert "composition-root" in lines[0] and "composition-roots" in lines[0]


def test_wrong_type_in_configuration_exit_2(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", {ENDPOINT: ROUTES_WITHOUT_OPERATION_ID},
                           pyproject="\n[tool.pixcrawler_lint]\napi = 3\n")
    run = cli("check", cwd=project)
    assert run.status == 2
    assert "'api'" in run.err and len(run.err.strip().splitlines()) == 1


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", {ENDPOINT: ROUTES_WITHOUT_OPERATION_ID})
    missing = cli("check", "no/such/dir", cwd=project)
    assert missing.status == 2 and "no/such/dir" in missing.err
    assert cli("check", "--format", "xml", cwd=project).status == 2
    assert cli("frobnicate", cwd=project).status == 2
    assert cli(cwd=project).status == 2
    assert cli("check", "--jobs", "many", cwd=project).status == 2
    assert cli("baseline", "--add-new", cwd=project).status == 2


def test_unreadable_baseline_and_unknown_revision_exit_2(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", {ENDPOINT: ROUTES_WITHOUT_OPERATION_ID})
    (project / "broken.json").write_text("{not json", encoding="utf-8")
    broken = cli("check", "--baseline", "broken.json", cwd=project)
    assert broken.status == 2 and "broken.json" in broken.err
    absent = cli("check", "--baseline", "absent.json", cwd=project)
    assert absent.status == 2 and "absent.json" in absent.err
    no_repo = cli("check", "--diff", "HEAD", cwd=project)
    assert no_repo.status == 2 and no_repo.err.startswith("pixcrawler-lint: error:")


def test_syntax_error_file_is_pxl903_or_skipped_with_a_warning(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", {ENDPOINT: ROUTES_WITHOUT_OPERATION_ID, "backend/api/broken.py": "def (:\n"})
    run = cli("check", "--select", "PXL201", cwd=project)
    assert run.status == 1
    assert "backend/api/broken.py:1:5: PXL903 " in run.out and "SyntaxError at line 1" in run.out
    assert "skipped" not in run.err
    old = cli("check", "--select", "PXL201", "--extend-ignore", "PXL903", cwd=project)
    assert old.status == 1 and "PXL903" not in old.out
    assert "skipped backend/api/broken.py: SyntaxError at line 1" in old.err
    quiet = cli("check", "--select", "PXL201", "--extend-ignore", "PXL903", "--quiet", cwd=project)
    assert quiet.err == ""


def test_console_script_entry_point_is_main() -> None:
    from importlib.metadata import entry_points

    scripts = {ep.name: ep.value for ep in entry_points(group="console_scripts")}
    assert scripts.get("pixcrawler-lint") == "pixcrawler_lint.cli:main"
