"""Benchmark pixcrawler-lint against bare pylint, bare flake8 and the astroid parse floor.

    .venv/bin/python benchmarks/run.py --resources 20 --repeat 5
    .venv/bin/python benchmarks/run.py --resources 2 --repeat 1 --json /tmp/bench.json   # smoke

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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
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
