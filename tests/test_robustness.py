"""Odd and hostile inputs through the engine and every front end: no crash, no internal error.

The inputs sit in a PixCrawler layout so that the layer rules run on them: hand-written
cases in ``tests/fixtures_robustness`` (import cycles across layers, star imports, metaclasses,
decorators that replace functions, conditional definitions, ``TYPE_CHECKING`` blocks, bases that
do not linearise) plus inputs generated here because they are unreadable, huge or deep (syntax
errors, undecodable bytes, a BOM, an empty file, a 20,000-line module, expressions nested past
astroid's recursion limit, Union/Annotated chains hundreds of members long).

Every front end must finish without a traceback, report no ``PXL900`` internal error, report
only registered rule codes, and agree with the engine file by file. Where the right answer is
clear (an upward import in a cycle, in a BOM file, under ``TYPE_CHECKING``), it must be found.
"""

from __future__ import annotations

import ast
import json
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from frontends import SEP, Results, _env, _parse, python_files, run_pylint

from pixcrawler_lint.engine import lint_file, lint_source
from pixcrawler_lint.flake8_plugin import PixcrawlerLintPlugin
from pixcrawler_lint.registry import rule_by_code

TREE = Path(__file__).resolve().parent / "fixtures_robustness"
ROUTE_COUNT = 1200  # 18 lines each: a module of more than 20,000 lines
CLI_MAIN = "import sys; from pixcrawler_lint.cli import main; sys.exit(main())"

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("robustness")]


def _huge_endpoint_module() -> str:
    head = [
        '"""Twenty thousand lines of routes."""',
        "",
        "from fastapi import APIRouter",
        "from fastapi import status as http_status",
        "",
        '__all__ = ["router"]',
        "",
        "router = APIRouter()",
    ]
    body: list[str] = []
    for i in range(ROUTE_COUNT):
        operation = "" if i % 100 == 99 else f'    operation_id="route{i}",'
        body += [
            "",
            "",
            "@router.post(",
            f'    "/r{i}",',
            "    response_model=int,",
            "    status_code=http_status.HTTP_201_CREATED,",
            f'    summary="Route {i}",',
            operation or "    # operation_id left out on purpose",
            ")",
            f"async def route_{i}(value: int) -> int:",
            f'    """Route number {i}."""',
            "    total = value",
            f"    for step in range({i % 7 + 1}):",
            "        total += step",
            "    if total > 10:",
            "        return total",
            f"    return value * {i}",
            "",
        ]
    return "\n".join(head + body).rstrip("\n") + "\n"


def _deep_module() -> str:
    members = [
        '"""Expressions nested about as deep as pyflakes (run by every flake8) still checks."""',
        "",
        "from backend.repositories.circular_repository import CircularRepository",
        "from backend.services.base import BaseService",
        "",
        '__all__ = ["DEEP_PARENS", "LONG_SUM", "NESTED_LISTS", "NESTED_CALLS", "LONG_CHAIN", "DeepService"]',
        "",
        "DEEP_PARENS = " + "(" * 180 + "1" + ")" * 180,
        "LONG_SUM = " + " + ".join(["1"] * 150),
        "NESTED_LISTS = " + "[" * 90 + "]" * 90,
        "NESTED_CALLS = " + "abs(" * 100 + "-1" + ")" * 100,
        "LONG_CHAIN = CircularRepository" + ".mro()[0]" * 100,
        "",
        "",
        "class DeepService(BaseService):",
        '    """A collaborator reached through a very long expression."""',
        "",
        "    def __init__(self, repo: CircularRepository) -> None:",
        "        super().__init__()",
        "        self.repo = repo",
        "",
        "    async def run(self) -> object:",
        '        """Calls on deeply nested receivers."""',
        "        value = " + " + ".join(["self.repo.create(name='x')"] * 100),
        "        return " + "(" * 150 + "self.repo" + ")" * 150 + ".create(" + "(" * 150 + "1" + ")" * 150 + ")",
    ]
    return "\n".join(members) + "\n"


