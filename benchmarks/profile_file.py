"""Where a cold single-file lint spends its time: astroid builds of libraries vs project vs rules.

    .venv/bin/python benchmarks/profile_file.py backend/api/v1/endpoints/policies.py
    .venv/bin/python benchmarks/profile_file.py backend        # every file below, one process

Run from the project root, in a fresh process, as an editor's flake8 would. Astroid builds are
timed exclusively (a build that triggers another build through a brain transform is charged
only its own share) and split by where the module lives: the project (under the current
directory) or installed libraries and the standard library. "rules" is what remains of the
engine's time; the per-rule figures are inclusive of the builds each rule triggered first.
"""

from __future__ import annotations

import os
import sys
import time
from collections import Counter
from pathlib import Path

START = time.process_time()

import astroid  # noqa: E402
from astroid.builder import AstroidBuilder  # noqa: E402

IMPORT_SECONDS = time.process_time() - START
_stack: list[float] = []
build_seconds: Counter[str] = Counter()
build_counts: Counter[str] = Counter()
_original_file_build = AstroidBuilder.file_build


def _kind(path: str) -> str:
    resolved = Path(path).resolve()
    inside = resolved.is_relative_to(Path.cwd().resolve()) and "site-packages" not in resolved.parts
    return "project" if inside else "libraries"


def timed_file_build(self: AstroidBuilder, path: str, modname: str | None = None) -> astroid.nodes.Module:
    """file_build, charging each module only the time not spent in builds it triggered."""
    started = time.process_time()
    _stack.append(0.0)
    try:
        return _original_file_build(self, path, modname)
    finally:
        nested = _stack.pop()
        total = time.process_time() - started
        kind = _kind(path)
        build_seconds[kind] += total - nested
        build_counts[kind] += 1
        if _stack:
            _stack[-1] += total


AstroidBuilder.file_build = timed_file_build  # type: ignore[method-assign]


def main(path: str) -> int:
    from pixcrawler_lint.engine import lint_module
    from pixcrawler_lint.modules import ParseError, activate_project_root, build_module, locate_module, read_source
    from pixcrawler_lint.registry import all_rules

    rules = all_rules()
    imported = time.process_time() - START
    files = sorted(Path(path).rglob("*.py")) if Path(path).is_dir() else [Path(path)]
    own_build = 0.0
    per_rule: Counter[str] = Counter()
    for file in files:
        location = locate_module(file)
        activate_project_root(location.root)
        started = time.process_time()
        try:
            # a tree is linted as the CLI does: a file another one imported is not built twice
            module = build_module(read_source(file), file, location.modname, on_disk=len(files) > 1)
        except ParseError:
            continue
        own_build += time.process_time() - started
        for rule in rules:
            started = time.process_time()
            lint_module(module, str(file), rules=[rule])
            per_rule[rule.code] += time.process_time() - started
    total = time.process_time() - START
    builds = sum(build_seconds.values())
    print(f"linted: {path} ({len(files)} files)")
    print(f"total CPU            {total:6.2f} s")
    print(f"  import astroid     {IMPORT_SECONDS:6.2f} s")
    print(f"  import engine+rules{imported - IMPORT_SECONDS:6.2f} s")
    print(f"  build linted files {own_build:6.2f} s (inclusive of builds their brain transforms trigger)")
    for kind in ("libraries", "project"):
        print(f"  builds of {kind:<9}{build_seconds[kind]:6.2f} s  ({build_counts[kind]} modules, exclusive)")
    print(f"  linted files + rules {total - imported - builds:4.2f} s (net of the builds above)")
    print("slowest rules (inclusive of the builds they triggered first):")
    for code, seconds in per_rule.most_common(int(os.environ.get("TOP", "6"))):
        print(f"  {code} {seconds:6.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1]))
