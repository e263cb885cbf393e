"""The architecture model of a project (STYLE.md: one model, asked, never re-derived).

- :mod:`.patterns`: module patterns with ``*`` / ``**`` and their specificity;
- :mod:`.policy`: the layer order and the forbidden edges (the ONE place of the policy);
- :mod:`.selection`: presets, ``select`` / ``ignore`` / ``per-file-ignores`` / ``severity``;
- :mod:`.model`: :class:`Architecture`, built once per configuration by :func:`architecture_of`.
"""

from __future__ import annotations

from pixcrawler_lint.architecture.layer import LAYER_ORDER, Layer
from pixcrawler_lint.architecture.model import Architecture, architecture_of, resolve_preset
from pixcrawler_lint.architecture.patterns import Pattern, parse_pattern
from pixcrawler_lint.architecture.policy import Edge, Policy
from pixcrawler_lint.architecture.selection import CommandLine, Selection

__all__ = [
    "Architecture", "CommandLine", "Edge", "LAYER_ORDER", "Layer", "Pattern", "Policy", "Selection",
    "architecture_of", "parse_pattern", "resolve_preset",
]
