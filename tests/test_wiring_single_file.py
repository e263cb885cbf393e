"""PXL601/PXL602 are whole-project checks, yet flake8 on one service file reports them too.

An editor runs flake8 on the file being edited (often through stdin with
``--stdin-display-name``). The wiring index loads the composition roots and types modules
from disk itself, so the answer must be the one a whole-project pylint run gives.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from fixture_trees import FIXTURES, TreeResults
from frontends import SEP

TREE = FIXTURES / "wiring"
SERVICE_FILES = [
    "backend/services/pxl601_service_without_factory_bad.py",
    "backend/services/pxl601_service_without_factory_good.py",
    "backend/services/pxl602_service_without_dependency_alias_bad.py",
    "backend/services/pxl602_service_without_dependency_alias_good.py",
]
WIRING_CODES = {"PXL601", "PXL602"}


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    return env


def _flake8(*args: str, stdin: str | None = None) -> set[tuple[int, str]]:
    proc = subprocess.run(
        [sys.executable, "-m", "flake8", "--isolated", "--select=PXL6",
         f"--format=%(path)s{SEP}%(row)d{SEP}%(code)s{SEP}%(text)s", *args],
        cwd=TREE, input=stdin, capture_output=True, text=True, env=_env(), check=False,
    )
    assert proc.returncode in (0, 1) and "Traceback" not in proc.stderr, proc.stderr[-4000:]
    found = set()
    for line in proc.stdout.splitlines():
        parts = line.split(SEP)
        if len(parts) >= 4 and parts[2] in WIRING_CODES:
            found.add((int(parts[1]), parts[2]))
    return found


def _whole_project_pylint(tree_results: TreeResults, relative: str) -> set[tuple[int, str]]:
    results = tree_results.get("pylint", TREE).get(str((TREE / relative).resolve()), set())
    return {(line, code) for line, code in results if code in WIRING_CODES}


@pytest.mark.parametrize("relative", SERVICE_FILES)
def test_flake8_on_one_service_file_matches_whole_project_pylint(
    relative: str, tree_results: TreeResults
) -> None:
    expected = _whole_project_pylint(tree_results, relative)
    assert _flake8(relative) == expected
    if relative.endswith("_bad.py"):
        assert expected, f"{relative}: the bad fixture must produce a wiring finding"


@pytest.mark.parametrize("relative", SERVICE_FILES)
def test_flake8_on_stdin_with_display_name_matches_whole_project_pylint(
    relative: str, tree_results: TreeResults
) -> None:
    source = (TREE / relative).read_text(encoding="utf-8")
    assert _flake8(f"--stdin-display-name={relative}", "-", stdin=source) == _whole_project_pylint(
        tree_results, relative
    )


def test_unsaved_service_in_an_editor_buffer_is_checked_against_the_project_on_disk() -> None:
    """A new service typed into an editor (not yet on disk) has no factory and no alias."""
    source = (
        '"""Draft."""\n\nfrom backend.services.base import BaseService\n\n'
        '__all__ = ["DraftService"]\n\n\n'
        "class DraftService(BaseService):\n    \"\"\"Not wired yet.\"\"\"\n"
    )
    assert _flake8("--stdin-display-name=backend/services/draft.py", "-", stdin=source) == {
        (8, "PXL601"), (8, "PXL602"),
    }
