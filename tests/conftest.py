"""Shared pytest fixtures: per-tree front-end runs, computed once per session."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fixture_trees import TreeResults  # noqa: E402


@pytest.fixture(scope="session")
def tree_results() -> TreeResults:
    """Front-end results per fixture tree, shared by all fixture tests."""
    return TreeResults()
