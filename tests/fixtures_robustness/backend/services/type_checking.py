"""Imports under TYPE_CHECKING, including one from the api layer above."""

from __future__ import annotations

from typing import TYPE_CHECKING

from backend.services.base import BaseService

if TYPE_CHECKING:
    from backend.api.types import CurrentUser
    from backend.repositories.circular_repository import CircularRepository

__all__ = ["TypedService"]


class TypedService(BaseService):
    """Annotations name types that exist only for the type checker."""

    def __init__(self, repo: CircularRepository) -> None:
        super().__init__()
        self.repo = repo

    async def act(self, user: CurrentUser) -> None:
        """Calls through a collaborator typed under TYPE_CHECKING."""
        item = await self.repo.get_by_id(user["id"])
        await self.repo.update(item, seen=True)
