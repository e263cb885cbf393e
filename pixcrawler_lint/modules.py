"""Module names and project roots from file paths, and astroid module building.

A module's dotted name comes from its ``__init__.py`` packages, as pylint and flake8 do: the
project root is the first directory above the file that is not a package. Front ends that
build astroid modules themselves (flake8, CLI) put that root on ``sys.path`` so that imports
resolve across the project, exactly as pylint does for the files it lints.

Import roots: a project may run with a sub-folder on ``sys.path`` (``cd backend && uvicorn
main:app``), so that ``from services.activity import X`` inside ``backend/`` means
``backend/services/activity.py``. :func:`import_root_prefix` tells which package such an
import lives in — from the ``source-roots`` setting, or, without configuration, when the first
segment names a subpackage of exactly one top package of the project and nothing else (no
top-level module beside the packages, not the standard library, not installed). Every front
end then treats the import as that module: the import analysis rewrites its name, and an
astroid failed-import hook resolves it to the same module object (``backend.services.activity``).
"""

from __future__ import annotations

import contextlib
import functools
import importlib.machinery
import sys
import threading
import tokenize
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import astroid
from astroid import nodes
from astroid.builder import AstroidBuilder
from astroid.exceptions import AstroidBuildingError, AstroidImportError, AstroidSyntaxError

from pixcrawler_lint import library_builds
from pixcrawler_lint.analysis.origins import is_library_path
from pixcrawler_lint.config import ConfigError, config_for_path

__all__ = [
    "ModuleLocation", "ParseError", "locate_module", "memoised_locations", "activate_project_root",
    "forget_project_root", "build_module", "known_project_roots", "project_folder",
    "read_source", "import_root_prefix", "rooted_name",
]


class ParseError(Exception):
    """The source could not be parsed (syntax error, undecodable bytes); ``cause`` is the
    parser's own error (``SyntaxError``, ``ValueError`` for a NUL byte, ``RecursionError``)
    when that is what failed."""

    def __init__(self, message: str, cause: BaseException | None = None) -> None:
        super().__init__(message)
        self.cause = cause


@dataclass(frozen=True)
class ModuleLocation:
    """Dotted name of a file and the directory its top package lives in."""

    modname: str
    root: Path


def locate_module(path: str | Path) -> ModuleLocation:
    """``backend/api/v1/endpoints/projects.py`` → ``backend.api.v1.endpoints.projects``."""
    file = Path(path).absolute()
    packages, root = _packages_above(file.parent)
    parts = list(packages) if file.name == "__init__.py" else [*packages, file.stem]
    if not parts:  # a bare __init__.py outside any package
        parts = [file.parent.name]
    return ModuleLocation(".".join(parts), root)


_location_memo: dict[Path, tuple[tuple[str, ...], Path]] | None = None


def _packages_above(directory: Path) -> tuple[tuple[str, ...], Path]:
    """The package names from the top package down to ``directory`` (empty when it is no
    package) and the folder the top package lives in."""
    memo = _location_memo
    if memo is not None and directory in memo:
        return memo[directory]
    if (directory / "__init__.py").is_file() and directory.parent != directory:
        above, root = _packages_above(directory.parent)
        found = ((*above, directory.name), root)
    else:
        found = ((), directory)
    if memo is not None:
        memo[directory] = found
    return found


@contextlib.contextmanager
def memoised_locations() -> Iterator[None]:
    """Within the block, :func:`locate_module` looks at each folder once: one ``check`` asks for
    the same files' modules several times (discovery, grouping, configuration, the cache), and
    the package layout does not change under it. Outside, every call looks again (a language
    server lives through edits that add an ``__init__.py``)."""
    global _location_memo  # pylint: disable=global-statement
    outer = _location_memo
    if outer is None:
        _location_memo = {}
    try:
        yield
    finally:
        _location_memo = outer


_root_lock = threading.Lock()
_active_root: Path | None = None
_known_roots: dict[Path, None] = {}  # project roots seen, in order: where the import hook looks


def _defines(folder: Path, name: str) -> bool:
    """``folder/name/__init__.py`` or ``folder/name.py`` exists."""
    return (folder / name / "__init__.py").is_file() or (folder / f"{name}.py").is_file()


def _package_name(folder: Path, root: Path) -> str | None:
    """The dotted package name of ``folder`` below ``root`` (every level a package), else ``None``."""
    try:
        parts = folder.relative_to(root).parts
    except ValueError:
        return None
    for depth in range(1, len(parts) + 1):
        if not (root.joinpath(*parts[:depth]) / "__init__.py").is_file():
            return None
    return ".".join(parts) if parts else None


def _installed(name: str, root: Path) -> bool:
    """``name`` is a standard or installed module found outside the project ``root``."""
    if name in sys.builtin_module_names or name in getattr(sys, "stdlib_module_names", ()):
        return True
    paths = [p for p in sys.path if p and not Path(p).resolve().is_relative_to(root)]
    try:
        return importlib.machinery.PathFinder.find_spec(name, paths) is not None
    except (ImportError, ValueError, OSError):
        return False


@functools.lru_cache(maxsize=4096)
def _root_prefix(first: str, root: Path) -> str | None:
    try:
        config = config_for_path(root)
    except ConfigError:
        return None
    base = config.source.parent if config.source is not None else root
    for entry in config.source_roots:
        folder = (base / entry).resolve()
        if _defines(folder, first):
            return _package_name(folder, root)
    if _defines(root, first) or _installed(first, root):
        return None
    try:
        tops = [d.name for d in root.iterdir() if (d / "__init__.py").is_file() and _defines(d, first)]
    except OSError:
        return None
    return tops[0] if len(tops) == 1 and tops[0] != first else None


