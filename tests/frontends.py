"""Run the engine and every front end over a directory and collect ``(line, code)`` per file.

The flake8 and pylint front ends run for real, in a subprocess, once per fixture tree; the
results are keyed by absolute file path so that one run serves every file test of the tree.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

from pixcrawler_lint.engine import lint_file
from pixcrawler_lint.registry import all_rules, rule_by_symbol

__all__ = ["Results", "run_engine", "run_flake8", "run_pylint", "run_cli", "python_files", "FRONT_ENDS"]

Results = dict[str, set[tuple[int, str]]]
SEP = "::"


def python_files(root: Path) -> list[Path]:
    """Every ``.py`` file below ``root``, sorted."""
    return sorted(p for p in root.rglob("*.py") if "__pycache__" not in p.parts)


def run_engine(root: Path) -> Results:
    """The engine in-process over every file of ``root``."""
    results: Results = defaultdict(set)
    for path in python_files(root):
        results[str(path.resolve())] |= {(f.line, f.code) for f in lint_file(path)}
    return results


def _parse(output: str, root: Path, symbol_field: bool) -> Results:
    results: Results = defaultdict(set)
    for line in output.splitlines():
        parts = line.split(SEP)
        if len(parts) < 4:
            continue
        path, row, ident = parts[0], parts[1], parts[2]
        if symbol_field:
            rule = rule_by_symbol(ident)
            if rule is None:
                continue
            ident = rule.code
        results[str((root / path).resolve())].add((int(row), ident))
    return results


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    return env


def run_flake8(root: Path, *extra: str) -> Results:
    """Real flake8 with the plugin, in a subprocess, over ``root``."""
    proc = subprocess.run(
        [sys.executable, "-m", "flake8", "--isolated", "--select=PXL", *extra,
         f"--format=%(path)s{SEP}%(row)d{SEP}%(code)s{SEP}%(text)s", "."],
        cwd=root, capture_output=True, text=True, env=_env(), check=False,
    )
    if proc.returncode not in (0, 1) or "Traceback" in proc.stderr:
        raise AssertionError(f"flake8 failed ({proc.returncode}):\n{proc.stderr[-4000:]}")
    return _parse(proc.stdout, root, symbol_field=False)


def pylint_symbols() -> str:
    """Every pixcrawler-lint message symbol, for ``--enable``."""
    return ",".join(rule.symbol for rule in all_rules())


def run_pylint(root: Path, *extra: str) -> Results:
    """Real pylint with the plugin (only our messages enabled), in a subprocess, over ``root``."""
    packages = sorted(p.name for p in root.iterdir() if (p / "__init__.py").is_file())
    modules = sorted(str(p.name) for p in root.glob("*.py"))
    with tempfile.NamedTemporaryFile("w", suffix=".rc", delete=False) as rcfile:
        rcfile.write("[MAIN]\n")
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "pylint", f"--rcfile={rcfile.name}", "--load-plugins=pixcrawler_lint",
             "--disable=all", f"--enable={pylint_symbols()}", "--persistent=n", "--score=n",
             "--jobs=1", f"--msg-template={{path}}{SEP}{{line}}{SEP}{{symbol}}{SEP}{{msg}}", *extra,
             *packages, *modules],
            cwd=root, capture_output=True, text=True, env=_env(), check=False,
        )
    finally:
        os.unlink(rcfile.name)
    if proc.returncode & 32 or "Traceback" in proc.stderr or "Traceback" in proc.stdout:
        raise AssertionError(f"pylint failed ({proc.returncode}):\n{proc.stdout[-4000:]}\n{proc.stderr[-4000:]}")
    return _parse(proc.stdout, root, symbol_field=True)


def run_cli(root: Path, *extra: str) -> Results:
    """The ``pixcrawler-lint check`` CLI, in a subprocess, over ``root`` (``--format json``; no
    cache: every run lints, and nothing is written into the fixture trees)."""
    proc = subprocess.run(
        [sys.executable, "-m", "pixcrawler_lint.cli", "check", ".", "--format=json", "--quiet", "--no-cache", *extra],
        cwd=root, capture_output=True, text=True, env=_env(), check=False,
    )
    if proc.returncode not in (0, 1) or "Traceback" in proc.stderr:
        raise AssertionError(f"pixcrawler-lint failed ({proc.returncode}):\n{proc.stderr[-4000:]}")
    results: Results = defaultdict(set)
    for finding in json.loads(proc.stdout)["findings"]:
        results[str(Path(finding["absolute_path"]).resolve())].add((finding["line"], finding["code"]))
    return results


FRONT_ENDS = {"engine": run_engine, "flake8": run_flake8, "pylint": run_pylint, "cli": run_cli}
