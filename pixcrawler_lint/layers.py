"""Which architectural layer a module belongs to, from its dotted name.

Thin functions over the architecture model (:mod:`pixcrawler_lint.architecture`), kept for the
code that asks with a :class:`Config` in hand; new code asks ``ctx.architecture`` directly.
"""

from __future__ import annotations

from collections.abc import Iterable

from pixcrawler_lint.architecture.layer import LAYER_ORDER, Layer
from pixcrawler_lint.architecture.model import architecture_of
from pixcrawler_lint.architecture.patterns import PatternError, parse_pattern
from pixcrawler_lint.config import Config

__all__ = [
    "Layer", "LAYER_ORDER", "classify", "matches", "matches_any", "is_composition_root", "is_types_module",
    "is_admin_module",
]


def matches(modname: str, prefix: str) -> bool:
    """True when the pattern ``prefix`` names ``modname`` or one of its packages.

    ``backend.api`` matches ``backend.api`` and ``backend.api.v1.x``, not ``backend.apix``;
    ``app.*.views`` matches ``app.users.views.admin``; ``app.**.service`` matches ``app.service``.
    """
    try:
        return parse_pattern(prefix).matches(modname)
    except PatternError:
        return modname == prefix or modname.startswith(prefix + ".")


def matches_any(modname: str, prefixes: Iterable[str]) -> bool:
    """True when one of the patterns ``prefixes`` names ``modname`` or one of its packages."""
    return any(matches(modname, prefix) for prefix in prefixes)


def classify(modname: str, config: Config) -> Layer | None:
    """The layer of ``modname``; the most specific pattern wins. ``None``: no layer."""
    return architecture_of(config).layer_of(modname)


def is_composition_root(modname: str, config: Config) -> bool:
    """Composition roots may import every layer and build services."""
    return architecture_of(config).is_composition_root(modname)


def is_types_module(modname: str, config: Config) -> bool:
    """Types modules hold the ``*Dep`` / ``CurrentUser`` aliases."""
    return architecture_of(config).is_types_module(modname)


def is_admin_module(modname: str, config: Config) -> bool:
    """Every route of an admin module must be guarded."""
    return architecture_of(config).is_admin_module(modname)
