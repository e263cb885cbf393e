"""The engine over every module of the installed Python standard library: no internal error.

Each stdlib file is linted as if it lived in a layer of a PixCrawler project (the layer rotates
with the file's position in the sorted list), so the layer, endpoint, service, repository and
model rules all see real-world code. Test suites (``test``/``tests``/``idle_test`` directories),
``site-packages`` and ``lib2to3`` (mostly fixtures of Python 2 syntax) are left out.

The sweep lints every file (about 25 s on two cores since libraries are built lazily);
``PXL_STDLIB_STRIDE=K`` lints every K-th file of the sorted list instead, plus modules known to
stress astroid (``typing``, ``enum``, ``dataclasses``, ``asyncio.tasks``, ...), for a quick
local run. Files run in a process pool, each under a per-file time bound enforced with
``SIGALRM`` in the worker, so a hang fails the test instead of stalling it.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sysconfig
import time
from dataclasses import dataclass
from pathlib import Path
from types import FrameType

import pytest

from pixcrawler_lint.engine import lint_source
from pixcrawler_lint.modules import ParseError, read_source

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("stdlib-sweep")]

STDLIB = Path(sysconfig.get_paths()["stdlib"])
EXCLUDED_DIRS = frozenset({"test", "tests", "idle_test", "site-packages", "dist-packages", "lib2to3", "__pycache__"})
LAYER_DIRS = ("api/v1/endpoints", "services", "repositories", "models", "schemas")
SECONDS_PER_FILE = 120  # a hang, not a slow file: the machine may be shared with other jobs
STRIDE = max(1, int(os.environ.get("PXL_STDLIB_STRIDE", "1")))
ALWAYS = (
    "typing.py", "enum.py", "dataclasses.py", "abc.py", "functools.py", "collections/__init__.py",
    "asyncio/tasks.py", "argparse.py", "inspect.py", "ast.py", "contextlib.py", "unittest/mock.py",
)


def stdlib_files() -> list[Path]:
    """Every ``.py`` file of the standard library outside test suites, sorted."""
    return sorted(
        path
        for path in STDLIB.rglob("*.py")
        if not EXCLUDED_DIRS.intersection(path.relative_to(STDLIB).parts[:-1])
    )


class FileTimeout(BaseException):
    """Raised by the alarm in a worker; a BaseException so that no ``except Exception`` eats it."""


def _on_alarm(signum: int, frame: FrameType | None) -> None:
    raise FileTimeout()


@dataclass(frozen=True)
class Outcome:
    stdlib_path: str
    seconds: float
    problem: str | None  # None: linted without internal error


def lint_as_layer(task: tuple[int, str, str]) -> Outcome:
    """Lint one stdlib file as ``backend/<layer>/<name>.py`` of the project at ``root``."""
    index, stdlib_path, root = task
    relative = Path(stdlib_path).relative_to(STDLIB)
    name = "_".join(relative.with_suffix("").parts).replace("-", "_")
    target = Path(root) / "backend" / LAYER_DIRS[index % len(LAYER_DIRS)] / f"std_{name}.py"
    start = time.perf_counter()
    signal.signal(signal.SIGALRM, _on_alarm)
    signal.alarm(SECONDS_PER_FILE)
    try:
        try:
            source = read_source(stdlib_path)
        except ParseError:
            return Outcome(stdlib_path, 0.0, None)
        findings = lint_source(source, str(target))
        internal = [f.message for f in findings if f.code.startswith("PXL9")]
        problem = "; ".join(internal) if internal else None
    except FileTimeout:
        problem = f"no result after {SECONDS_PER_FILE} s"
    except Exception as exc:  # pylint: disable=broad-exception-caught  # the engine must never raise
        problem = f"engine raised {type(exc).__name__}: {exc}"
    finally:
        signal.alarm(0)
    return Outcome(stdlib_path, time.perf_counter() - start, problem)


def _project(root: Path) -> None:
    (root / "pyproject.toml").write_text('[project]\nname = "stdlib-sweep"\nversion = "0"\n')
    for layer in LAYER_DIRS:
        directory = root / "backend" / layer
        directory.mkdir(parents=True, exist_ok=True)
        while directory != root:
            (directory / "__init__.py").write_text('"""Package."""\n')
            directory = directory.parent


def swept_files() -> list[Path]:
    """Every stdlib file (every STRIDE-th one plus the ALWAYS modules when STRIDE > 1)."""
    files = stdlib_files()
    chosen = set(files[::STRIDE]) | {STDLIB / name for name in ALWAYS if (STDLIB / name) in set(files)}
    return sorted(chosen)


def test_stdlib_files_are_found() -> None:
    files = stdlib_files()
    assert len(files) > 300, f"only {len(files)} stdlib files under {STDLIB}"
    assert STDLIB / "asyncio" / "tasks.py" in files
    assert not any("test" in path.relative_to(STDLIB).parts[:-1] for path in files)
    assert set(swept_files()) >= {STDLIB / name for name in ALWAYS}


def test_engine_survives_the_standard_library(tmp_path: Path) -> None:
    _project(tmp_path)
    tasks = [(index, str(path), str(tmp_path)) for index, path in enumerate(swept_files())]
    workers = max(1, min(4, os.cpu_count() or 1))
    # fork keeps the warmed-up imports; each worker then builds and caches the stdlib once.
    with multiprocessing.get_context("fork").Pool(workers, maxtasksperchild=200) as pool:
        outcomes = list(pool.imap_unordered(lint_as_layer, tasks, chunksize=4))
    assert len(outcomes) == len(tasks)
    problems = {o.stdlib_path: o.problem for o in outcomes if o.problem}
    slowest = sorted(outcomes, key=lambda o: o.seconds, reverse=True)[:5]
    timings = ", ".join(f"{Path(o.stdlib_path).name} {o.seconds:.1f}s" for o in slowest)
    print(f"{len(outcomes)} stdlib files; slowest: {timings}")
    assert problems == {}, f"slowest: {timings}"
