"""Version 1 of the HTTP API."""

__all__: list[str] = []
