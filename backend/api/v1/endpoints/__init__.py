"""Version 1 endpoint modules, one per resource."""

__all__: list[str] = []
