"""Honest set-up: licence metadata, the composite action, and docs that install what really exists."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def test_license_file_and_spdx_expression() -> None:
    assert (REPO / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["license"] == "MIT"  # an SPDX string, not the deprecated table
    assert project["project"]["license-files"] == ["LICENSE"]
    requires = project["build-system"]["requires"]
    assert any(re.fullmatch(r"setuptools>=(\d+)", r) and int(r.split(">=")[1]) >= 77 for r in requires), requires
    classifiers = project["project"].get("classifiers", [])
    assert not [c for c in classifiers if c.startswith("License ::")]  # setuptools rejects both


def test_composite_action_installs_from_its_own_checkout() -> None:
    yaml = pytest.importorskip("yaml")
    action = yaml.safe_load((REPO / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    steps = action["runs"]["steps"]
    assert all(step.get("shell") == "bash" for step in steps if "run" in step)
    assert "${{ github.action_path }}" in steps[0]["run"]
    assert "pixcrawler-lint check" in steps[1]["run"]
    assert set(action["inputs"]) >= {"paths", "format", "baseline", "diff", "sarif", "extra-packages"}


def test_ci_docs_install_from_the_repository_or_a_wheel() -> None:
    text = (REPO / "docs" / "ci.md").read_text(encoding="utf-8")
    assert "pip install pixcrawler-lint\n" not in text  # it is on no package index
    assert "git+https://" in text and ".whl" in text
    assert "fastapi" in text and "additional_dependencies" in text and "rev" in text
    assert "10 error and 10 warning annotations" in text
    hooks = (REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert "additional_dependencies" in hooks


def test_readme_pylint_line_reports_only_our_findings() -> None:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    row = next(line for line in text.splitlines() if line.startswith("| pylint plugin |"))
    assert "--rcfile=pylintrc-gate" in row and "--disable=all" in row
    assert "without `__init__.py`" in text
    assert "mypy --check-untyped-defs" in text and "not one layer break" in text
