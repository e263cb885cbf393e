"""HTTP API layer: routers, typed dependency aliases and the composition root."""

__all__: list[str] = []
