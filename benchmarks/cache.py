"""The persistent cache, measured: a second ``check`` of an unchanged tree against the first,
what a one-file edit re-lints, ``-j 2`` against ``-j 1``, two project roots in one run.

    .venv/bin/python benchmarks/cache.py --tree /tmp/tree [--tree /tmp/corpora/dispatch/src] --repeat 3

Each ``check`` runs in its own process; CPU time is user + sys of that process (``wait4``),
so other load on the machine does not count; wall time is printed too. A tree is copied into a
temporary folder first (the cache is written beside the project, never into the original).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CLI = [sys.executable, "-m", "pixcrawler_lint.cli", "check", "-q", "--format", "json"]
# Byte-code as on a user's machine: pip compiles what it installs, and an editable install
# compiles on first import, unless PYTHONDONTWRITEBYTECODE is set (some sandboxes set it; then
# every run recompiles the linter's ~170 modules, ~0.9 s of CPU, and the warm figure is mostly that).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def run_cpu(cwd: Path, *extra: str) -> tuple[float, float, dict[str, int]]:
    """(CPU seconds, wall seconds, JSON summary) of one ``check``; CPU from the children's rusage."""
    import resource  # pylint: disable=import-outside-toplevel

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run([*CLI, *extra], cwd=cwd, capture_output=True, check=False, env=ENV)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"check failed ({proc.returncode}): {proc.stderr.decode()[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall, json.loads(proc.stdout)["summary"]


def median(values: list[float]) -> float:
    return statistics.median(values)


def cold_and_warm(tree: Path, repeat: int, *extra: str) -> tuple[float, float, float, float]:
    cold_cpu, cold_wall, warm_cpu, warm_wall = [], [], [], []
    for _ in range(repeat):
        shutil.rmtree(tree / ".pixcrawler_lint_cache", ignore_errors=True)
        cpu, wall, _ = run_cpu(tree, *extra, ".")
        cold_cpu.append(cpu)
        cold_wall.append(wall)
        cpu, wall, summary = run_cpu(tree, *extra, ".")
        assert summary["cached"] == summary["files"], summary
        warm_cpu.append(cpu)
        warm_wall.append(wall)
    return median(cold_cpu), median(cold_wall), median(warm_cpu), median(warm_wall)


def edit_relints(tree: Path, relative: str) -> tuple[int, int, float]:
    """(files re-linted, files, cpu) after appending a comment to ``relative``."""
    run_cpu(tree, ".")
    path = tree / relative
    path.write_text(path.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    cpu, _, summary = run_cpu(tree, ".")
    return summary["files"] - summary["cached"], summary["files"], cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tree", type=Path, action="append", required=True, help="project root (repeatable)")
    parser.add_argument("--edit", action="append", default=[], help="file to edit, relative to the tree (repeatable)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="pxl-cache-bench-") as scratch:
        copies = []
        for number, tree in enumerate(args.tree):
            copy = Path(scratch) / f"tree{number}"
            shutil.copytree(tree, copy, ignore=shutil.ignore_patterns("__pycache__", ".pixcrawler_lint_cache"))
            copies.append(copy)
        print("| tree | files | first check CPU s (wall) | second check CPU s (wall) | second/first |")
        print("|---|---:|---:|---:|---:|")
        for tree, copy in zip(args.tree, copies):
            files = run_cpu(copy, "--no-cache", ".")[2]["files"]
            cold, cold_wall, warm, warm_wall = cold_and_warm(copy, args.repeat, "-j", "1")
            print(f"| {tree} | {files} | {cold:.2f} ({cold_wall:.2f}) | {warm:.2f} ({warm_wall:.2f}) "
                  f"| {100 * warm / cold:.1f}% |")
        print()
        print("| tree | edited file | re-linted / files | CPU s |")
        print("|---|---|---:|---:|")
        for relative in args.edit:
            for tree, copy in zip(args.tree, copies):
                if (copy / relative).is_file():
                    relinted, files, cpu = edit_relints(copy, relative)
                    print(f"| {tree} | `{relative}` | {relinted} / {files} | {cpu:.2f} |")
        print()
        print("| tree | -j 1 cold CPU (wall) | -j 2 cold CPU (wall) | -j 1 warm wall | -j 2 warm wall |")
        print("|---|---:|---:|---:|---:|")
        for tree, copy in zip(args.tree, copies):
            one = cold_and_warm(copy, 1, "-j", "1")
            two = cold_and_warm(copy, 1, "-j", "2")
            print(f"| {tree} | {one[0]:.2f} ({one[1]:.2f}) | {two[0]:.2f} ({two[1]:.2f}) "
                  f"| {one[3]:.2f} | {two[3]:.2f} |")
        if len(copies) > 1:
            separate = [run_cpu(copy, "--no-cache", "-j", "1", ".") for copy in copies]
            together = run_cpu(Path(scratch), "--no-cache", "-j", "1", *[str(c) for c in copies])
            print()
            print(f"Roots one by one: {sum(c for c, _, _ in separate):.2f} s CPU; "
                  f"all in one run: {together[0]:.2f} s CPU (--no-cache, -j 1).")


if __name__ == "__main__":
    main()
