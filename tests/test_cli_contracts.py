"""``check`` runs the import contracts: a chain through an unlayered helper is reported once."""

from __future__ import annotations

import json
from pathlib import Path

from test_cli_support import cli, make_project

ENDPOINT = '''"""Projects endpoint."""

from backend.helpers import load_projects

__all__ = ["load_projects"]
'''
HELPER = '''"""A helper module of no layer: the file rules cannot see through it."""

from backend.repositories.project import ProjectRepository

__all__ = ["load_projects", "ProjectRepository"]


def load_projects() -> list[str]:
    return []
'''
REPOSITORY = '''"""Project repository."""

__all__ = ["ProjectRepository"]


class ProjectRepository:
    pass
'''


def _project(tmp_path: Path) -> Path:
    return make_project(tmp_path / "p", {
        "backend/api/v1/endpoints/projects.py": ENDPOINT,
        "backend/helpers.py": HELPER,
        "backend/repositories/project.py": REPOSITORY,
    })


def test_indirect_chain_is_reported_on_the_first_import_with_the_chain(tmp_path: Path) -> None:
    project = _project(tmp_path)
    run = cli("check", "--select", "PXL1", "--format", "json", cwd=project)
    assert run.status == 1, run.err
    findings = json.loads(run.out)["findings"]
    assert [(f["path"], f["line"], f["code"]) for f in findings] == [
        ("backend/api/v1/endpoints/projects.py", 3, "PXL102"),
    ]
    chain = "backend.api.v1.endpoints.projects -> backend.helpers -> backend.repositories.project"
    assert chain in findings[0]["message"]


def test_no_contracts_and_linting_other_files_hide_it(tmp_path: Path) -> None:
    project = _project(tmp_path)
    assert cli("check", "--select", "PXL1", "--no-contracts", cwd=project).status == 0
    only_helper = cli("check", "backend/helpers.py", "--select", "PXL1", cwd=project)
    assert only_helper.status == 0, only_helper.out


def test_chains_through_a_module_that_breaks_the_rule_itself_are_not_repeated(tmp_path: Path) -> None:
    project = _project(tmp_path)
    helper = project / "backend/api/v1/helpers.py"
    helper.write_text(HELPER.replace("A helper module of no layer", "An api helper"), encoding="utf-8")
    endpoint = project / "backend/api/v1/endpoints/projects.py"
    endpoint.write_text(ENDPOINT.replace("backend.helpers", "backend.api.v1.helpers"), encoding="utf-8")
    run = cli("check", "--select", "PXL1", "--format", "json", cwd=project)
    findings = [(f["path"], f["line"], f["code"]) for f in json.loads(run.out)["findings"]]
    assert findings == [("backend/api/v1/helpers.py", 3, "PXL102")]  # the inline finding, once


def test_importers_sharing_a_root_cause_import_get_one_finding_there(tmp_path: Path) -> None:
    project = _project(tmp_path)
    second = project / "backend/api/v1/endpoints/datasets.py"
    second.write_text(ENDPOINT.replace("Projects endpoint", "Datasets endpoint"), encoding="utf-8")
    run = cli("check", "--select", "PXL1", "--format", "json", cwd=project)
    assert run.status == 1, run.err
    findings = json.loads(run.out)["findings"]
    # Both endpoints reach the repository through the helper's import: one finding, on that import.
    assert [(f["path"], f["line"], f["code"]) for f in findings] == [("backend/helpers.py", 3, "PXL102")]
    message = findings[0]["message"]
    assert "backend.api.v1.endpoints.datasets, backend.api.v1.endpoints.projects" in message
    assert "backend.helpers -> backend.repositories.project" in message
