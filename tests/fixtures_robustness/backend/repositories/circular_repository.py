"""The other half of the cycle: a repository importing the service layer (upward)."""

from backend.models.cycle_a import CycleA
from backend.repositories.base import BaseRepository
from backend.services.circular_service import CircularService

__all__ = ["CircularRepository"]


class CircularRepository(BaseRepository[CycleA]):
    """Knows the service that uses it: a cycle across layers."""

    owner: CircularService | None = None
