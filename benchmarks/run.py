"""Benchmark pixcrawler-lint against bare pylint, bare flake8 and the astroid parse floor.

    .venv/bin/python benchmarks/run.py --resources 20 --repeat 5
    .venv/bin/python benchmarks/run.py --resources 2 --repeat 1 --json /tmp/bench.json   # smoke
    .venv/bin/python benchmarks/run.py --corpus /tmp/corpora/dispatch/src --config benchmarks/corpora/dispatch.toml
    .venv/bin/python benchmarks/run.py --corpus /tmp/corpora/fullstack/backend --config benchmarks/corpora/fullstack.toml --quick
    .venv/bin/python benchmarks/run.py --corpus . --packages backend --quick    # the reference backend

``--corpus PATH`` measures a real tree instead: the packages below PATH (``--packages``, default
every package directory but ``tests``) are copied with the ``--config`` pyproject.toml (default
PATH's own) into a temporary directory, never written in place. ``--quick`` keeps the figures the
targets need (CLI, pylint E+W, lazy and eager floor, cold flake8 on the largest views file) and
skips pylint with every default check; it combines with ``--repeat``.

In one run, on the same generated trees (``benchmarks/generate.py``, sizes 1x and ``--scale``x),
every tool runs in a fresh process (cold: no astroid cache, as in CI or an editor) and each
measurement is repeated ``--repeat`` times, interleaved so that a load spike on the machine
hits every tool alike. Reported per tool: median wall time, median CPU time (user + sys of the
process, far less sensitive to other load on the machine) and peak RSS (``wait4`` rusage of
that one process). Ratios are computed on medians, from CPU time by default (``--clock wall``
to use wall time); the targets come from issue 8.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402  (benchmarks/ is a script directory, not a package)
from workloads import python_files  # noqa: E402

PY = sys.executable
WORKLOADS = str(HERE / "workloads.py")
# The console script's entry point, run with this interpreter (argv[1:] reach main()).
CLI_MAIN = "import sys; from pixcrawler_lint.cli import main; sys.exit(main())"
REFERENCE_ROOT = HERE.parent  # the reference backend lives in <repo>/backend


@dataclass
class Sample:
    wall: float
    cpu: float
    max_rss_kb: int


@dataclass
class Measurement:
    """One tool on one input, run ``repeat`` times."""

    name: str
    argv: list[str]
    cwd: Path
    samples: list[Sample] = field(default_factory=list)
    failure: str | None = None

    def median(self, clock: str) -> float:
        return statistics.median(getattr(s, clock) for s in self.samples)

    @property
    def peak_rss_mb(self) -> float:
        return max(s.max_rss_kb for s in self.samples) / 1024


def run_once(measurement: Measurement) -> None:
    """Run the command in a fresh process; record wall, CPU and peak RSS of that process only."""
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(measurement.argv, cwd=measurement.cwd, stdout=out, stderr=err, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
        out.seek(0)
        stdout = out.read().decode("utf-8", "replace")
    if "Traceback" in stderr or "Traceback" in stdout or proc.returncode not in measurement_ok_codes(measurement):
        measurement.failure = f"exit {proc.returncode}: {(stderr or stdout)[-600:]}"
    measurement.samples.append(Sample(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss))


def measurement_ok_codes(measurement: Measurement) -> set[int]:
    if "pylint" in measurement.argv:
        # pylint's exit status is a bit mask of message categories; 1 (fatal) and 32 (usage) are failures.
        return {code for code in range(64) if not code & 33}
    return {0, 1}


def empty_pylintrc(directory: Path) -> Path:
    rc = directory / "empty.pylintrc"
    rc.write_text("[MAIN]\n", encoding="utf-8")
    return rc


def cli_available() -> bool:
    return importlib.util.find_spec("pixcrawler_lint.cli") is not None


def tree_measurements(tree: Path, label: str, rc: Path) -> list[Measurement]:
    pylint = [PY, "-m", "pylint", f"--rcfile={rc}", "--persistent=n", "--score=n", "--reports=n", "--jobs=1"]
    flake8 = [PY, WORKLOADS, "flake8", "--isolated", "--jobs=1"]
    found = [
        Measurement(f"floor[{label}]", [PY, WORKLOADS, "floor", str(tree)], tree),
        Measurement(f"floor-lazy[{label}]", [PY, WORKLOADS, "floor-lazy", str(tree)], tree),
        Measurement(f"engine[{label}]", [PY, WORKLOADS, "engine", str(tree)], tree),
        Measurement(f"pylint[{label}]", [*pylint, "backend"], tree),
        Measurement(f"pylint+pxl[{label}]", [*pylint, "--load-plugins=pixcrawler_lint", "backend"], tree),
        Measurement(f"flake8[{label}]", [flake8[0], flake8[1], "flake8", "--bare", *flake8[3:], "backend"], tree),
        Measurement(f"flake8+pxl[{label}]", [*flake8, "backend"], tree),
    ]
    if cli_available():
        # One job: the CLI's pool workers are children of a forkserver, not of the CLI process, so
        # their CPU time would escape wait4(); -j 1 lints in the CLI process itself (contracts included).
        found.append(Measurement(f"cli[{label}]", [PY, "-c", CLI_MAIN, "check", "--jobs=1", "backend"], tree))
    return found


def largest_endpoint_file(backend_root: Path) -> Path | None:
    endpoints = backend_root / "backend" / "api" / "v1" / "endpoints"
    files = [p for p in endpoints.glob("*.py") if p.name != "__init__.py"] if endpoints.is_dir() else []
    return max(files, key=lambda p: (p.stat().st_size, p.name)) if files else None


def editor_measurements(root: Path, label: str) -> list[Measurement]:
    """flake8 on one file, as an editor runs it on save: a cold process, project config honoured."""
    target = largest_endpoint_file(root)
    if target is None:
        return []
    relative = str(target.relative_to(root))
    return [
        Measurement(f"flake8-file[{label}]", [PY, WORKLOADS, "flake8", "--bare", relative], root),
        Measurement(f"flake8+pxl-file[{label}]", [PY, WORKLOADS, "flake8", relative], root),
    ]


def machine() -> dict[str, str]:
    cpu = platform.processor() or "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    from importlib.metadata import version

    return {
        "cpus": str(os.cpu_count()),
        "cpu": cpu,
        "python": platform.python_version(),
        "astroid": version("astroid"),
        "pylint": version("pylint"),
        "flake8": version("flake8"),
        "load_average": " ".join(f"{x:.1f}" for x in os.getloadavg()),
    }


@dataclass(frozen=True)
class Ratio:
    label: str
    numerator: str
    denominator: str
    target: float


def ratios(scale: int, cli: bool) -> list[Ratio]:
    ours = "cli" if cli else "engine"
    found = [
        Ratio("pylint with plugin / without", "pylint+pxl[1x]", "pylint[1x]", 1.10),
        Ratio(f"{ours} / astroid floor", f"{ours}[1x]", "floor[1x]", 1.5),
        Ratio(f"{ours} / pylint default", f"{ours}[1x]", "pylint[1x]", 0.2),
        Ratio(f"{ours} / lazy floor (what bounds it)", f"{ours}[1x]", "floor-lazy[1x]", float("nan")),
        Ratio("flake8 with plugin / without (tree)", "flake8+pxl[1x]", "flake8[1x]", float("nan")),
    ]
    for tool in ("floor", "floor-lazy", ours, "pylint", "pylint+pxl", "flake8", "flake8+pxl"):
        found.append(Ratio(f"growth 1x->{scale}x {tool}", f"{tool}[{scale}x]", f"{tool}[1x]", scale * 1.1))
    return found


VIEW_WORDS = ("views", "endpoints", "routes", "routers", "api")


def largest_views_file(tree: Path, packages: list[str]) -> Path | None:
    """The largest module named or placed like an endpoint module (``views.py``, ``api/routes/x.py``)."""
    candidates = [
        path for path in python_files(tree, packages)
        if path.name != "__init__.py"
        and (path.stem in VIEW_WORDS or any(part in VIEW_WORDS for part in path.relative_to(tree).parts[:-1]))
    ]
    return max(candidates, key=lambda p: (p.stat().st_size, str(p))) if candidates else None


def default_packages(root: Path) -> list[str]:
    return sorted(
        child.name for child in root.iterdir()
        if child.is_dir() and (child / "__init__.py").is_file() and child.name not in ("tests", "test")
    )


def copy_corpus(source: Path, packages: list[str], config: Path | None, workdir: Path) -> Path:
    """Copy the packages and the pyproject.toml into ``workdir/corpus`` (the source stays untouched)."""
    tree = workdir / "corpus"
    tree.mkdir(parents=True)
    for package in packages:
        shutil.copytree(source / package, tree / package, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    pyproject = config if config is not None else source / "pyproject.toml"
    if pyproject.is_file():
        shutil.copyfile(pyproject, tree / "pyproject.toml")
    return tree


def corpus_measurements(tree: Path, packages: list[str], rc: Path, quick: bool) -> list[Measurement]:
    pylint = [PY, "-m", "pylint", f"--rcfile={rc}", "--persistent=n", "--score=n", "--reports=n", "--jobs=1"]
    # Our tools first: a round's figures for them are in before the long pylint run.
    found = [Measurement("cli[corpus]", [PY, "-c", CLI_MAIN, "check", "--jobs=1", *packages], tree)]
    target = largest_views_file(tree, packages)
    if target is not None:
        relative = str(target.relative_to(tree))
        found += [
            Measurement("flake8+pxl-file[corpus]", [PY, WORKLOADS, "flake8", relative], tree),
            Measurement("flake8-file[corpus]", [PY, WORKLOADS, "flake8", "--bare", relative], tree),
        ]
    found += [
        Measurement("floor-lazy[corpus]", [PY, WORKLOADS, "floor-lazy", str(tree), *packages], tree),
        Measurement("floor[corpus]", [PY, WORKLOADS, "floor", str(tree), *packages], tree),
        Measurement("pylint-EW[corpus]", [*pylint, "--disable=all", "--enable=E,W", *packages], tree),
    ]
    if not quick:
        found.append(Measurement("pylint[corpus]", [*pylint, *packages], tree))
    return found


def corpus_main(args: argparse.Namespace) -> int:
    source = args.corpus.resolve()
    packages = [p.strip() for p in args.packages.split(",") if p.strip()] or default_packages(source)
    workdir = Path(tempfile.mkdtemp(prefix="pxl-corpus-"))
    try:
        tree = copy_corpus(source, packages, args.config, workdir)
        files = python_files(tree, packages)
        lines = sum(len(p.read_bytes().splitlines()) for p in files)
        measurements = corpus_measurements(tree, packages, empty_pylintrc(workdir), args.quick)
        only = {tool.strip() for tool in args.only.split(",") if tool.strip()}
        if only:
            measurements = [m for m in measurements if m.name.split("[", 1)[0] in only]
        info = machine()
        print("machine: " + ", ".join(f"{k}={v}" for k, v in info.items()), flush=True)
        print(f"corpus: {source} packages={','.join(packages)} ({len(files)} files, {lines} lines), "
              f"config={args.config or 'its own'}, copied to {tree}")
        views = largest_views_file(tree, packages)
        if views is not None:
            print(f"largest views file: {views.relative_to(tree)} ({views.stat().st_size} bytes)")
        print("pylint-EW = pylint --disable=all --enable=E,W (what issue 16 measured); pylint = every default check")
        for round_ in range(args.repeat):
            for measurement in measurements:
                run_once(measurement)
                last = measurement.samples[-1]
                print(f"  {measurement.name:<26} wall {last.wall:7.2f} s  cpu {last.cpu:7.2f} s  "
                      f"{last.max_rss_kb / 1024:6.0f} MB", file=sys.stderr, flush=True)
            print(f"round {round_ + 1}/{args.repeat} done", file=sys.stderr, flush=True)
        info["load_average_after"] = " ".join(f"{x:.1f}" for x in os.getloadavg())
        by_name = {m.name.split("[", 1)[0]: m for m in measurements}
        print(f"\n{'measurement':<32} {'wall s':>8} {'cpu s':>8} {'peak MB':>8}")
        for m in measurements:
            flag = "  FAILED: " + m.failure.splitlines()[-1] if m.failure else ""
            print(f"{m.name:<32} {m.median('wall'):>8.2f} {m.median('cpu'):>8.2f} {m.peak_rss_mb:>8.0f}{flag}")
        figures = []
        print(f"\nratios (medians of {args.repeat}; cpu = user+sys from wait4, wall in brackets):")
        for label, top, bottom, target in (
            ("cli / pylint E+W", "cli", "pylint-EW", 0.2),
            ("cli / pylint default", "cli", "pylint", 0.2),
            ("cli / astroid floor", "cli", "floor", 2.0),
            ("cli / lazy floor (what bounds it)", "cli", "floor-lazy", float("nan")),
        ):
            if top not in by_name or bottom not in by_name:
                continue
            cpu = by_name[top].median("cpu") / by_name[bottom].median("cpu")
            wall = by_name[top].median("wall") / by_name[bottom].median("wall")
            verdict = "" if target != target else ("met" if cpu <= target else "MISSED")
            shown = "" if target != target else f"target <= {target:.2f}"
            print(f"  {label:<40} {cpu:>6.2f} ({wall:.2f})  {shown:<16} {verdict}")
            figures.append({"ratio": label, "cpu": round(cpu, 3), "wall": round(wall, 3), "target": target,
                            "verdict": verdict})
        for name, target, unit in (("flake8+pxl-file", 1.0, "s"), ("cli", 250.0, "MB")):
            if name not in by_name:
                continue
            m = by_name[name]
            if unit == "s":
                value = m.median("cpu")
                print(f"  {name + ' cpu s (wall)':<40} {value:>6.2f} ({m.median('wall'):.2f})  "
                      f"target <= 1.00 s   {'met' if value <= target else 'MISSED'}")
            else:
                value = m.peak_rss_mb
                print(f"  {'cli peak MB':<40} {value:>6.0f}  target <= 250 MB  {'met' if value <= target else 'MISSED'}")
            figures.append({"figure": name, "value": round(value, 3), "target": target})
        if args.json:
            args.json.write_text(json.dumps({
                "machine": info, "corpus": str(source), "packages": packages, "files": len(files), "lines": lines,
                "repeat": args.repeat, "quick": args.quick,
                "measurements": {
                    m.name: {"wall_median": m.median("wall"), "cpu_median": m.median("cpu"),
                             "peak_rss_mb": m.peak_rss_mb, "failure": m.failure,
                             "samples": [vars(s) for s in m.samples]} for m in measurements
                },
                "ratios": figures,
            }, indent=1), encoding="utf-8")
        return 1 if any(m.failure for m in measurements) else 0
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=None, help="measure this real tree instead of generated ones")
    parser.add_argument("--config", type=Path, default=None,
                        help="with --corpus: the pyproject.toml to lay it out (default: the corpus's own)")
    parser.add_argument("--packages", default="", help="with --corpus: comma-separated packages to lint")
    parser.add_argument("--quick", action="store_true",
                        help="with --corpus: skip pylint with every default check (E+W only)")
    parser.add_argument("--resources", type=int, default=20, help="resources of the 1x tree (default 20)")
    parser.add_argument("--scale", type=int, default=4, help="size of the large tree, in multiples (default 4)")
    parser.add_argument("--repeat", type=int, default=5, help="runs per measurement (default 5)")
    parser.add_argument("--clock", choices=("cpu", "wall"), default="cpu", help="clock for the ratios")
    parser.add_argument("--reference", type=Path, default=REFERENCE_ROOT,
                        help="root of the reference backend (holds backend/api/v1/endpoints)")
    parser.add_argument("--workdir", type=Path, default=None, help="where to write the trees (default: temp)")
    parser.add_argument("--json", type=Path, default=None, help="also write every figure as JSON here")
    parser.add_argument("--parallel", type=int, default=1, metavar="K",
                        help="run K measurements at once (default 1; CPU-time ratios stay comparable, wall times do not)")
    parser.add_argument("--only", default="", metavar="TOOLS",
                        help="comma-separated subset: floor,floor-lazy,engine,cli,pylint,pylint+pxl,flake8,flake8+pxl,"
                             "flake8-file,flake8+pxl-file (default: all)")
    args = parser.parse_args(argv)
    if args.corpus is not None:
        return corpus_main(args)
    only = {tool.strip() for tool in args.only.split(",") if tool.strip()}

    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="pxl-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    small, large = workdir / "tree-1x", workdir / f"tree-{args.scale}x"
    generate(small, args.resources)
    generate(large, args.resources * args.scale)
    rc = empty_pylintrc(workdir)
    measurements = [
        *tree_measurements(small, "1x", rc),
        *tree_measurements(large, f"{args.scale}x", rc),
        *editor_measurements(small, "generated-1x"),
        *editor_measurements(large, f"generated-{args.scale}x"),
    ]
    reference = largest_endpoint_file(args.reference)
    if reference is not None:
        measurements += editor_measurements(args.reference, "reference")
    if only:
        measurements = [m for m in measurements if m.name.split("[", 1)[0] in only]
    info = machine()
    print("machine: " + ", ".join(f"{k}={v}" for k, v in info.items()), flush=True)
    print(f"trees: {small} ({args.resources} resources), {large} ({args.resources * args.scale} resources)")
    if reference is not None:
        print(f"reference endpoint file: {reference}")
    print(f"our tool: {'pixcrawler-lint check (CLI)' if cli_available() else 'engine in-process over every file (CLI stand-in)'}")
    for round_ in range(args.repeat):
        if args.parallel > 1:
            with ThreadPoolExecutor(args.parallel) as pool:
                list(pool.map(run_once, measurements))
        else:
            for measurement in measurements:
                run_once(measurement)
        print(f"round {round_ + 1}/{args.repeat} done", file=sys.stderr, flush=True)
    info["load_average_after"] = " ".join(f"{x:.1f}" for x in os.getloadavg())
    info["parallel"] = str(args.parallel)

    by_name = {m.name: m for m in measurements}
    print(f"\n{'measurement':<32} {'wall s':>8} {'cpu s':>8} {'peak MB':>8}")
    for m in measurements:
        flag = "  FAILED: " + m.failure.splitlines()[-1] if m.failure else ""
        print(f"{m.name:<32} {m.median('wall'):>8.2f} {m.median('cpu'):>8.2f} {m.peak_rss_mb:>8.0f}{flag}")
    print(f"\nratios ({args.clock} time, medians of {args.repeat}):")
    figures = []
    for ratio in ratios(args.scale, cli_available()):
        top, bottom = by_name.get(ratio.numerator), by_name.get(ratio.denominator)
        if top is None or bottom is None:
            continue
        value = top.median(args.clock) / bottom.median(args.clock)
        verdict = "" if ratio.target != ratio.target else ("met" if value <= ratio.target else "MISSED")
        target = "" if ratio.target != ratio.target else f"target <= {ratio.target:.2f}"
        print(f"  {ratio.label:<40} {value:>6.2f}  {target:<16} {verdict}")
        figures.append({"ratio": ratio.label, "value": round(value, 3), "target": ratio.target, "verdict": verdict})
    editor = [m for m in measurements if m.name.startswith("flake8+pxl-file")]
    for m in editor:
        value = m.median("wall")
        print(f"  {m.name + ' wall s':<40} {value:>6.2f}  target <= 1.00 s   {'met' if value <= 1.0 else 'MISSED'}")
    if args.json:
        args.json.write_text(json.dumps({
            "machine": info,
            "resources": args.resources,
            "scale": args.scale,
            "repeat": args.repeat,
            "clock": args.clock,
            "measurements": {
                m.name: {
                    "wall_median": m.median("wall"), "cpu_median": m.median("cpu"),
                    "peak_rss_mb": m.peak_rss_mb, "failure": m.failure,
                    "samples": [vars(s) for s in m.samples],
                } for m in measurements
            },
            "ratios": figures,
        }, indent=1), encoding="utf-8")
    if args.workdir is None:
        shutil.rmtree(workdir, ignore_errors=True)
    return 1 if any(m.failure for m in measurements) else 0


if __name__ == "__main__":
    raise SystemExit(main())
