"""Which rules ``--fix`` can repair, and how safely: data, read by ``rules``, ``explain`` and docs/rules.md.

This module imports nothing heavy (no libcst), so the rule catalog can show the marker
whether or not the ``fix`` extra is installed.
"""

from __future__ import annotations

import enum

__all__ = ["Safety", "FIXABLE", "fix_safety"]


class Safety(enum.Enum):
    """``safe``: applied by ``--fix``; ``unsafe``: only with ``--unsafe-fixes`` (may change behaviour)."""

    SAFE = "safe"
    UNSAFE = "unsafe"


FIXABLE: dict[str, Safety] = {
    "PXL201": Safety.SAFE,
    "PXL203": Safety.SAFE,
    "PXL204": Safety.SAFE,
    "PXL205": Safety.SAFE,
    "PXL207": Safety.UNSAFE,
    "PXL210": Safety.SAFE,
    "PXL401": Safety.SAFE,
    "PXL403": Safety.UNSAFE,
    "PXL501": Safety.SAFE,
    "PXL502": Safety.SAFE,
    "PXL604": Safety.SAFE,
}


def fix_safety(code: str) -> Safety | None:
    """How ``code`` is fixed, or None when no fix exists."""
    return FIXABLE.get(code)
