"""Module names and project roots from file paths, and astroid module building.

A module's dotted name comes from its ``__init__.py`` packages, as pylint and flake8 do: the
project root is the first directory above the file that is not a package. Front ends that
build astroid modules themselves (flake8, CLI) put that root on ``sys.path`` so that imports
resolve across the project, exactly as pylint does for the files it lints.
"""

from __future__ import annotations

import sys
import threading
import tokenize
from dataclasses import dataclass
from pathlib import Path

import astroid
from astroid import nodes
from astroid.builder import AstroidBuilder
from astroid.exceptions import AstroidBuildingError, AstroidSyntaxError

from pixcrawler_lint import library_builds

__all__ = [
    "ModuleLocation", "ParseError", "locate_module", "activate_project_root", "forget_project_root", "build_module",
    "read_source",
]


class ParseError(Exception):
    """The source could not be parsed (syntax error, undecodable bytes)."""


@dataclass(frozen=True)
class ModuleLocation:
    """Dotted name of a file and the directory its top package lives in."""

    modname: str
    root: Path


def locate_module(path: str | Path) -> ModuleLocation:
    """``backend/api/v1/endpoints/projects.py`` → ``backend.api.v1.endpoints.projects``."""
    file = Path(path).absolute()
    parts = [] if file.name == "__init__.py" else [file.stem]
    directory = file.parent
    while (directory / "__init__.py").is_file() and directory.parent != directory:
        parts.append(directory.name)
        directory = directory.parent
    if not parts:  # a bare __init__.py outside any package
        parts = [file.parent.name]
    return ModuleLocation(".".join(reversed(parts)), directory)


_root_lock = threading.Lock()
_active_root: Path | None = None
_inserted = 0  # copies of the active root this module put on sys.path (and may take off again)


def activate_project_root(root: Path) -> None:
    """Make imports resolve from ``root``: first on ``sys.path``, astroid caches reset on change.

    Also makes this process build libraries lazily (:mod:`pixcrawler_lint.library_builds`):
    only the engine front ends call this, never the pylint plugin.

    Two projects may share top package names (``backend``); astroid caches modules by name,
    so switching projects in one process drops the cache of the previous one. Only the entries
    this function inserted are taken off ``sys.path`` again: the interpreter's own entries
    (the script's folder, an installed project's root) stay, even when equal to a root.
    """
    global _active_root, _inserted
    root = root.resolve()
    library_builds.install()
    with _root_lock:
        if _active_root == root:
            if sys.path[:1] != [str(root)]:
                sys.path.insert(0, str(root))
                _inserted += 1
            return
        if _active_root is not None:
            for _ in range(_inserted):
                if str(_active_root) in sys.path:
                    sys.path.remove(str(_active_root))  # the first copy: the one inserted in front
            astroid.MANAGER.clear_cache()
        sys.path.insert(0, str(root))
        _active_root, _inserted = root, 1


def forget_project_root() -> None:
    """Take our entries off ``sys.path`` and drop astroid's caches: the files may have changed
    since the last run in this process (the CLI called twice, ``--diff``)."""
    global _active_root, _inserted
    with _root_lock:
        if _active_root is not None:
            for _ in range(_inserted):
                if str(_active_root) in sys.path:
                    sys.path.remove(str(_active_root))
            astroid.MANAGER.clear_cache()
        _active_root, _inserted = None, 0


def build_module(source: str, path: str | Path, modname: str | None = None) -> nodes.Module:
    """Build an astroid module from ``source`` as if it were the file at ``path``."""
    if modname is None:
        modname = locate_module(path).modname
    try:
        return AstroidBuilder(astroid.MANAGER).string_build(source, modname=modname, path=str(path))
    except (AstroidSyntaxError, AstroidBuildingError, SyntaxError, ValueError, UnicodeError) as exc:
        raise ParseError(str(exc).splitlines()[0] if str(exc) else type(exc).__name__) from None
    except RecursionError:
        raise ParseError("too deeply nested to parse") from None


def read_source(path: str | Path) -> str:
    """Read a Python file honouring its PEP 263 encoding and BOM; raises :class:`ParseError`."""
    try:
        with tokenize.open(str(path)) as handle:
            return handle.read()
    except (SyntaxError, UnicodeDecodeError, LookupError) as exc:
        raise ParseError(f"cannot decode: {exc}") from None
