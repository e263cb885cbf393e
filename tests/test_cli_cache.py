"""The persistent cache: reused only when nothing a file's findings depend on has changed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from test_cli_support import ROUTES_WITHOUT_OPERATION_ID, cli, copy_legacy, make_project

from pixcrawler_lint.cli import runner
from pixcrawler_lint.cli.cache import CACHE_DIR

SERVICE = '''"""Project service."""

from backend.services.base import BaseService

__all__ = ["ProjectService"]


class ProjectService(BaseService):
    def count(self) -> int:
        return 1
'''
BASE = '"""Base."""\n\n__all__ = ["BaseService"]\n\n\nclass BaseService:\n    pass\n'
UNRELATED = '"""Unrelated."""\n\n__all__ = ["VALUE"]\n\nVALUE = 1\n'


@pytest.fixture
def linted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files actually linted (not taken from the cache) by in-process runs."""
    seen: list[str] = []
    real = runner._lint_one  # pylint: disable=protected-access

    def counting(path: Path, *args: object) -> runner.FileResult:
        seen.append(Path(path).name)
        return real(path, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(runner, "_lint_one", counting)
    return seen


def _check(project: Path, *extra: str) -> tuple[int, list[tuple[str, int, str, str]]]:
    run = cli("check", "-j", "1", "--format", "json", *extra, cwd=project)
    assert run.status in (0, 1), run.err
    rows = [(f["path"], f["line"], f["code"], f["message"]) for f in json.loads(run.out)["findings"]]
    return run.status, rows


def test_second_run_lints_nothing_and_an_edit_relints_its_dependents(tmp_path: Path, linted: list[str]) -> None:
    endpoint = ROUTES_WITHOUT_OPERATION_ID.replace(
        "from fastapi import APIRouter",
        "from fastapi import APIRouter\n\nfrom backend.services.project import ProjectService",
    )
    project = make_project(tmp_path / "p", {
        "backend/api/v1/endpoints/projects.py": endpoint, "backend/services/project.py": SERVICE,
        "backend/services/base.py": BASE, "backend/core/unrelated.py": UNRELATED,
    })
    first = _check(project)
    assert "unrelated.py" in linted and (project / CACHE_DIR / ".gitignore").is_file()
    linted.clear()
    assert _check(project) == first
    assert linted == []
    (project / "backend/services/base.py").write_text(BASE + "\n\nLIMIT = 3\n", encoding="utf-8")
    assert _check(project) == first
    assert sorted(linted) == ["base.py", "project.py", "projects.py"]  # the edited file and what imports it
    linted.clear()
    assert _check(project, "--no-cache") == first
    assert len(linted) > 3  # everything


def test_no_cache_writes_nothing(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", {"backend/core/unrelated.py": UNRELATED})
    assert cli("check", "--no-cache", cwd=project).status == 0
    assert not (project / CACHE_DIR).exists()


def test_corrupt_entries_are_misses(tmp_path: Path, linted: list[str]) -> None:
    project = make_project(tmp_path / "p", {"backend/api/v1/endpoints/projects.py": ROUTES_WITHOUT_OPERATION_ID})
    first = _check(project)
    for entry in (project / CACHE_DIR).rglob("*.json"):
        entry.write_text("[" * 100_000, encoding="utf-8")
    linted.clear()
    assert _check(project) == first
    assert "projects.py" in linted


def test_cross_file_edits_give_what_a_cold_run_gives(tmp_path: Path, linted: list[str]) -> None:
    """Changing a signature (PXL404 on the caller), deleting a factory (PXL601 on the service)."""
    project = copy_legacy(tmp_path / "legacy")
    before = _check(project)[1]
    service = project / "backend/services/project.py"
    service.write_text(service.read_text(encoding="utf-8").replace(
        "async def get_project(self, project_id: int, owner_id: UUID)",
        "async def get_project(self, project_id: int, owner_id: UUID, tenant: str)"),
        encoding="utf-8")
    linted.clear()
    cached = _check(project)[1]
    assert "projects.py" in linted and "notification.py" not in linted  # an unrelated service is reused
    assert cached == _check(project, "--no-cache")[1]
    new = set(cached) - set(before)
    assert any(code == "PXL404" and path == "backend/api/v1/endpoints/projects.py" and "tenant" in message
               for path, _, code, message in new), new

    dependencies = project / "backend/api/dependencies.py"
    text = dependencies.read_text(encoding="utf-8")
    start = text.index("async def get_project_service(")
    end = text.index("\n\n\n", start)
    dependencies.write_text(text[:start] + "PLACEHOLDER = None" + text[end:], encoding="utf-8")
    linted.clear()
    after = _check(project)[1]
    assert linted  # the composition root is a whole-project input: everything is linted again
    assert after == _check(project, "--no-cache")[1]
    assert any(code == "PXL601" and path == "backend/services/project.py"
               for path, _, code, _ in set(after) - set(cached)), set(after) - set(cached)


def test_concurrent_runs_agree(tmp_path: Path) -> None:
    project = copy_legacy(tmp_path / "legacy")
    command = [sys.executable, "-m", "pixcrawler_lint.cli", "check", "-q", "-j", "1", "--format", "concise", "."]
    procs = [subprocess.Popen(command, cwd=project, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(2)]
    outputs = [proc.communicate(timeout=600) for proc in procs]
    assert [proc.returncode for proc in procs] == [1, 1], outputs
    assert outputs[0][0] == outputs[1][0]
    again = subprocess.run(command, cwd=project, capture_output=True, text=True, check=False)
    assert again.stdout == outputs[0][0]


def test_the_first_run_remembers_every_files_imports(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A second run of an unchanged tree parses no file to learn what it imports."""
    from pixcrawler_lint.cli import cache  # pylint: disable=import-outside-toplevel

    project = make_project(tmp_path / "p", {
        "backend/services/project.py": SERVICE, "backend/services/base.py": BASE,
        "backend/core/unrelated.py": UNRELATED,
    })
    _check(project)
    remembered = json.loads(next((project / CACHE_DIR).rglob("imports.json")).read_text(encoding="utf-8"))
    assert len(remembered) == len(list(project.rglob("*.py")))
    assert ["backend.services.base", "backend.services.base.BaseService"] in remembered.values()
    parsed: list[str] = []
    monkeypatch.setattr(cache, "_imported_names", lambda *args: parsed.append(args[1]) or set())
    _check(project)
    assert parsed == []


_IMPORT_SHAPES = [
    "import os\nfrom . import sibling\nfrom ..pkg.mod import (\n    a,  # (note\n    b,\n)\n",
    "from app.core import \\\n    settings\nx = 1\n",
    "from app.core \\\n    import settings\n",
    "if TYPE_CHECKING: import app.models\n",
    "x = 1; import app.models\n",
    "try:\n    from app import fast\nexcept ImportError:\n    fast = None\n",
    '"""Docs.\n\nfrom somewhere import prose\n"""\nimport app.real\n',
    '"""We import things here."""\nimport app.real\n',
    "def f():\n    import app.lazy\n    return app.lazy\n",
]


@pytest.mark.parametrize("source", _IMPORT_SHAPES)
def test_the_index_reads_every_import_without_parsing_the_whole_file(source: str) -> None:
    import ast

    from pixcrawler_lint.cli.cache import _import_tree, _imported_names

    full = _imported_names(ast.parse(source), "app.pkg.mod", False)
    fast = _imported_names(_import_tree(source.encode()), "app.pkg.mod", False)
    assert full and full <= fast  # a missed import would leave a stale entry in the cache
    assert fast - full <= {"somewhere", "somewhere.prose"}  # prose may only add a dependency


_KEY_OF_EVERY_FILE = """
import json, sys
from pathlib import Path
from pixcrawler_lint.cli.cache import ProjectCache
from pixcrawler_lint.cli.discovery import discover, group_by_project_root
groups = group_by_project_root(discover([Path(sys.argv[1])]))
keys = {str(p): ProjectCache(root, members, None)._key(p) for root, members in groups.items() for p in members}
print(json.dumps(keys, sort_keys=True))
"""


def test_the_keys_are_the_same_in_every_process(tmp_path: Path) -> None:
    """A key must not depend on the interpreter's hash seed: the configuration's set of
    explicit keys, printed in set order, made every entry of a configured project a miss."""
    settings = (
        '[tool.pixcrawler_lint]\nlayers = ["api", "services", "models"]\n'
        'api = ["backend.api"]\nservices = ["backend.services"]\nmodels = ["backend.models"]\n'
    )
    files = {
        "backend/services/project.py": SERVICE, "backend/services/base.py": BASE, "backend/unrelated.py": UNRELATED,
    }
    project = make_project(tmp_path / "p", files, settings)
    runs = [
        subprocess.run([sys.executable, "-c", _KEY_OF_EVERY_FILE, str(project)], capture_output=True, text=True,
                       check=True, env={**os.environ, "PYTHONHASHSEED": seed}).stdout
        for seed in ("1", "2", "3")
    ]
    assert json.loads(runs[0]) and runs[0] == runs[1] == runs[2]


def test_each_project_roots_contract_findings_are_cached_apart(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The roots of one project (a folder without ``__init__.py`` is a root of its own) share
    one cache folder; one contracts file for all of them kept only the last root's findings."""
    from pixcrawler_lint.cli import contracts_hook
    from pixcrawler_lint.cli.cache import ProjectCache
    from pixcrawler_lint.cli.discovery import discover, group_by_project_root

    project = make_project(tmp_path / "p", {"backend/services/project.py": SERVICE, "backend/services/base.py": BASE})
    (project / "tools").mkdir()
    (project / "tools" / "tool.py").write_text("VALUE = 1\n", encoding="utf-8")
    groups = group_by_project_root(discover([project]))
    assert len(groups) == 2
    first = contracts_hook.contract_findings(groups, {r: ProjectCache(r, f, None) for r, f in groups.items()})
    computed: list[Path] = []
    real = contracts_hook._root_findings  # pylint: disable=protected-access

    def counting(root: Path, files: list[Path]) -> list[object]:
        computed.append(root)
        return real(root, files)  # type: ignore[return-value]

    monkeypatch.setattr(contracts_hook, "_root_findings", counting)
    again = contracts_hook.contract_findings(groups, {r: ProjectCache(r, f, None) for r, f in groups.items()})
    assert again == first and computed == []
