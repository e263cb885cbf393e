"""One half of an import cycle that crosses layers (service <-> repository)."""

from backend.repositories.circular_repository import CircularRepository
from backend.services.base import BaseService

__all__ = ["CircularService"]


class CircularService(BaseService):
    """Uses a repository that imports this module back."""

    def __init__(self, repo: CircularRepository) -> None:
        super().__init__()
        self.repo = repo

    async def touch(self, item_id: int) -> None:
        """Update through the cyclic collaborator."""
        item = await self.repo.get_by_id(item_id)
        await self.repo.update(item, touched=True)
