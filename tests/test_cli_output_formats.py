"""Output of ``check`` beyond the basic formats: statistics, GitLab Code Quality, JUnit, SARIF
help and baseline state, the GitHub job summary, ``explain`` by pylint id, colour and NO_COLOR."""

from __future__ import annotations

import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from test_cli_support import ROUTES_WITHOUT_OPERATION_ID, cli, make_project

from pixcrawler_lint.cli.formatters.text import use_color
from pixcrawler_lint.registry import all_rules

DATA = Path(__file__).resolve().parent / "data"
REPO = DATA.parent.parent
ENDPOINT = "backend/api/v1/endpoints/projects.py"
BROKEN_SERVICE = '"""Service."""\n\nimport httpx\n\n__all__ = ["httpx"]\n'


def _schema(name: str) -> dict[str, Any]:
    return json.loads((DATA / name).read_text(encoding="utf-8"))  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_project(tmp_path_factory.mktemp("out") / "p", {
        ENDPOINT: ROUTES_WITHOUT_OPERATION_ID, "backend/services/fetch.py": BROKEN_SERVICE,
    })


def test_statistics_counts_per_code(project: Path) -> None:
    run = cli("check", "--select", "PXL201,PXL104", "--statistics", cwd=project)
    assert run.status == 1
    lines = run.out.splitlines()
    assert [line.split("\t") for line in lines[:2]] == [
        ["2", "PXL201", "missing-operation-id"], ["1", "PXL104", "crawler-import-in-service"],
    ]
    assert lines[-1].startswith("Found 3 findings")
    as_json = json.loads(cli("check", "--select", "PXL201,PXL104", "--statistics", "--format", "json",
                             cwd=project).out)
    assert [(row["code"], row["count"]) for row in as_json] == [("PXL201", 2), ("PXL104", 1)]


def test_gitlab_code_quality_validates(project: Path) -> None:
    run = cli("check", "--select", "PXL201,PXL104", "--format", "gitlab", cwd=project)
    assert run.status == 1
    issues = json.loads(run.out)
    jsonschema.validate(issues, _schema("gitlab-codequality.schema.json"))
    assert sorted((i["location"]["path"], i["location"]["lines"]["begin"], i["check_name"]) for i in issues) == [
        (ENDPOINT, 11, "PXL201"), (ENDPOINT, 16, "PXL201"), ("backend/services/fetch.py", 3, "PXL104"),
    ]
    assert len({i["fingerprint"] for i in issues}) == 3
    assert {i["severity"] for i in issues} == {"minor", "major"}
    clean = cli("check", "--select", "PXL301", "--format", "gitlab", cwd=project)
    assert clean.status == 0 and json.loads(clean.out) == []


def _tree(element: ET.Element) -> dict[str, Any]:
    return {"tag": element.tag, "attrib": dict(element.attrib), "text": (element.text or "").strip(),
            "children": [_tree(child) for child in element]}


def test_junit_validates(project: Path) -> None:
    run = cli("check", "--select", "PXL201", "--format", "junit", cwd=project)
    assert run.status == 1
    root = ET.fromstring(run.out.encode("utf-8"))
    jsonschema.validate(_tree(root), _schema("junit.schema.json"))
    cases = root.findall("./testsuite/testcase")
    assert [case.get("name") for case in cases] == [f"PXL201 at {ENDPOINT}:11:1", f"PXL201 at {ENDPOINT}:16:1"]
    assert all(case.find("failure") is not None for case in cases)
    assert root.find("testsuite").get("failures") == "2"  # type: ignore[union-attr]
    clean = cli("check", "--select", "PXL301", "--format", "junit", cwd=project)
    clean_root = ET.fromstring(clean.out.encode("utf-8"))
    jsonschema.validate(_tree(clean_root), _schema("junit.schema.json"))
    assert clean_root.find("testsuite/testcase/failure") is None


def _sarif(run_out: str) -> dict[str, Any]:
    log: dict[str, Any] = json.loads(run_out)
    jsonschema.validate(log, _schema("sarif-schema-2.1.0.json"))
    return log


