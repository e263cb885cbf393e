"""pixcrawler-lint: architecture-conformance linter for layered FastAPI + SQLAlchemy backends.

``pylint --load-plugins=pixcrawler_lint`` calls :func:`register` below; the flake8 plugin is
``pixcrawler_lint.flake8_plugin``; the engine is ``pixcrawler_lint.engine``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pylint.lint import PyLinter

__all__ = ["__version__", "register"]
__version__ = "0.1.0"


def register(linter: PyLinter) -> None:
    """pylint plugin entry point: one checker per rule family."""
    from pixcrawler_lint.pylint_plugin import register as register_checkers

    register_checkers(linter)
