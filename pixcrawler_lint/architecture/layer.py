"""The layers an architecture may have; their order is configured (``layers``)."""

from __future__ import annotations

import enum

__all__ = ["Layer", "LAYER_ORDER"]


class Layer(enum.Enum):
    """A layer of the architecture; ``SHARED`` modules are importable from every layer."""

    API = "api"
    SERVICES = "services"
    REPOSITORIES = "repositories"
    MODELS = "models"
    SHARED = "shared"

    @property
    def rank(self) -> int | None:
        """Position from the top in the default order (api = 0); ``None`` for shared modules."""
        return LAYER_ORDER.index(self) if self in LAYER_ORDER else None

    def is_above(self, other: Layer) -> bool:
        """True when ``self`` sits higher in the default api → services → repositories → models."""
        mine, theirs = self.rank, other.rank
        return mine is not None and theirs is not None and mine < theirs


# The default order of the `layers` key (top first); a configuration may drop layers.
LAYER_ORDER: tuple[Layer, ...] = (Layer.API, Layer.SERVICES, Layer.REPOSITORIES, Layer.MODELS)
