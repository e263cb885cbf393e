"""The corpus mode of the benchmark (issue 16): a real tree is measured on a copy, never in place."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
LEGACY = Path(__file__).resolve().parent.parent / "examples" / "legacy"
sys.path.insert(0, str(BENCHMARKS))

from run import largest_views_file  # noqa: E402  (benchmarks/ is a script directory)


def test_largest_views_file_is_the_biggest_endpoint_module(tmp_path: Path) -> None:
    (tmp_path / "app" / "api" / "routes").mkdir(parents=True)
    (tmp_path / "app" / "case").mkdir()
    (tmp_path / "app" / "api" / "routes" / "items.py").write_text("x = 1\n" * 10)
    (tmp_path / "app" / "case" / "views.py").write_text("x = 1\n" * 20)
    (tmp_path / "app" / "case" / "service.py").write_text("x = 1\n" * 99)  # bigger, but not a views module
    (tmp_path / "app" / "api" / "routes" / "__init__.py").write_text("x = 1\n" * 99)
    assert largest_views_file(tmp_path, ["app"]) == tmp_path / "app" / "case" / "views.py"


def test_corpus_mode_measures_a_copy(tmp_path: Path) -> None:
    before = sorted((p.relative_to(LEGACY), p.stat().st_mtime_ns) for p in LEGACY.rglob("*"))
    proc = subprocess.run(
        [sys.executable, str(BENCHMARKS / "run.py"), "--corpus", str(LEGACY), "--packages", "backend",
         "--quick", "--repeat", "1", "--only", "flake8-file", "--json", str(tmp_path / "bench.json")],
        capture_output=True, text=True, timeout=600, check=False,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    figures = json.loads((tmp_path / "bench.json").read_text())
    assert set(figures["measurements"]) == {"flake8-file[corpus]"}
    assert figures["packages"] == ["backend"] and figures["files"] > 10
    assert all(m["failure"] is None and m["cpu_median"] > 0 for m in figures["measurements"].values())
    assert "largest views file: backend/api/" in proc.stdout
    assert sorted((p.relative_to(LEGACY), p.stat().st_mtime_ns) for p in LEGACY.rglob("*")) == before
