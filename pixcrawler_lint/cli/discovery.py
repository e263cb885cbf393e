"""Which files ``check`` lints: the ``.py`` files below the given paths, grouped by project."""

from __future__ import annotations

import fnmatch
import os
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

from pixcrawler_lint.modules import locate_module

__all__ = ["DEFAULT_EXCLUDES", "PathError", "discover", "group_by_project_root"]

# Directories never entered when walking (explicitly named files are always linted).
DEFAULT_EXCLUDES: tuple[str, ...] = (
    ".*", "__pycache__", "venv", "node_modules", "build", "dist", "site-packages", "*.egg-info",
)


class PathError(Exception):
    """A path given on the command line does not exist."""


def _excluded(name: str, relative: str, patterns: Sequence[str]) -> bool:
    return any(fnmatch.fnmatch(name, pattern) or fnmatch.fnmatch(relative, pattern) for pattern in patterns)


def _walk(directory: Path, patterns: Sequence[str]) -> Iterable[Path]:
    for current, dirnames, filenames in os.walk(directory):
        base = Path(current)
        dirnames[:] = sorted(
            d for d in dirnames
            if not _excluded(d, (base / d).relative_to(directory).as_posix(), patterns)
        )
        for filename in sorted(filenames):
            if filename.endswith(".py"):
                path = base / filename
                if not _excluded(filename, path.relative_to(directory).as_posix(), patterns):
                    yield path


def discover(paths: Sequence[str | Path], exclude: Sequence[str] = ()) -> list[Path]:
    """Absolute paths of the Python files to lint, without duplicates, in a stable order.

    Directories are walked, skipping ``DEFAULT_EXCLUDES`` and ``exclude`` (glob patterns
    matched against a name or a path relative to the walked directory); files named on the
    command line are always included. Raises :class:`PathError` for a missing path.
    """
    patterns = (*DEFAULT_EXCLUDES, *exclude)
    found: dict[Path, None] = {}
    for raw in paths:
        path = Path(raw).absolute()
        if path.is_dir():
            for file in _walk(path, patterns):
                found.setdefault(file, None)
        elif path.is_file():
            found.setdefault(path, None)
        else:
            raise PathError(f"{raw}: no such file or directory")
    return list(found)


def group_by_project_root(files: Iterable[Path]) -> dict[Path, list[Path]]:
    """Files keyed by the directory their top package lives in (what goes on ``sys.path``)."""
    groups: dict[Path, list[Path]] = defaultdict(list)
    resolved: dict[Path, Path] = {}
    for file in files:
        root = locate_module(file).root
        if root not in resolved:
            resolved[root] = root.resolve()
        groups[resolved[root]].append(file)
    return dict(groups)
