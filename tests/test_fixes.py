"""``check --fix``: every bad fixture of a fixable rule, fixed in a copy of its tree, re-lints
clean of that rule, still parses, gains no finding, and a second run changes nothing."""

from __future__ import annotations

import ast
import io
import re
import shutil
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from pixcrawler_lint.cli.main import main
from pixcrawler_lint.engine import lint_file
from pixcrawler_lint.findings import Finding, Severity
from pixcrawler_lint.fixes.catalog import FIXABLE, Safety
from pixcrawler_lint.fixes.edits import Edit, Fix, apply_fixes

FIXTURES = Path(__file__).resolve().parent / "fixtures"
# PXL403 is fixed only when the message names one certain method.
CERTAIN_METHOD = re.compile(r"has no method \w+\(\): use .+\.\w+\(\.\.\.\)$")


def _code(path: Path) -> str:
    return "PXL" + path.name[3:6]


BAD = sorted(path for path in FIXTURES.glob("*/**/pxl*_bad.py") if _code(path) in FIXABLE)


@pytest.fixture(scope="module")
def tree_copies(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """One copy per fixture tree for the whole module: each test fixes a different file of it,
    and the astroid cache of a tree stays warm across its tests (BAD is grouped by tree)."""
    return {}


def _shared_copy(bad: Path, copies: dict[str, Path], factory: pytest.TempPathFactory) -> Path:
    tree = FIXTURES / bad.relative_to(FIXTURES).parts[0]
    if tree.name not in copies:
        copies[tree.name] = factory.mktemp("trees") / tree.name
        shutil.copytree(tree, copies[tree.name], ignore=shutil.ignore_patterns("__pycache__"))
        _select_fixable_rules(copies[tree.name] / "pyproject.toml")
    return copies[tree.name] / bad.relative_to(tree)


def _select_fixable_rules(pyproject: Path) -> None:
    """A configured layout runs the ``recommended`` preset, which leaves some fixable house rules
    out; the copy selects them all (when its table is the last one, so the key lands in it)."""
    text = pyproject.read_text(encoding="utf-8") if pyproject.is_file() else ""
    tables = re.findall(r"^\[([^\]]+)\]", text, re.MULTILINE)
    if tables and tables[-1] == "tool.pixcrawler_lint" and "select" not in text:
        codes = ", ".join(f'"{code}"' for code in sorted(FIXABLE))
        pyproject.write_text(text.rstrip("\n") + f"\nextend-select = [{codes}]\n", encoding="utf-8")


@pytest.fixture
def pristine(tree_copies: dict[str, Path], tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest):
    """``pristine("pxl207_untyped_current_user")``: a fresh copy of that bad fixture, as a new
    file beside it in the shared tree copy (its tree's astroid cache stays warm)."""
    def make(prefix: str) -> Path:
        bad = next(path for path in BAD if path.name.startswith(prefix))
        target = _shared_copy(bad, tree_copies, tmp_path_factory)
        fresh = target.with_name(f"{bad.stem}_{request.node.name}.py")
        fresh.write_text(bad.read_text(encoding="utf-8"), encoding="utf-8")
        return fresh
    return make


def _run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(["check", "--no-contracts", *args], stdout=out, stderr=err)
    return status, out.getvalue(), err.getvalue()


def _fixable(findings: list[Finding], code: str) -> list[Finding]:
    found = [f for f in findings if f.code == code]
    if code == "PXL403":
        found = [f for f in found if CERTAIN_METHOD.search(f.message)]
    return found


def test_every_fixable_rule_has_a_bad_fixture() -> None:
    assert {_code(path) for path in BAD} == set(FIXABLE)


@pytest.mark.parametrize("bad", BAD, ids=[path.stem for path in BAD])
def test_bad_fixture_is_fixed(
    bad: Path, tree_copies: dict[str, Path], tmp_path_factory: pytest.TempPathFactory
) -> None:
    target = _shared_copy(bad, tree_copies, tmp_path_factory)
    code = _code(bad)
    before = lint_file(target)
    if not [f for f in before if f.code == code]:
        pytest.skip(f"the engine reports no {code} in {bad.name} on its own (rule selection of its tree)")
    assert _fixable(before, code), f"{bad.name} has no fixable {code} finding"
    original = target.read_text(encoding="utf-8")

    status, _, err = _run("--fix", "--unsafe-fixes", str(target))
    assert status in (0, 1), err
    fixed = target.read_text(encoding="utf-8")
    assert fixed != original
    ast.parse(fixed)
    after = lint_file(target)
    assert _fixable(after, code) == []
    # No code gains a finding; the comments survive.
    gained = Counter(f.code for f in after) - Counter(f.code for f in before)
    assert not gained, f"the fixes added {dict(gained)}"
    if code != "PXL205":  # a status import left without names goes, comment and all
        assert fixed.count("# expect:") == original.count("# expect:")

    # Idempotent: a second run has nothing to change.
    status, diff, _ = _run("--diff-fixes", "--unsafe-fixes", str(target))
    assert (status, diff) == (0, "")
    assert target.read_text(encoding="utf-8") == fixed


def test_diff_fixes_prints_without_writing(pristine: Callable[[str], Path]) -> None:
    target = pristine("pxl502_column_called")
    original = target.read_text(encoding="utf-8")
    status, diff, _ = _run("--diff-fixes", str(target))
    assert status == 1
    assert "-            entry.created_at().isoformat()" in diff
    assert "+            entry.created_at.isoformat()" in diff
    assert target.read_text(encoding="utf-8") == original


def test_unsafe_fixes_need_the_flag(pristine: Callable[[str], Path]) -> None:
    target = pristine("pxl207_untyped_current_user")
    original = target.read_text(encoding="utf-8")
    _run("--fix", str(target))
    assert target.read_text(encoding="utf-8") == original
    _run("--fix", "--unsafe-fixes", str(target))
    assert "current_user: CurrentUser" in target.read_text(encoding="utf-8")
    assert FIXABLE["PXL207"] is Safety.UNSAFE and FIXABLE["PXL204"] is Safety.SAFE


def test_noqa_lines_are_left_alone(pristine: Callable[[str], Path]) -> None:
    target = pristine("pxl205_unaliased_status_import")
    source = (
        '"""A silenced import."""\n\n'
        "from fastapi import APIRouter, status  # noqa: PXL205\n\n"
        '__all__ = ["router", "OK"]\n\n'
        "router = APIRouter()\n"
        "OK = status.HTTP_200_OK\n"
    )
    target.write_text(source, encoding="utf-8")
    status, _, _ = _run("--fix", str(target))
    assert status == 0
    assert target.read_text(encoding="utf-8") == source


def test_status_parameter_is_never_renamed(pristine: Callable[[str], Path]) -> None:
    target = pristine("pxl204_shadowed_status_module")
    _run("--fix", str(target))
    fixed = target.read_text(encoding="utf-8")
    assert "    status: ProjectStatus | None = None,\n" in fixed
    assert "if status is ProjectStatus.ARCHIVED and expected:" in fixed
    assert "raise HTTPException(status_code=http_status.HTTP_400_BAD_REQUEST)" in fixed
    assert "from fastapi import status as http_status\n" in fixed
    assert "from fastapi import APIRouter, HTTPException  # expect: PXL205" in fixed
    # the alias itself is a parameter there: the module's full name reaches it
    assert "return fastapi.status.HTTP_200_OK" in fixed


def test_operation_ids_are_unique_in_the_app(pristine: Callable[[str], Path]) -> None:
    target = pristine("pxl201_missing_operation_id")
    _run("--fix", str(target))
    ids = re.findall(r'operation_id="(\w+)"', target.read_text(encoding="utf-8"))
    assert len(ids) == 3 and len(set(ids)) == 3
    assert [re.sub(r"\d+$", "", i) for i in ids] == ["listProjects", "health", "echo"]
    others = [p for p in target.parents[4].rglob("*.py") if p != target]
    used = {i for p in others for i in re.findall(r'operation_id="(\w+)"', p.read_text(encoding="utf-8"))}
    assert "listProjects" in used and not set(ids) & used


def test_dict_literal_becomes_keywords(pristine: Callable[[str], Path]) -> None:
    target = pristine("pxl401_repository_create_positional")
    source = target.read_text(encoding="utf-8").replace(
        "self.crawl_job_repo.create(crawl_job_data)",
        'self.crawl_job_repo.create({"user_id": user_id, "keywords": ",".join(keywords)})',
    )
    target.write_text(source, encoding="utf-8")
    _run("--fix", str(target))
    fixed = target.read_text(encoding="utf-8")
    assert 'self.crawl_job_repo.create(user_id=user_id, keywords=",".join(keywords))' in fixed
    assert "self.repository.create(**notification_in.model_dump())" in fixed


def _finding(line: int) -> Finding:
    return Finding("x.py", line, 0, "PXL502", "column-called", "m", Severity.ERROR)


def test_overlapping_fixes_wait_for_the_next_pass() -> None:
    source = "a = f()\nb = g()\n"
    first = Fix(_finding(1), "one", (Edit((1, 4), (1, 7), "f"),))
    overlapping = Fix(_finding(1), "two", (Edit((1, 5), (1, 7), ""),))
    other_line = Fix(_finding(2), "three", (Edit((2, 5), (2, 7), ""),))
    same_import = Fix(_finding(2), "four", (Edit((1, 0), (1, 0), "import x\n"),))
    again = Fix(_finding(1), "five", (Edit((1, 0), (1, 0), "import x\n"),))
    text, applied = apply_fixes(source, [first, overlapping, other_line, same_import, again])
    assert [fix.title for fix in applied] == ["one", "three", "four", "five"]
    assert text == "import x\na = f\nb = g\n"
