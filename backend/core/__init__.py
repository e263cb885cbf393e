"""Shared core: settings, domain exceptions and security helpers (importable from every layer)."""

__all__: list[str] = []
