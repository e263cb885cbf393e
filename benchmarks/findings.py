"""Snapshot the CLI's findings on the benchmark corpora, to prove an optimisation changed none.

    .venv/bin/python benchmarks/findings.py /tmp/before        # before the change
    .venv/bin/python benchmarks/findings.py /tmp/after         # after it
    diff -r /tmp/before /tmp/after                             # must print nothing

Each corpus is copied (with its layout from ``benchmarks/corpora/``) into a temporary
directory and checked with ``pixcrawler-lint check --jobs=1 --format=json``; the findings are
written sorted, one JSON object a line, with paths relative to the copy.
``--only dispatch,legacy`` limits the corpora.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
CLI_MAIN = "import sys; from pixcrawler_lint.cli import main; sys.exit(main())"

# name: (source root, packages, pyproject.toml to use)
CORPORA: dict[str, tuple[Path, list[str], Path | None]] = {
    "dispatch": (Path("/tmp/corpora/dispatch/src"), ["dispatch"], HERE / "corpora" / "dispatch.toml"),
    "fullstack": (Path("/tmp/corpora/fullstack/backend"), ["app"], HERE / "corpora" / "fullstack.toml"),
    "legacy": (REPO / "examples" / "legacy", ["backend", "builder"], REPO / "examples" / "legacy" / "pyproject.toml"),
    "backend": (REPO, ["backend"], None),
}


def snapshot(name: str, out: Path) -> None:
    source, packages, config = CORPORA[name]
    with tempfile.TemporaryDirectory(prefix=f"pxl-findings-{name}-") as tmp:
        tree = Path(tmp)
        for package in packages:
            shutil.copytree(source / package, tree / package, ignore=shutil.ignore_patterns("__pycache__"))
        if config is not None:
            shutil.copyfile(config, tree / "pyproject.toml")
        started = time.perf_counter()
        proc = subprocess.run([sys.executable, "-c", CLI_MAIN, "check", "--jobs=1", "--format=json", "-q", *packages],
                              cwd=tree, capture_output=True, text=True, check=False)
        elapsed = time.perf_counter() - started
        if proc.returncode not in (0, 1):
            raise SystemExit(f"{name}: exit {proc.returncode}\n{proc.stderr[-2000:]}")
        data = json.loads(proc.stdout)
        findings = data if isinstance(data, list) else data.get("findings", data)
        for finding in findings:
            finding.pop("absolute_path", None)  # the temporary directory differs run to run
        lines = sorted(json.dumps(f, sort_keys=True) for f in findings)
        (out / f"{name}.jsonl").write_text("".join(line + "\n" for line in lines), encoding="utf-8")
        print(f"{name}: {len(lines)} findings, {elapsed:.1f} s wall", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--only", default=",".join(CORPORA))
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for name in [n.strip() for n in args.only.split(",") if n.strip()]:
        snapshot(name, args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