def test_sarif_help_uri_points_at_the_rules_section(project: Path) -> None:
    log = _sarif(cli("check", "--select", "PXL201", "--format", "sarif", cwd=project).out)
    rules = {rule["id"]: rule for rule in log["runs"][0]["tool"]["driver"]["rules"]}
    assert set(rules) == {rule.code for rule in all_rules()}
    doc = (REPO / "docs" / "rules.md").read_text(encoding="utf-8")
    headings = {re.sub(r"[^a-z0-9 -]", "", line.lstrip("#").strip().lower()).replace(" ", "-")
                for line in doc.splitlines() if line.startswith("## PXL")}
    for code, rule in rules.items():
        assert rule["help"]["markdown"].startswith(rule["shortDescription"]["text"][:20])
        uri, _, anchor = rule["helpUri"].partition("#")
        assert uri.endswith("docs/rules.md"), uri
        assert anchor in headings, (code, anchor)


def test_sarif_baseline_state(project: Path, tmp_path: Path) -> None:
    baseline = tmp_path / "base.json"
    assert cli("baseline", "--select", "PXL201", "-o", str(baseline), cwd=project).status == 0
    run = cli("check", "--select", "PXL201,PXL104", "--baseline", str(baseline), "--format", "sarif", cwd=project)
    assert run.status == 1
    results = _sarif(run.out)["runs"][0]["results"]
    states = sorted((r["ruleId"], r["baselineState"], bool(r.get("suppressions"))) for r in results)
    assert states == [("PXL104", "new", False), ("PXL201", "unchanged", True), ("PXL201", "unchanged", True)]
    without = _sarif(cli("check", "--select", "PXL201", "--format", "sarif", cwd=project).out)
    assert all("baselineState" not in r for r in without["runs"][0]["results"])


def test_github_writes_the_step_summary(project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    run = cli("check", "--select", "PXL201", "--format", "github", cwd=project)
    assert run.status == 1 and run.out.count("::notice ") + run.out.count("::warning ") == 2
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n## pixcrawler-lint")
    assert "| PXL201 | `missing-operation-id` | 2 |" in text
    assert f"| `{ENDPOINT}:11:1` | PXL201 |" in text
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(tmp_path / "no" / "such" / "file.md"))
    broken = cli("check", "--select", "PXL201", "--format", "github", cwd=project)
    assert broken.status == 1 and "cannot write GITHUB_STEP_SUMMARY" in broken.err
    monkeypatch.delenv("GITHUB_STEP_SUMMARY")
    before = summary.read_text(encoding="utf-8")
    cli("check", "--select", "PXL201", "--format", "text", cwd=project)
    assert summary.read_text(encoding="utf-8") == before


@pytest.mark.parametrize(("name", "code"), [
    ("E7204", "PXL204"), ("e7204", "PXL204"), ("C7201", "PXL201"), ("E0001", "PXL903"),
    ("shadowed-status-module", "PXL204"), ("pxl204", "PXL204"),
])
def test_explain_accepts_pylint_ids_and_symbols(project: Path, name: str, code: str) -> None:
    run = cli("explain", name, cwd=project)
    assert run.status == 0 and run.out.startswith(f"# {code} ")


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_colour_on_a_terminal_unless_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    assert use_color("auto", _Tty()) is True
    assert use_color("auto", io.StringIO()) is False
    monkeypatch.setenv("NO_COLOR", "1")
    assert use_color("auto", _Tty()) is False
    assert use_color("always", io.StringIO()) is True
    monkeypatch.setenv("NO_COLOR", "")  # an empty NO_COLOR does not count (no-color.org)
    assert use_color("auto", _Tty()) is True
    assert use_color("never", _Tty()) is False


def test_coloured_text_output(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    coloured = cli("check", "--select", "PXL201", "--color", "always", cwd=project).out
    assert "\033[" in coloured
    plain = cli("check", "--select", "PXL201", cwd=project).out  # not a terminal
    assert "\033[" not in plain
    assert re.sub(r"\033\[[0-9;]*m", "", coloured) == plain
    to_file = cli("check", "--select", "PXL201", "--color", "always", "-o", "report.txt", cwd=project)
    assert to_file.status == 1 and "\033[" not in (project / "report.txt").read_text(encoding="utf-8")
