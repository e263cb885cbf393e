"""Which architectural layer a module belongs to, from its dotted name."""

from __future__ import annotations

import enum
from collections.abc import Iterable

from pixcrawler_lint.config import Config

__all__ = [
    "Layer", "LAYER_ORDER", "classify", "matches", "matches_any", "is_composition_root", "is_types_module",
    "is_admin_module",
]


class Layer(enum.Enum):
    """A layer of the architecture; ``SHARED`` modules are importable from every layer."""

    API = "api"
    SERVICES = "services"
    REPOSITORIES = "repositories"
    MODELS = "models"
    SHARED = "shared"

    @property
    def rank(self) -> int | None:
        """Position from the top (api = 0); ``None`` for shared modules."""
        return LAYER_ORDER.index(self) if self in LAYER_ORDER else None

    def is_above(self, other: Layer) -> bool:
        """True when ``self`` sits higher in api → services → repositories → models."""
        mine, theirs = self.rank, other.rank
        return mine is not None and theirs is not None and mine < theirs


LAYER_ORDER: tuple[Layer, ...] = (Layer.API, Layer.SERVICES, Layer.REPOSITORIES, Layer.MODELS)


def matches(modname: str, prefix: str) -> bool:
    """``backend.api`` matches ``backend.api`` and ``backend.api.v1.x``, not ``backend.apix``."""
    return modname == prefix or modname.startswith(prefix + ".")


def matches_any(modname: str, prefixes: Iterable[str]) -> bool:
    """True when ``modname`` is one of ``prefixes`` or inside one of them."""
    return any(matches(modname, prefix) for prefix in prefixes)


def _layer_prefixes(config: Config) -> list[tuple[str, Layer]]:
    return [
        *((p, Layer.API) for p in config.api),
        *((p, Layer.SERVICES) for p in config.services),
        *((p, Layer.REPOSITORIES) for p in config.repositories),
        *((p, Layer.MODELS) for p in config.models),
        *((p, Layer.SHARED) for p in config.shared),
    ]


def classify(modname: str, config: Config) -> Layer | None:
    """The layer of ``modname``; the longest matching prefix wins. ``None``: no layer."""
    best: tuple[int, Layer] | None = None
    for prefix, layer in _layer_prefixes(config):
        if matches(modname, prefix) and (best is None or len(prefix) > best[0]):
            best = (len(prefix), layer)
    return best[1] if best else None


def is_composition_root(modname: str, config: Config) -> bool:
    """Composition roots may import every layer and build services."""
    return matches_any(modname, config.composition_roots)


def is_types_module(modname: str, config: Config) -> bool:
    """Types modules hold the ``*Dep`` / ``CurrentUser`` aliases."""
    return matches_any(modname, config.types_modules)


def is_admin_module(modname: str, config: Config) -> bool:
    """Every route of an admin module must be guarded."""
    return matches_any(modname, config.admin_modules)
