"""Pydantic v2 request and response schemas."""
