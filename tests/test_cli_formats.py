"""Output formats of ``check``: text with caret, JSON, SARIF (schema-validated), GitHub annotations."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
from test_cli_support import ROUTES_WITHOUT_OPERATION_ID, Run, cli, make_project

from pixcrawler_lint.cli.formatters.github import annotation, escape_data, escape_property
from pixcrawler_lint.cli.formatters.text import caret_snippet
from pixcrawler_lint.findings import Finding, Severity
from pixcrawler_lint.registry import all_rules

SCHEMA = Path(__file__).resolve().parent / "data" / "sarif-schema-2.1.0.json"
ENDPOINT = "backend/api/v1/endpoints/projects.py"
# ::error file=…,line=…,col=…[,endLine=…][,endColumn=…],title=…::message
GITHUB_COMMAND = re.compile(
    r"^::(?P<level>error|warning|notice) file=(?P<file>[^,:]+),line=(?P<line>\d+),col=(?P<col>\d+)"
    r"(?:,endLine=\d+)?(?:,endColumn=\d+)?,title=(?P<title>PXL\d{3}[^,:]*)::(?P<message>[^\r\n]+)$"
)


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Run]:
    """One project, every format (the project root is activated once for the module)."""
    project = make_project(tmp_path_factory.mktemp("formats") / "p", {ENDPOINT: ROUTES_WITHOUT_OPERATION_ID})
    return {
        fmt: cli("check", "--select", "PXL201", "--format", fmt, "-j", "1", cwd=project)
        for fmt in ("text", "concise", "json", "sarif", "github")
    }


def test_every_format_exits_1_on_findings(runs: dict[str, Run]) -> None:
    assert {fmt: run.status for fmt, run in runs.items()} == dict.fromkeys(runs, 1)


def test_text_shows_location_code_message_source_and_caret(runs: dict[str, Run]) -> None:
    lines = runs["text"].out.splitlines()
    first = lines.index(next(line for line in lines if line.startswith(ENDPOINT)))
    assert re.fullmatch(rf"{ENDPOINT}:11:1: PXL201 route list_projects\(\) has no operation_id: .*", lines[first])
    assert lines[first + 1] == " 11 | async def list_projects() -> list[str]:"
    assert lines[first + 2] == "    | " + "^" * len("async def list_projects() -> list[str]:")
    assert lines[-1] == "Found 2 findings in 5 files."


def test_concise_has_no_source_lines(runs: dict[str, Run]) -> None:
    lines = runs["concise"].out.splitlines()
    assert [line.split(": PXL")[0] for line in lines[:-1]] == [f"{ENDPOINT}:11:1", f"{ENDPOINT}:16:1"]


def test_json_lists_findings_with_1_based_columns(runs: dict[str, Run]) -> None:
    payload = json.loads(runs["json"].out)
    rows = [(f["path"], f["line"], f["column"], f["code"], f["symbol"], f["severity"]) for f in payload["findings"]]
    assert rows == [
        (ENDPOINT, 11, 1, "PXL201", "missing-operation-id", "C"),
        (ENDPOINT, 16, 1, "PXL201", "missing-operation-id", "C"),
    ]
    assert Path(payload["findings"][0]["absolute_path"]).is_absolute()
    summary = dict(payload["summary"])
    assert summary.pop("cached") in range(0, 6)  # files whose results came from the cache
    assert summary == {"files": 5, "findings": 2, "baselined": 0, "fixed": 0, "suppressed": 0}


def test_sarif_validates_against_the_official_schema(runs: dict[str, Run]) -> None:
    log = json.loads(runs["sarif"].out)
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator.check_schema(schema)
    jsonschema.Draft4Validator(schema).validate(log)
    run = log["runs"][0]
    assert {rule["id"] for rule in run["tool"]["driver"]["rules"]} == {rule.code for rule in all_rules()}
    results = run["results"]
    assert [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in results] == [11, 16]
    assert {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results} == {ENDPOINT}
    assert all(r["level"] == "note" and r["ruleId"] == "PXL201" for r in results)
    rules = run["tool"]["driver"]["rules"]
    assert all(rules[r["ruleIndex"]]["id"] == r["ruleId"] for r in results)
    fingerprints = [r["partialFingerprints"]["pixcrawlerLint/v1"] for r in results]
    assert len(set(fingerprints)) == 2


def test_sarif_schema_rejects_a_broken_log(runs: dict[str, Run]) -> None:
    """The validation above could fail: a result without a message is not SARIF."""
    log = json.loads(runs["sarif"].out)
    del log["runs"][0]["results"][0]["message"]
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft4Validator(schema).validate(log)


def test_github_lines_are_workflow_commands(runs: dict[str, Run]) -> None:
    lines = runs["github"].out.splitlines()
    commands = [line for line in lines if line.startswith("::")]
    assert len(commands) == 2
    for line in commands:
        match = GITHUB_COMMAND.match(line)
        assert match, line
        assert match["level"] == "notice" and match["file"] == ENDPOINT
        assert match["title"].startswith("PXL201")
    assert [GITHUB_COMMAND.match(c)["line"] for c in commands] == ["11", "16"]  # type: ignore[index]


def test_github_escapes_data_and_properties() -> None:
    assert escape_data("50% done\r\nnext") == "50%25 done%0D%0Anext"
    assert escape_property("a,b:c%") == "a%2Cb%3Ac%25"
    finding = Finding("x", 3, 4, "PXL204", "shadowed-status-module", "bad:\nstatus, 100%", Severity.ERROR, 3, 9)
    line = annotation(finding, "dir,with:odd/x.py")
    assert line == (
        "::error file=dir%2Cwith%3Aodd/x.py,line=3,col=5,endLine=3,endColumn=10,"
        "title=PXL204 shadowed-status-module::bad:%0Astatus, 100%25"
    )
    assert "\n" not in line


def test_caret_counts_characters_not_bytes_and_stops_before_comments() -> None:
    line = 'x = "é"; status.HTTP_200_OK  # note'
    start = len('x = "é"; '.encode())
    finding = Finding("x", 1, start, "PXL204", "s", "m", Severity.ERROR, 1, start + len("status.HTTP_200_OK"))
    assert caret_snippet(finding, line)[1] == "   | " + " " * 9 + "^" * len("status.HTTP_200_OK")
    multi = Finding("x", 1, 0, "PXL303", "s", "m", Severity.CONVENTION, 5, 0)
    assert caret_snippet(multi, "class A:  # why")[1] == "   | " + "^" * len("class A:")
