"""flake8 front end (entry point ``PXL``): translates engine findings into flake8 results.

flake8 hands us the lines of the file (or of stdin with ``--stdin-display-name``); the
engine builds the astroid module from them, takes the module name and layer from the
(display) path and resolves imports from the project on disk, as pylint does.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pixcrawler_lint import __version__
from pixcrawler_lint.engine import lint_source

__all__ = ["PixcrawlerLintPlugin"]


class PixcrawlerLintPlugin:
    """The flake8 plugin: ``flake8 --select=PXL``."""

    name = "pixcrawler-lint"
    version = __version__

    def __init__(self, tree: Any, filename: str, lines: list[str]) -> None:
        self.filename = filename
        self.lines = lines

    def run(self) -> Iterator[tuple[int, int, str, type[PixcrawlerLintPlugin]]]:
        """Yield ``(line, col, "PXLnnn message", type)`` for each finding."""
        for finding in lint_source("".join(self.lines), self.filename):
            yield finding.line, finding.col, f"{finding.code} {finding.message}", type(self)