def _huge_annotations_module() -> tuple[str, str, str]:
    classes = [f"T{i}" for i in range(400)]
    union = "Union[" + ", ".join(classes) + "]"
    # pyflakes (run by every flake8 invocation) recurses once per ``|``: 400 would crash flake8 itself.
    pipe = " | ".join(classes[:150])
    annotated = "int"
    for depth in range(60):
        annotated = f"Annotated[{annotated}, {depth}]"
    types_text = "\n".join([
        '"""Huge Union, PEP 604 and Annotated chains used as annotations."""',
        "",
        "from typing import Annotated, Union",
        "",
        '__all__ = ["BigUnion", "BigPipe", "DeepAnnotated", ' + ", ".join(f'"{c}"' for c in classes) + "]",
        "",
        *[f"class {c}:\n    \"\"\"Member {c}.\"\"\"\n" for c in classes],
        f"BigUnion = {union}",
        f"BigPipe = {pipe}",
        f"DeepAnnotated = {annotated}",
        "",
    ])
    endpoint_text = "\n".join([
        '"""Routes and services whose parameters carry huge annotations."""',
        "",
        "from typing import Annotated, Union",
        "",
        "from fastapi import APIRouter, Depends",
        "",
        "from backend.schemas.huge_types import BigPipe, BigUnion, DeepAnnotated, T0, T1",
        "",
        '__all__ = ["router", "inline_union"]',
        "",
        "router = APIRouter()",
        "",
        "",
        '@router.get("/u", response_model=int, summary="Union", operation_id="union")',
        "async def inline_union(",
        "    a: BigUnion, b: BigPipe, c: DeepAnnotated, d: Union[T0, T1],",
        "    e: Annotated[T0 | T1, Depends(lambda: None)],",
        ") -> int:",
        '    """Every parameter is a big type."""',
        "    return 0",
        "",
    ])
    service_text = "\n".join([
        '"""A service whose collaborators are typed with the huge aliases."""',
        "",
        "from backend.schemas.huge_types import BigPipe, BigUnion, DeepAnnotated",
        "from backend.services.base import BaseService",
        "",
        '__all__ = ["HugeTypedService"]',
        "",
        "",
        "class HugeTypedService(BaseService):",
        '    """Collaborators whose class cannot be one class."""',
        "",
        "    def __init__(self, repo: DeepAnnotated, other: BigUnion, third: BigPipe) -> None:",
        "        super().__init__()",
        "        self.repo, self.other, self.third = repo, other, third",
        "",
        "    def run(self) -> None:",
        '        """Calls on the collaborators."""',
        "        self.repo.create(1)",
        "        self.other.update(2, x=3)",
        "        self.third.anything()",
        "",
    ])
    return types_text, endpoint_text, service_text


