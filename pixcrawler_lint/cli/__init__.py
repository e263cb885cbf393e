"""The ``pixcrawler-lint`` command line: the CI gate (all rules + contracts, baseline, SARIF/GitHub).

Modules: ``main`` (arguments, exit status), ``check`` (the pipeline), ``discovery``,
``runner`` (process pool), ``suppression`` (noqa / pylint pragmas), ``baseline``, ``diff``,
``formatters`` (text, json, sarif, github), ``progress``, ``explain`` and ``contracts_hook``.
"""

from __future__ import annotations

from pixcrawler_lint.cli.main import main

__all__ = ["main"]
