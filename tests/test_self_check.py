"""pixcrawler_lint passes its own gates: mypy --strict (setup.cfg) and flake8."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_mypy_strict_on_pixcrawler_lint() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", "setup.cfg", "pixcrawler_lint"],
        cwd=REPO, capture_output=True, text=True, check=False,
    )
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-2000:]
    assert "Success: no issues found" in proc.stdout


def test_flake8_on_pixcrawler_lint() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "flake8", "--isolated", "--select=E,W,F", "--max-line-length=120",
         "--extend-ignore=W503", "pixcrawler_lint"],
        cwd=REPO, capture_output=True, text=True, check=False,
    )
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-2000:]
