"""Whole-graph layer checks: the import-linter contract type and a plain function API.

Configure layers once in ``[tool.pixcrawler_lint]``; the inline rules (PXL101–PXL105) and
these checks read the same map and ask the same policy.

Plain API (no ``lint-imports`` needed; used by the ``pixcrawler-lint`` CLI)::

    from pixcrawler_lint.contracts import build_graph, check_architecture
    graph = build_graph(project_root, config)        # grimp graph of the layered packages
    for violation in check_architecture(graph, config):
        print(violation.render())                    # rule, full chain, how to fix

- :func:`build_graph` ``(project_root, config=None, *, include_external_packages=True,
  extra_packages=()) -> grimp.ImportGraph``
- :func:`check_architecture` ``(graph, config) -> list[Violation]``; a :class:`Violation` has
  ``importer``, ``code`` (``PXL101``…), ``symbol``, ``imported``, ``chain``
  (tuple of :class:`ImportStep` ``(importer, imported, line_numbers)``), ``message``,
  ``is_direct``, ``line`` and ``render()``.
- :func:`check_project` ``(project_root, config=None) -> list[Violation]``: both at once.

import-linter: ``contract_types = pixcrawler_layers: pixcrawler_lint.contracts.LayerMapContract``
(see :mod:`pixcrawler_lint.contracts.layer_map_contract` and ``docs/contracts.md``).
"""

from __future__ import annotations

from pathlib import Path

from pixcrawler_lint.config import Config, config_for_path
from pixcrawler_lint.contracts.architecture import ImportStep, Violation, check_architecture, layered_packages
from pixcrawler_lint.contracts.graph import build_graph, project_packages
from pixcrawler_lint.contracts.layer_map_contract import LayerMapContract

__all__ = [
    "ImportStep",
    "Violation",
    "LayerMapContract",
    "build_graph",
    "check_architecture",
    "check_project",
    "layered_packages",
    "project_packages",
]


def check_project(project_root: str | Path, config: Config | None = None) -> list[Violation]:
    """Build the graph of ``project_root`` and check it (``config``: nearest pyproject)."""
    root = Path(project_root).resolve()
    config = config if config is not None else config_for_path(root)
    return check_architecture(build_graph(root, config), config)
