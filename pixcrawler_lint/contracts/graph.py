"""Build the grimp import graph of a project from disk, for :func:`check_architecture`.

A file that cannot be read or parsed (a syntax error, a NUL byte, inconsistent tabs, a
symlink loop) makes grimp give up on the whole graph. The graph is then built without such
files, from a mirror of the packages that links every other file, so that one broken file
never disables the contracts for the rest of the project (the CLI reports it as PXL903).
"""

from __future__ import annotations

import ast
import contextlib
import copy
import importlib
import importlib.util
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
from pixcrawler_lint.modules import import_root_prefix

__all__ = ["build_graph", "project_packages", "rerooted", "unparseable_files"]

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


def _grimp_build(root: Path, packages: list[str], config: Config) -> ImportGraph:
    """External packages are always kept here: imports under an import root are rerooted from them."""
    with _build_lock, _importable_from(root, packages):
        return grimp.build_graph(
            *packages,
            include_external_packages=True,
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
        graph = _grimp_build(root, packages, config)
    except (SourceSyntaxError, OSError, UnicodeError, ValueError):
        left_out = set(unparseable_files(root, packages))
        if not left_out:
            raise
        with tempfile.TemporaryDirectory(prefix="pixcrawler-lint-graph-") as mirror:
            _mirror(root, packages, left_out, Path(mirror))
            graph = _grimp_build(Path(mirror), packages, config)
    _reroot_imports(graph, root)
    if not include_external_packages:
        for module in [m for m in graph.modules if graph.is_module_squashed(m)]:
            graph.remove_module(module)
    return graph


def _module_file(root: Path, module: str) -> Path:
    base = root.joinpath(*module.split("."))
    return base / "__init__.py" if (base / "__init__.py").is_file() else base.with_suffix(".py")


def _imported_names(line: str) -> list[str]:
    """The absolute dotted names one import line reaches (``from a.b import c`` → ``a.b.c``)."""
    try:
        tree = ast.parse(line.strip())
    except SyntaxError:
        return []
    names: list[str] = []
    for statement in tree.body:
        if isinstance(statement, ast.Import):
            names.extend(alias.name for alias in statement.names)
        elif isinstance(statement, ast.ImportFrom) and statement.module and not statement.level:
            names.extend(f"{statement.module}.{alias.name}" for alias in statement.names)
    return names


def _reroot_imports(graph: ImportGraph, root: Path) -> None:
    """Imports under an import root (``from services.activity import X`` in a project run from
    ``backend/``) are grimp's external package ``services``: point them at the module they reach
    (``backend.services.activity``), as the rules do (:func:`pixcrawler_lint.modules.import_root_prefix`)."""
    for external in [m for m in graph.modules if graph.is_module_squashed(m) and "." not in m]:
        for importer in sorted(graph.find_modules_that_directly_import(external)):
            prefix = import_root_prefix(external, _module_file(root, importer))
            if prefix is None:
                continue
            for detail in graph.get_import_details(importer=importer, imported=external):
                for name in _imported_names(str(detail["line_contents"])):
                    if name.split(".")[0] != external:
                        continue
                    target = f"{prefix}.{name}"
                    while target not in graph.modules and "." in target:
                        target = target.rsplit(".", 1)[0]
                    if target in graph.modules and target != importer:
                        graph.add_import(
                            importer=importer, imported=target,
                            line_number=detail["line_number"], line_contents=detail["line_contents"],
                        )
            graph.remove_import(importer=importer, imported=external)
        if not graph.find_modules_that_directly_import(external):
            graph.remove_module(external)


def _graph_root(graph: ImportGraph) -> Path | None:
    """The directory the graph's first project package lives in (as import-linter found it)."""
    for top in sorted({m.split(".")[0] for m in graph.modules if not graph.is_module_squashed(m)}):
        try:
            spec = importlib.util.find_spec(top)
        except (ImportError, ValueError):
            continue
        if spec is not None and spec.origin and Path(spec.origin).name == "__init__.py":
            return Path(spec.origin).resolve().parent.parent
    return None


def rerooted(graph: ImportGraph) -> ImportGraph:
    """``graph`` (built by import-linter) with imports under an import root pointed at the modules
    they reach; a copy when anything changes, so import-linter's other contracts see its graph."""
    root = _graph_root(graph)
    if root is None:
        return graph
    externals = [m for m in graph.modules if graph.is_module_squashed(m) and "." not in m]
    if not any(import_root_prefix(m, root / "__init__.py") for m in externals):
        return graph
    graph = copy.deepcopy(graph)
    _reroot_imports(graph, root)
    return graph
