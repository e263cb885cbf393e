"""Fixture trees and a per-session cache of the front-end runs over them."""

from __future__ import annotations

from pathlib import Path

from frontends import FRONT_ENDS, Results

__all__ = ["FIXTURES", "TreeResults"]

FIXTURES = Path(__file__).resolve().parent / "fixtures"


class TreeResults:
    """Lazily runs each front end once per fixture tree."""

    def __init__(self) -> None:
        self._cache: dict[tuple[str, str], Results] = {}

    def get(self, frontend: str, tree: Path) -> Results:
        """The ``frontend``'s findings over ``tree``, keyed by absolute file path."""
        key = (frontend, str(tree))
        if key not in self._cache:
            self._cache[key] = FRONT_ENDS[frontend](tree)
        return self._cache[key]
