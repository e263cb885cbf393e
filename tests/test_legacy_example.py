"""The legacy example (``examples/legacy``) through every front end: exactly its ``# expect:`` marks.

The example is the PixCrawler backend as it was before the architecture review. Every line
that must produce a finding carries ``# expect: PXLnnn``; every front end of ``FRONT_ENDS`` (the
engine, the flake8 plugin, the pylint plugin, the CLI) must report exactly that ``(line, code)``
set, file by file; the marks must cover every rule of the v1 catalog, and the README table must
list exactly the marked locations.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fixture_trees import TreeResults
from expectations import parse_expectations
from frontends import FRONT_ENDS, python_files

LEGACY = Path(__file__).resolve().parent.parent / "examples" / "legacy"
FILES = python_files(LEGACY)

# The v1 rule catalog of SPEC.md (PXL9xx are internal and never expected).
CATALOG = (
    [f"PXL1{n:02d}" for n in range(1, 6)]
    + [f"PXL2{n:02d}" for n in range(1, 12)]
    + [f"PXL3{n:02d}" for n in range(1, 5)]
    + [f"PXL4{n:02d}" for n in range(1, 7)]
    + [f"PXL5{n:02d}" for n in range(1, 4)]
    + [f"PXL6{n:02d}" for n in range(1, 5)]
)

ITEMS = [
    pytest.param(path, id=str(path.relative_to(LEGACY)), marks=pytest.mark.xdist_group("examples-legacy"))
    for path in FILES
]


def _describe(path: Path, expected: set[tuple[int, str]], actual: set[tuple[int, str]]) -> str:
    lines = path.read_text(encoding="utf-8").splitlines()
    out = []
    for label, pairs in (("missing", expected - actual), ("unexpected", actual - expected)):
        for line, code in sorted(pairs):
            text = lines[line - 1].strip() if 0 < line <= len(lines) else ""
            out.append(f"  {label} {code} at {path.relative_to(LEGACY)}:{line}: {text}")
    return "\n".join(out)


def test_example_layout() -> None:
    assert (LEGACY / "backend" / "__init__.py").is_file()
    assert not (LEGACY / "__init__.py").exists(), "examples/legacy is the package root"
    assert not (LEGACY.parent / "__init__.py").exists()
    for directory in (LEGACY / "backend", LEGACY / "builder"):
        for sub in [directory, *[p for p in directory.rglob("*") if p.is_dir() and p.name != "__pycache__"]]:
            assert (sub / "__init__.py").is_file(), f"{sub} is not a package"


def test_marks_cover_the_whole_catalog() -> None:
    marked = {code for path in FILES for _, code in parse_expectations(path)}
    assert sorted(set(CATALOG) - marked) == [], "rules without a violation in the legacy example"
    assert sorted(marked - set(CATALOG)) == [], "marks naming codes outside the catalog"


@pytest.mark.parametrize("frontend", list(FRONT_ENDS))
@pytest.mark.parametrize("path", ITEMS)
def test_legacy_findings(path: Path, frontend: str, tree_results: TreeResults) -> None:
    expected = parse_expectations(path)
    actual = tree_results.get(frontend, LEGACY).get(str(path.resolve()), set())
    assert actual == expected, f"{frontend} on {path.relative_to(LEGACY)}:\n" + _describe(path, expected, actual)


@pytest.mark.parametrize("frontend", list(FRONT_ENDS))
def test_no_findings_outside_the_example_files(frontend: str, tree_results: TreeResults) -> None:
    known = {str(path.resolve()) for path in FILES}
    stray = {path: found for path, found in tree_results.get(frontend, LEGACY).items() if path not in known and found}
    assert stray == {}


def test_readme_table_matches_the_marks() -> None:
    """``examples/legacy/README.md`` lists, per code, exactly the marked file:line locations."""
    location = re.compile(r"`([\w./-]+\.py):([\d,]+)`")
    table: dict[str, set[tuple[str, int]]] = {}
    for row in (LEGACY / "README.md").read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in row.split("|")]
        if len(cells) > 3 and re.fullmatch(r"PXL\d{3}", cells[1]):
            table[cells[1]] = {
                (path, int(line)) for path, lines in location.findall(cells[3]) for line in lines.split(",")
            }
    marks: dict[str, set[tuple[str, int]]] = {}
    for path in FILES:
        for line, code in parse_expectations(path):
            marks.setdefault(code, set()).add((str(path.relative_to(LEGACY)), line))
    assert table == marks
