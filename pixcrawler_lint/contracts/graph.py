"""Build the grimp import graph of a project from disk, for :func:`check_architecture`."""

from __future__ import annotations

import contextlib
import importlib
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import grimp
from grimp import ImportGraph

from pixcrawler_lint.config import Config, config_for_path
from pixcrawler_lint.contracts.architecture import layered_packages

__all__ = ["build_graph", "project_packages"]

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
    an empty graph.
    """
    root = Path(project_root).resolve()
    config = config if config is not None else config_for_path(root)
    packages = [*project_packages(root, config), *extra_packages]
    if not packages:
        return ImportGraph()
    with _build_lock, _importable_from(root, packages):
        return grimp.build_graph(
            *packages,
            include_external_packages=include_external_packages,
            exclude_type_checking_imports=config.type_checking_imports == "ignore",
            cache_dir=None,
        )
