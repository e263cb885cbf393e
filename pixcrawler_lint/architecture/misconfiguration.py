"""Loud misconfiguration: configured patterns that match no module of the project.

A layer pattern, composition root, types module or admin module that names nothing is a typo
or a stale setting, and it silently switches rules off; every front end says so. Only keys the
table sets are judged (the built-in defaults are silent on a project that does not use them).
The project is the directory of the ``pyproject.toml``: its ``.py`` files, named by their
``__init__.py`` packages. A ``source-roots`` folder that does not exist or holds no ``.py`` file
is reported the same way.
"""

from __future__ import annotations

import functools
import os
import sys
import threading
from pathlib import Path
from typing import TextIO

from pixcrawler_lint.architecture.model import architecture_of
from pixcrawler_lint.config import Config, ConfigError, config_for_path
from pixcrawler_lint.modules import locate_module

__all__ = ["project_modules", "misconfiguration_warnings", "warn_once", "warn_configuration_once"]

_SKIPPED_DIRECTORIES = frozenset({"__pycache__", "venv", "node_modules", "build", "dist", "site-packages"})
_warned: set[tuple[Config, Path | None]] = set()
_warned_lock = threading.Lock()


def _skipped(directory: str) -> bool:
    return directory.startswith(".") or directory in _SKIPPED_DIRECTORIES or directory.endswith(".egg-info")


@functools.lru_cache(maxsize=32)
def project_modules(base: Path) -> tuple[str, ...]:
    """The dotted names of every ``.py`` file below ``base`` (hidden and build folders skipped)."""
    names: set[str] = set()
    for current, dirnames, filenames in os.walk(base):
        dirnames[:] = [d for d in dirnames if not _skipped(d)]
        for filename in filenames:
            if filename.endswith(".py"):
                names.add(locate_module(Path(current) / filename).modname)
    return tuple(sorted(names))


def misconfiguration_warnings(config: Config) -> list[str]:
    """One line per configured pattern that matches no module under the pyproject's directory."""
    if config.source is None or not config.explicit:
        return []
    base = config.source.parent.resolve()
    lines = architecture_of(config).unmatched_patterns(project_modules(base))
    for entry in config.source_roots:
        folder = base / entry
        if not folder.is_dir() or not any(folder.rglob("*.py")):
            lines.append(f"[tool.pixcrawler_lint] source-roots: folder '{entry}' holds no module of the project")
    return lines


def warn_once(config: Config, stream: TextIO | None = None, prefix: str = "pixcrawler-lint") -> list[str]:
    """Write the warnings of ``config`` to ``stream`` (stderr) the first time this process asks."""
    key = (config, config.source)
    with _warned_lock:
        if key in _warned:
            return []
        _warned.add(key)
    lines = misconfiguration_warnings(config)
    out = stream if stream is not None else sys.stderr
    for line in lines:
        out.write(f"{prefix}: warning: {config.source}: {line}\n")
    return lines


def warn_configuration_once(path: str, prefix: str) -> None:
    """For the pylint and flake8 plugins: warn on stderr, once per process and configuration,
    about the patterns of the configuration of ``path`` that match no module. Never raises (a
    bad configuration is reported by the engine as PXL901)."""
    try:
        warn_once(config_for_path(path), prefix=prefix)
    except (ConfigError, OSError):
        return