def _hostile_files() -> dict[str, bytes]:
    types_text, endpoint_text, service_text = _huge_annotations_module()
    return {
        "backend/services/syntax_error.py": b'"""Does not parse."""\n\ndef broken(:\n    pass\n',
        "backend/services/non_utf8.py": b'"""Latin-1 bytes without a coding cookie."""\nNAME = "caf\xe9"\n',
        "backend/services/latin1_cookie.py": (
            b'# -*- coding: latin-1 -*-\n"""Latin-1 declared."""\n__all__ = ["NAME"]\nNAME = "caf\xe9"\n'
        ),
        "backend/services/with_bom.py": (
            b'\xef\xbb\xbf"""A BOM, then an upward import on line 3."""\n\n'
            b"from backend.api.types import CurrentUser\n\n"
            b'__all__ = ["CurrentUser"]\n'
        ),
        "backend/services/empty.py": b"",
        "backend/services/nul_byte.py": b'"""A NUL byte."""\nx = 1\x00\n',
        "backend/services/tabs_and_spaces.py": b'"""Inconsistent indentation."""\nif True:\n\tx = 1\n        y = 2\n',
        "backend/services/deep.py": _deep_module().encode(),
        "backend/schemas/huge_types.py": types_text.encode(),
        "backend/api/v1/endpoints/huge_annotations.py": endpoint_text.encode(),
        "backend/services/huge_typed.py": service_text.encode(),
        "backend/api/v1/endpoints/twenty_thousand_lines.py": _huge_endpoint_module().encode(),
    }


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hand-written cases plus the generated hostile files, in one project."""
    root = tmp_path_factory.mktemp("robustness") / "project"
    shutil.copytree(TREE, root, ignore=shutil.ignore_patterns("__pycache__"))
    for relative, data in _hostile_files().items():
        (root / relative).write_bytes(data)
    return root


def run_flake8(root: Path) -> Results:
    """Real flake8 with the plugin over ``root``; a plugin that fails aborts flake8's whole run.

    flake8 then prints ``"<plugin>" failed during execution`` without a traceback and exits 1,
    which must not pass for "no findings".
    """
    proc = subprocess.run(
        [sys.executable, "-m", "flake8", "--isolated", "--select=PXL",
         f"--format=%(path)s{SEP}%(row)d{SEP}%(code)s{SEP}%(text)s", "."],
        cwd=root, capture_output=True, text=True, env=_env(), check=False, timeout=900,
    )
    if proc.returncode not in (0, 1) or "Traceback" in proc.stderr or "failed during execution" in proc.stderr:
        raise AssertionError(f"flake8 failed ({proc.returncode}):\n{proc.stderr[-4000:]}")
    return _parse(proc.stdout, root, symbol_field=False)


def run_cli(root: Path) -> Results:
    """The ``pixcrawler-lint check`` command line, JSON output, in a subprocess.

    ``--extend-ignore=PXL903``: the other front ends report unparseable files with their own
    codes (E999, E0001); :func:`test_cli_reports_unparseable_files_as_pxl903` checks PXL903.
    """
    proc = subprocess.run(
        [sys.executable, "-c", CLI_MAIN, "check", "--format=json", "--quiet", "--no-contracts",
         "--extend-ignore=PXL903", "backend"],
        cwd=root, capture_output=True, text=True, check=False, timeout=900,
    )
    if proc.returncode not in (0, 1) or "Traceback" in proc.stderr:
        raise AssertionError(f"pixcrawler-lint check failed ({proc.returncode}):\n{proc.stderr[-4000:]}")
    results: Results = {}
    for finding in json.loads(proc.stdout)["findings"]:
        key = str(Path(finding["absolute_path"]).resolve())
        results.setdefault(key, set()).add((finding["line"], finding["code"]))
    return results


def _cli_available() -> bool:
    try:
        import pixcrawler_lint.cli  # noqa: F401  pylint: disable=import-outside-toplevel,unused-import
    except ImportError:
        return False
    return True


ENGINE_SECONDS_PER_FILE = 120  # catches a hang, not a slowdown: the machine may be shared
engine_seconds: dict[str, float] = {}


def run_engine_timed(root: Path) -> Results:
    """The engine in-process over every file of ``root``, timing each file."""
    results: Results = {}
    for path in python_files(root):
        start = time.perf_counter()
        findings = lint_file(path)
        engine_seconds[str(path.relative_to(root))] = time.perf_counter() - start
        results[str(path.resolve())] = {(f.line, f.code) for f in findings}
    return results


FRONT_ENDS: dict[str, Callable[[Path], Results]] = {
    "engine": run_engine_timed, "flake8": run_flake8, "pylint": run_pylint,
}
if _cli_available():
    FRONT_ENDS["cli"] = run_cli


@pytest.fixture(scope="module")
def results(tree: Path) -> dict[str, Results]:
    """Each front end once over the whole tree (a traceback fails the run inside the helper)."""
    return {name: run(tree) for name, run in FRONT_ENDS.items()}


def _registered(code: str) -> bool:
    return rule_by_code(code) is not None


@pytest.mark.parametrize("frontend", list(FRONT_ENDS))
def test_no_internal_error_and_only_known_codes(results: dict[str, Results], frontend: str, tree: Path) -> None:
    found = results[frontend]
    # pylint's own E0001 syntax-error shares PXL903's symbol, so it reads as PXL903: not internal.
    internal = {path: codes for path, codes in found.items()
                if any(code.startswith("PXL9") and code != "PXL903" for _, code in codes)}
    assert internal == {}, f"{frontend} reported internal errors: {internal}"
    unknown = {code for codes in found.values() for _, code in codes if not _registered(code)}
    assert unknown == set(), f"{frontend} reported unregistered codes {unknown}"


@pytest.mark.parametrize("frontend", [name for name in FRONT_ENDS if name != "engine"])
def test_front_ends_agree_with_engine(results: dict[str, Results], frontend: str, tree: Path) -> None:
    for path in python_files(tree):
        key = str(path.resolve())
        engine = sorted(results["engine"].get(key, set()))
        other = sorted(f for f in results[frontend].get(key, set()) if f[1] != "PXL903")  # pylint's E0001
        assert other == engine, f"{frontend} disagrees with the engine on {path.relative_to(tree)}"


UNREADABLE = [
    "backend/services/syntax_error.py",
    "backend/services/non_utf8.py",
    "backend/services/empty.py",
    "backend/services/nul_byte.py",
    "backend/services/tabs_and_spaces.py",
]


@pytest.mark.parametrize("relative", UNREADABLE)
def test_unreadable_files_yield_nothing(tree: Path, relative: str) -> None:
    """The host tool reports syntax and decoding errors; the engine adds nothing, not even PXL604."""
    assert lint_file(tree / relative) == []


def test_cli_reports_unparseable_files_as_pxl903(tree: Path) -> None:
    """The CLI gate must not pass a file that does not parse: one PXL903 each, no PXL900."""
    proc = subprocess.run(
        [sys.executable, "-c", CLI_MAIN, "check", "--format=json", "--quiet", "--select=PXL9", "backend"],
        cwd=tree, capture_output=True, text=True, check=False, timeout=900,
    )
    assert proc.returncode == 1, proc.stderr
    found = {(f["path"], f["code"]) for f in json.loads(proc.stdout)["findings"]}
    expected = {(relative, "PXL903") for relative in UNREADABLE if relative != "backend/services/empty.py"}
    assert found == expected


def test_latin1_file_with_a_coding_cookie_is_read(tree: Path) -> None:
    assert [f.code for f in lint_file(tree / "backend/services/latin1_cookie.py")] == []


@pytest.mark.skipif(not _registered("PXL101"), reason="PXL101 upward-import is not registered yet")
@pytest.mark.parametrize(
    ("relative", "line"),
    [
        ("backend/services/with_bom.py", 3),  # a BOM must not shift line numbers
        ("backend/repositories/circular_repository.py", 5),  # the upward half of a cross-layer cycle
        ("backend/services/type_checking.py", 10),  # TYPE_CHECKING imports count by default
    ],
)
@pytest.mark.parametrize("frontend", list(FRONT_ENDS))
def test_clear_upward_imports_are_found(results: dict[str, Results], tree: Path, relative: str, line: int, frontend: str) -> None:
    assert (line, "PXL101") in results[frontend].get(str((tree / relative).resolve()), set())


@pytest.mark.skipif(not _registered("PXL201"), reason="PXL201 is not registered")
def test_twenty_thousand_line_module_is_fully_checked(results: dict[str, Results], tree: Path) -> None:
    """Every tenth-of-a-percent route misses operation_id: all ten are found, none invented."""
    path = tree / "backend/api/v1/endpoints/twenty_thousand_lines.py"
    assert len(path.read_text().splitlines()) >= 20_000
    missing = {line for line, code in results["engine"][str(path.resolve())] if code == "PXL201"}
    expected = {
        number
        for number, text in enumerate(path.read_text().splitlines(), start=1)
        if text.startswith("async def route_") and int(text.split("_")[1].split("(")[0]) % 100 == 99
    }
    assert len(expected) == ROUTE_COUNT // 100
    assert missing == expected


def test_source_deeper_than_the_recursion_limit_yields_no_crash(tmp_path: Path) -> None:
    """A sum nested past Python's recursion limit parses in CPython but not in astroid.

    The engine and the flake8 plugin treat it as unparseable: nothing reported, nothing raised.
    The plugin is driven in-process because real flake8 aborts on this file before reaching it
    (pyflakes recurses per operator), and so does bare pylint (F0002 astroid-error).
    """
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "deep"\nversion = "0"\n')
    package = tmp_path / "backend" / "services"
    package.mkdir(parents=True)
    for directory in (tmp_path / "backend", package):
        (directory / "__init__.py").write_text('"""Package."""\n')
    source = "X = " + " + ".join(["1"] * (sys.getrecursionlimit() * 3)) + "\n"
    path = package / "deeper.py"
    path.write_text(source)
    assert lint_source(source, str(path)) == []
    assert lint_file(path) == []
    plugin = PixcrawlerLintPlugin(tree=None, filename=str(path), lines=source.splitlines(keepends=True))
    assert list(plugin.run()) == []


def test_engine_finishes_each_file_in_bounded_time(results: dict[str, Results], tree: Path) -> None:
    """No input makes the engine hang: every file, even the 20,000-line one, under a generous bound."""
    assert len(engine_seconds) == len(python_files(tree))
    slow = {path: round(seconds, 1) for path, seconds in engine_seconds.items() if seconds > ENGINE_SECONDS_PER_FILE}
    assert slow == {}


BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def test_benchmark_generator_writes_parseable_backend(tmp_path: Path) -> None:
    """The benchmark's synthetic backend is valid Python with the violations it announces."""
    out = tmp_path / "tree"
    subprocess.run([sys.executable, str(BENCHMARKS / "generate.py"), "--resources", "3", "--out", str(out)],
                   check=True, capture_output=True, timeout=120)
    files = python_files(out)
    assert sum(path.stem in {"album_0", "annotation_1", "bucket_2"} for path in files) == 3 * 5
    for path in files:
        ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    announced = json.loads((out / "violations.json").read_text())
    assert announced == {"album_0": {}, "annotation_1": {}, "bucket_2": {"endpoint-no-operation-id": ["PXL201"]}}
    endpoint = (out / "backend/api/v1/endpoints/bucket_2.py").read_text()
    assert 'operation_id="deleteBucket2"' not in endpoint
    assert 'operation_id="createBucket2"' in endpoint


def test_benchmark_runner_smoke(tmp_path: Path) -> None:
    """The benchmark script runs end to end on a tiny tree (cheap tools only, one repeat)."""
    proc = subprocess.run(
        [sys.executable, str(BENCHMARKS / "run.py"), "--resources", "1", "--scale", "2", "--repeat", "1",
         "--only", "flake8", "--reference", str(tmp_path / "none"), "--json", str(tmp_path / "bench.json")],
        capture_output=True, text=True, timeout=600, check=False,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "growth 1x->2x flake8" in proc.stdout
    figures = json.loads((tmp_path / "bench.json").read_text())
    assert set(figures["measurements"]) == {"flake8[1x]", "flake8[2x]"}
    assert all(m["failure"] is None and m["cpu_median"] > 0 for m in figures["measurements"].values())
