"""flake8 front end (entry point ``PXL``): translates engine findings into flake8 results.

flake8 hands us the lines of the file (or of stdin with ``--stdin-display-name``); the
engine builds the astroid module from them, takes the module name and layer from the
(display) path and resolves imports from the project on disk, as pylint does.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pixcrawler_lint import __version__
from pixcrawler_lint.architecture.misconfiguration import warn_configuration_once
from pixcrawler_lint.engine import lint_source
from pixcrawler_lint.modules import ParseError, read_source
from pixcrawler_lint.python_version import notice_once

__all__ = ["PixcrawlerLintPlugin"]


class PixcrawlerLintPlugin:
    """The flake8 plugin: ``flake8 --select=PXL``."""

    name = "pixcrawler-lint"
    version = __version__

    def __init__(self, tree: Any, filename: str, lines: list[str]) -> None:
        self.filename = filename
        self.lines = lines

    @classmethod
    def parse_options(cls, _manager: Any, options: argparse.Namespace, filenames: list[str]) -> None:
        """Once per flake8 run, before any worker starts: warn when a project needs a newer Python."""
        for name in filenames or ["."]:
            if name == "-":
                name = getattr(options, "stdin_display_name", None) or "."
            try:
                notice = notice_once(name)
            except Exception:  # pylint: disable=broad-exception-caught  # a notice must never stop flake8
                notice = None
            if notice is not None:
                sys.stderr.write(f"pixcrawler-lint: warning: {notice}\n")

    def run(self) -> Iterator[tuple[int, int, str, type[PixcrawlerLintPlugin]]]:
        """Yield ``(line, col, "PXLnnn message", type)`` for each finding."""
        if _read_with_latin1_fallback(self.filename, self.lines):
            return
        warn_configuration_once(self.filename, "pixcrawler-lint (flake8)")
        for finding in lint_source("".join(self.lines), self.filename):
            yield finding.line, finding.col, f"{finding.code} {finding.message}", type(self)


def _read_with_latin1_fallback(filename: str, lines: list[str]) -> bool:
    """True when ``lines`` are flake8's latin-1 reading of a file Python cannot decode.

    Python refuses such a file (no PEP 263 cookie, not UTF-8); the engine, the CLI and pylint
    report nothing for it, so the plugin must not lint flake8's mojibake of it either.
    """
    try:
        data = Path(filename).read_bytes()
    except OSError:
        return False  # stdin without a file behind it: lint the lines as given
    try:
        read_source(filename)
    except ParseError:
        text = data.decode("latin-1").replace("\r\n", "\n").replace("\r", "\n")
        return "".join(lines).replace("\r\n", "\n") == text
    return False
