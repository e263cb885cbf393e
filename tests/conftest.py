"""Shared pytest fixtures: per-tree front-end runs, computed once per session."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from frontends import FRONT_ENDS, Results  # noqa: E402

FIXTURES = Path(__file__).resolve().parent / "fixtures"


class TreeResults:
    """Lazily runs each front end once per fixture tree."""

    def __init__(self) -> None:
        self._cache: dict[tuple[str, str], Results] = {}

    def get(self, frontend: str, tree: Path) -> Results:
        key = (frontend, str(tree))
        if key not in self._cache:
            self._cache[key] = FRONT_ENDS[frontend](tree)
        return self._cache[key]


@pytest.fixture(scope="session")
def tree_results() -> TreeResults:
    """Front-end results per fixture tree, shared by all fixture tests."""
    return TreeResults()
