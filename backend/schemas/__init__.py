"""Pydantic v2 request and response schemas (shared by every layer)."""

__all__: list[str] = []
