"""Rule selection, presets and loud misconfiguration through every front end.

The ``# expect:`` marks of the ``selection`` and ``policy_*`` fixture trees are checked by
``test_fixtures`` for each front end; this file covers what marks cannot say: command-line
overrides, the host tools' own filters on top, severities, unknown codes and the warnings.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from frontends import run_cli, run_flake8, run_pylint

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SELECTION = FIXTURES / "selection"
CODES = str((SELECTION / "backend/api/codes.py").resolve())
LEGACY = str((SELECTION / "backend/api/legacy/old.py").resolve())


def cli(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pixcrawler_lint.cli", *args], cwd=cwd, capture_output=True, text=True, check=False,
    )


def tool(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=cwd, capture_output=True, text=True, check=False)


def write_project(root: Path, table: str, files: dict[str, str]) -> None:
    (root / "pyproject.toml").write_text(f'[project]\nname = "t"\nversion = "0"\n{table}', encoding="utf-8")
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


SHADOWED = (
    '"""Doc."""\n\nfrom fastapi import status\n\n__all__ = ["ok"]\n\n\n'
    "def ok(status: int) -> int:\n    return status.HTTP_200_OK\n"
)


def test_cli_select_overrides_the_configuration_but_not_per_file_ignores() -> None:
    results = run_cli(SELECTION, "--select=PXL205")
    assert results[CODES] == {(3, "PXL205")}
    assert results.get(LEGACY, set()) == set()


def test_cli_ignore_removes_on_top_of_the_configuration() -> None:
    results = run_cli(SELECTION, "--ignore=PXL6")
    assert results[CODES] == {(9, "PXL204")} and results.get(LEGACY, set()) == set()


def test_severity_override_in_json_and_sarif() -> None:
    proc = cli(SELECTION, "check", ".", "--format=json", "--quiet")
    by_code = {f["code"]: f["severity"] for f in json.loads(proc.stdout)["findings"]}
    assert by_code["PXL204"] == "W"  # an error by default
    sarif = json.loads(cli(SELECTION, "check", ".", "--format=sarif", "--quiet").stdout)
    levels = {r["ruleId"]: r["level"] for r in sarif["runs"][0]["results"]}
    assert levels["PXL204"] == "warning"


def test_flake8_and_pylint_filters_still_work_on_top() -> None:
    assert run_flake8(SELECTION)[CODES] == {(9, "PXL204")}
    assert run_flake8(SELECTION, "--extend-ignore=PXL204").get(CODES, set()) == set()
    assert run_pylint(SELECTION)[CODES] == {(9, "PXL204")}
    assert run_pylint(SELECTION, "--disable=shadowed-status-module").get(CODES, set()) == set()


@pytest.mark.parametrize("argument", ["--select=PXL2,PXL999", "--ignore=E501"])
def test_cli_unknown_code_on_the_command_line_exits_2(argument: str) -> None:
    proc = cli(SELECTION, "check", ".", argument)
    assert proc.returncode == 2
    assert "unknown rule code or prefix" in proc.stderr and "Traceback" not in proc.stderr


def test_unknown_code_in_the_configuration_in_every_front_end(tmp_path: Path) -> None:
    write_project(tmp_path, '[tool.pixcrawler_lint]\nignore = ["PXL2", "PXL77"]\n', {
        "backend/__init__.py": "", "backend/api/__init__.py": "", "backend/api/codes.py": SHADOWED,
    })
    proc = cli(tmp_path, "check", ".")
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "key 'ignore': unknown rule code or prefix 'PXL77'" in proc.stderr
    target = str((tmp_path / "backend/api/codes.py").resolve())
    assert run_flake8(tmp_path)[target] == {(1, "PXL901")}
    assert run_pylint(tmp_path)[target] == {(1, "PXL901")}


def test_recommended_preset_for_a_configured_layout(tmp_path: Path) -> None:
    write_project(tmp_path, '[tool.pixcrawler_lint]\napi = ["app.web"]\n', {
        "app/__init__.py": "", "app/web/__init__.py": "",
        # PXL204 (recommended) and PXL205 + PXL604 (house conventions, not recommended)
        "app/web/codes.py": SHADOWED.replace('__all__ = ["ok"]\n', ""),
    })
    target = str((tmp_path / "app/web/codes.py").resolve())
    for results in (run_cli(tmp_path), run_flake8(tmp_path), run_pylint(tmp_path)):
        assert results[target] == {(8, "PXL204")}
    (tmp_path / "pyproject.toml").write_text(
        '[tool.pixcrawler_lint]\napi = ["app.web"]\npreset = "pixcrawler"\n', encoding="utf-8",
    )
    assert {code for _, code in run_cli(tmp_path)[target]} == {"PXL204", "PXL205", "PXL604"}


def test_rules_command_shows_the_presets() -> None:
    text = cli(SELECTION, "rules").stdout
    assert "preset" in text.splitlines()[0]
    line_204 = next(line for line in text.splitlines() if line.startswith("PXL204"))
    line_201 = next(line for line in text.splitlines() if line.startswith("PXL201"))
    assert " recommended " in line_204 and " pixcrawler " in line_201
    rules = {r["code"]: r["presets"] for r in json.loads(cli(SELECTION, "rules", "--format=json").stdout)}
    assert rules["PXL101"] == ["pixcrawler", "recommended"] and rules["PXL201"] == ["pixcrawler"]


# --- loud misconfiguration ---------------------------------------------------------------------


MISCONFIGURED = '[tool.pixcrawler_lint]\napi = ["app.web", "app.nowhere"]\ntypes-modules = ["app.web.typez"]\n'


def test_cli_warns_once_about_patterns_that_match_nothing(tmp_path: Path) -> None:
    write_project(tmp_path, MISCONFIGURED, {"app/__init__.py": "", "app/web/__init__.py": "", "app/web/a.py": "",
                                            "app/web/b.py": ""})
    proc = cli(tmp_path, "check", ".", "--quiet")
    assert proc.returncode == 0
    assert proc.stderr.count("api: pattern 'app.nowhere' matches no module") == 1
    assert proc.stderr.count("types-modules: pattern 'app.web.typez' matches no module") == 1
    assert "app.web'" not in proc.stderr
    strict = cli(tmp_path, "check", ".", "--quiet", "--strict-config")
    assert strict.returncode == 2 and "error:" in strict.stderr


def test_linting_one_file_judges_patterns_against_the_whole_project(tmp_path: Path) -> None:
    write_project(tmp_path, '[tool.pixcrawler_lint]\napi = ["app.web"]\nservices = ["app.logic"]\n', {
        "app/__init__.py": "", "app/web/__init__.py": "", "app/web/a.py": "", "app/logic.py": "",
    })
    proc = cli(tmp_path, "check", "app/web/a.py", "--strict-config", "--quiet")
    assert proc.returncode == 0 and proc.stderr == ""


def test_plugins_warn_about_patterns_that_match_nothing(tmp_path: Path) -> None:
    write_project(tmp_path, MISCONFIGURED, {"app/__init__.py": "", "app/web/__init__.py": "", "app/web/a.py": "",
                                            "app/web/b.py": ""})
    flake8 = tool(tmp_path, "flake8", "--isolated", "--select=PXL", "-j", "1", ".")
    assert flake8.stderr.count("pattern 'app.nowhere' matches no module") == 1, flake8.stderr
    assert "(flake8)" in flake8.stderr
    pylint = tool(tmp_path, "pylint", "--load-plugins=pixcrawler_lint", "--disable=all",
                  "--enable=shadowed-status-module", "--persistent=n", "app")
    assert pylint.stderr.count("pattern 'app.nowhere' matches no module") == 1, pylint.stderr


def test_no_warning_for_unused_defaults_or_without_a_table(tmp_path: Path) -> None:
    write_project(tmp_path, '[tool.pixcrawler_lint]\nstatus-alias = "codes"\n', {
        "app/__init__.py": "", "app/web.py": "",
    })
    proc = cli(tmp_path, "check", ".", "--strict-config", "--quiet")
    assert proc.returncode == 0 and proc.stderr == ""


def test_cli_reports_an_equal_layer_match_before_linting(tmp_path: Path) -> None:
    write_project(tmp_path, '[tool.pixcrawler_lint]\nmodels = ["app.database"]\nservices = ["app.*.service", "app.x"]\n'
                  'api = ["app.*.service"]\n', {"app/__init__.py": ""})
    proc = cli(tmp_path, "check", ".")
    assert proc.returncode == 2 and "is in both" in proc.stderr
    write_project(tmp_path, '[tool.pixcrawler_lint]\napi = ["app.*.x"]\nservices = ["app.x.*"]\n', {
        "app/__init__.py": "", "app/x/__init__.py": "", "app/x/x.py": "", "app/y/__init__.py": "", "app/y/x.py": "",
    })
    proc = cli(tmp_path, "check", ".")
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1
    assert "module app.x.x matches 'api' pattern 'app.*.x' and 'services' pattern 'app.x.*'" in proc.stderr
    target = str((tmp_path / "app/x/x.py").resolve())
    assert run_flake8(tmp_path)[target] == {(1, "PXL901")}
    assert run_pylint(tmp_path)[target] == {(1, "PXL901")}


def test_a_source_root_without_modules_is_loud(tmp_path: Path) -> None:
    write_project(tmp_path, '[tool.pixcrawler_lint]\nsource-roots = ["backend", "nowhere"]\n', {
        "backend/__init__.py": "", "backend/api/__init__.py": "", "backend/api/x.py": "",
    })
    proc = cli(tmp_path, "check", ".", "--quiet", "--strict-config")
    assert proc.returncode == 2
    assert "source-roots: folder 'nowhere' holds no module" in proc.stderr and "'backend'" not in proc.stderr
