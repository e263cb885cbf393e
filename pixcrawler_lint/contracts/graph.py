"""Build the grimp import graph of a project from disk, for :func:`check_architecture`.

A file that cannot be read or parsed (a syntax error, a NUL byte, inconsistent tabs, a
symlink loop) makes grimp give up on the whole graph. The graph is then built without such
files, from a mirror of the packages that links every other file, so that one broken file
never disables the contracts for the rest of the project (the CLI reports it as PXL903).
"""

from __future__ import annotations

import ast
import contextlib
import importlib
import os
import sys
import tempfile
import threading
import tokenize
import warnings
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import grimp
from grimp.exceptions import SourceSyntaxError
from grimp import ImportGraph

from pixcrawler_lint.config import Config, config_for_path
from pixcrawler_lint.contracts.architecture import layered_packages

__all__ = ["build_graph", "project_packages", "unparseable_files"]

# The build briefly edits sys.path and sys.modules: one build at a time per process.
_build_lock = threading.Lock()


def project_packages(project_root: Path, config: Config) -> list[str]:
    """The layered top-level packages (``backend``) that exist under ``project_root``."""
    return [name for name in layered_packages(config) if (project_root / name / "__init__.py").is_file()]


@contextlib.contextmanager
def _importable_from(project_root: Path, packages: list[str]) -> Iterator[None]:
    """Let grimp find ``packages`` under ``project_root`` even if same-named ones are imported.

    grimp locates a package with ``importlib.util.find_spec``, which answers from
    ``sys.modules`` first; another project's ``backend`` imported earlier in this process
    (tests, the CLI linting two trees) would win. Those entries are hidden for the build only.
    """
    root = str(project_root)
    hidden: dict[str, ModuleType] = {}
    for name in packages:
        loaded = sys.modules.get(name)
        location = getattr(loaded, "__file__", None) or ""
        if loaded is not None and not Path(location).resolve().is_relative_to(project_root):
            hidden[name] = sys.modules.pop(name)
    sys.path.insert(0, root)
    importlib.invalidate_caches()
    try:
        yield
    finally:
        with contextlib.suppress(ValueError):
            sys.path.remove(root)
        sys.modules.update(hidden)


def _parse_problem(path: Path) -> str | None:
    """Why the file at ``path`` cannot be read or parsed, or None when it parses here."""
    try:
        with tokenize.open(path) as handle:
            source = handle.read()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # SyntaxWarning of invalid escapes
            ast.parse(source)
    except OSError as exc:
        return f"cannot read: {exc.strerror or exc}"
    except (SyntaxError, UnicodeDecodeError, LookupError, ValueError, RecursionError, MemoryError) as exc:
        return f"{type(exc).__name__}: {exc}".splitlines()[0]
    return None


def _package_files(project_root: Path, packages: list[str]) -> Iterator[Path]:
    for name in packages:
        for current, dirnames, filenames in os.walk(project_root / name):
            dirnames[:] = [d for d in dirnames if d != "__pycache__"]
            for filename in filenames:
                if filename.endswith(".py"):
                    yield Path(current) / filename


def unparseable_files(project_root: str | Path, packages: list[str]) -> dict[Path, str]:
    """The files of ``packages`` under ``project_root`` that do not parse, with the reason."""
    root = Path(project_root)
    problems = {path: _parse_problem(path) for path in _package_files(root, packages)}
    return {path: why for path, why in problems.items() if why is not None}


def _mirror(project_root: Path, packages: list[str], left_out: set[Path], target: Path) -> None:
    """Recreate ``packages`` under ``target``: the same folders, a link to every file kept."""
    for name in packages:
        for current, _dirnames, filenames in os.walk(project_root / name):
            relative = Path(current).relative_to(project_root)
            (target / relative).mkdir(parents=True, exist_ok=True)
            for filename in filenames:
                source = Path(current) / filename
                if filename.endswith(".py") and source not in left_out:
                    (target / relative / filename).symlink_to(source)


def _grimp_build(root: Path, packages: list[str], config: Config, include_external_packages: bool) -> ImportGraph:
    with _build_lock, _importable_from(root, packages):
        return grimp.build_graph(
            *packages,
            include_external_packages=include_external_packages,
            exclude_type_checking_imports=config.type_checking_imports == "ignore",
            cache_dir=None,
        )


def build_graph(
    project_root: str | Path,
    config: Config | None = None,
    *,
    include_external_packages: bool = True,
    extra_packages: tuple[str, ...] = (),
) -> ImportGraph:
    """The import graph of the layered packages under ``project_root`` (no cache on disk).

    ``config`` defaults to the ``[tool.pixcrawler_lint]`` table nearest ``project_root``.
    External packages are squashed into single nodes (``sqlalchemy``) so that PXL102–PXL105
    can see them. With ``type-checking-imports = "ignore"`` imports under
    ``if TYPE_CHECKING:`` are left out of the graph. A root without any layered package gives
    an empty graph. Files that do not parse are left out (see :func:`unparseable_files`).
    """
    root = Path(project_root).resolve()
    config = config if config is not None else config_for_path(root)
    packages = [*project_packages(root, config), *extra_packages]
    if not packages:
        return ImportGraph()
    try:
        return _grimp_build(root, packages, config, include_external_packages)
    except (SourceSyntaxError, OSError, UnicodeError, ValueError):
        left_out = set(unparseable_files(root, packages))
        if not left_out:
            raise
    with tempfile.TemporaryDirectory(prefix="pixcrawler-lint-graph-") as mirror:
        _mirror(root, packages, left_out, Path(mirror))
        return _grimp_build(Path(mirror), packages, config, include_external_packages)
