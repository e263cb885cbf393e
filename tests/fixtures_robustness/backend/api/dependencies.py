"""Composition root of the robustness tree."""

from typing import Any

from backend.repositories.circular_repository import CircularRepository
from backend.services.circular_service import CircularService

__all__ = ["get_circular_service", "get_current_user"]


def get_current_user() -> dict[str, Any]:
    """The caller."""
    return {"id": 1}


def get_circular_service() -> CircularService:
    """Build the service from its repository."""
    return CircularService(CircularRepository(None, dict))