def import_root_prefix(first: str, context_file: str | Path) -> str | None:
    """The package (``backend``) an absolute import whose first segment is ``first``
    (``services``) lives in, for the project of ``context_file``; ``None`` when the import is
    read as written."""
    try:
        root = locate_module(context_file).root.resolve()
    except (OSError, ValueError, RuntimeError):
        return None
    _known_roots.setdefault(root, None)
    return _root_prefix(first, root)


def rooted_name(modname: str, context_file: str | Path | None) -> str:
    """``services.activity`` → ``backend.services.activity`` when :func:`import_root_prefix` says so."""
    if context_file is None or not modname:
        return modname
    prefix = import_root_prefix(modname.split(".", 1)[0], context_file)
    return f"{prefix}.{modname}" if prefix else modname


def known_project_roots() -> list[Path]:
    """The project roots seen in this process, in order: where the failed-import hook looks."""
    return list(_known_roots)


@functools.lru_cache(maxsize=256)
def project_folder(entry: str) -> Path | None:
    """The resolved folder of a ``sys.path`` entry that is a directory outside the libraries
    (asked on every import astroid cannot find: hundreds of times a run, for ~20 entries)."""
    if not entry or is_library_path(entry) or not Path(entry).is_dir():
        return None
    return Path(entry).resolve()


def _source_root_hook(modname: str) -> nodes.Module:
    """astroid's last resort for an import it cannot find: the module under an import root."""
    first = modname.split(".", 1)[0]
    candidates = dict(_known_roots)
    for entry in sys.path:
        folder = project_folder(entry)
        if folder is not None:
            candidates.setdefault(folder, None)
    for root in candidates:
        prefix = _root_prefix(first, root)
        if prefix:
            return astroid.MANAGER.ast_from_module_name(f"{prefix}.{modname}")
    raise AstroidImportError("no import root has {modname}", modname=modname)


astroid.MANAGER.register_failed_import_hook(_source_root_hook)
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
            _evict(_colliding_modules(root))
        sys.path.insert(0, str(root))
        _active_root, _inserted = root, 1
        _known_roots.setdefault(root, None)


def _colliding_modules(root: Path) -> set[str]:
    """The modules astroid has cached from outside ``root`` (and outside the libraries) whose
    top-level name ``root`` defines too: they must go, or imports under ``root`` would get the
    other project's module. The rest stay: a project whose folders without ``__init__.py``
    make a dozen import roots (dispatch: 19, nine of which define ``models`` or ``service``
    again) does not rebuild its packages and astroid's builtins once per root."""
    try:
        tops = {entry.stem if entry.suffix == ".py" else entry.name for entry in root.iterdir()
                if entry.is_dir() or entry.suffix == ".py"}
    except OSError:
        tops = None
    inside = str(root) + "/"
    colliding = set()
    for name, module in list(astroid.MANAGER.astroid_cache.items()):
        if tops is not None and name.split(".", 1)[0] not in tops:
            continue
        file = getattr(module, "file", None)
        if isinstance(file, str) and not file.startswith(inside) and not is_library_path(file):
            colliding.add(name)
    return colliding


def _evict(names: set[str]) -> None:
    """Drop ``names`` from astroid's module cache, and what astroid remembers of where modules
    with those top-level names live (its spec caches look modules up by name alone)."""
    if not names:
        return
    from astroid.interpreter._import import spec  # pylint: disable=import-outside-toplevel

    manager = astroid.MANAGER
    tops = {name.split(".", 1)[0] for name in names}
    for name in names:
        manager.astroid_cache.pop(name, None)
    located = manager._mod_file_cache  # pylint: disable=protected-access
    for key in [key for key in located if key[0].split(".", 1)[0] in tops]:
        del located[key]
    spec._find_spec.cache_clear()  # pylint: disable=protected-access
    for finder in spec._SPEC_FINDERS:  # pylint: disable=protected-access
        finder.find_module.cache_clear()


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


def build_module(source: str, path: str | Path, modname: str | None = None, *, on_disk: bool = False) -> nodes.Module:
    """Build an astroid module from ``source`` as if it were the file at ``path``.

    ``on_disk``: ``source`` was just read from that file, so the module astroid already built
    from it in this process (another file imported it), if the file has not changed since, is
    the same module: it is returned instead of a second copy (a second build, and every
    inference astroid made on the first copy done again on the second)."""
    if modname is None:
        modname = locate_module(path).modname
    if on_disk:
        cached = astroid.MANAGER.astroid_cache.get(modname)
        if cached is not None and library_builds.built_from_file(cached, str(path)):
            return cached
    try:
        return AstroidBuilder(astroid.MANAGER).string_build(source, modname=modname, path=str(path))
    except AstroidSyntaxError as exc:
        cause = exc.error if isinstance(exc.error, (SyntaxError, ValueError, MemoryError)) else None
        raise ParseError(str(exc).splitlines()[0] if str(exc) else type(exc).__name__, cause) from None
    except (AstroidBuildingError, SyntaxError, ValueError, UnicodeError) as exc:
        raise ParseError(str(exc).splitlines()[0] if str(exc) else type(exc).__name__) from None
    except RecursionError as exc:
        raise ParseError("too deeply nested to parse", exc) from None


def read_source(path: str | Path) -> str:
    """Read a Python file honouring its PEP 263 encoding and BOM; raises :class:`ParseError`."""
    try:
        with tokenize.open(str(path)) as handle:
            return handle.read()
    except (SyntaxError, UnicodeDecodeError, LookupError) as exc:
        raise ParseError(f"cannot decode: {exc}") from None
