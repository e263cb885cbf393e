"""API key repository."""

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from backend.models.api_key import APIKey
from backend.repositories.base import BaseRepository

__all__ = ["APIKeyRepository"]


class APIKeyRepository(BaseRepository[APIKey]):
    """Data access for API keys."""

    def __init__(self, session: AsyncSession) -> None:
        """Bind the repository to a session."""
        super().__init__(session, APIKey)

    async def get_by_hash(self, key_hash: str) -> APIKey | None:
        """Return the key stored under this hash, or ``None``."""
        result = await self.session.execute(select(APIKey).where(APIKey.key_hash == key_hash))
        return result.scalar_one_or_none()

    async def list_for_user(self, user_id: int, *, offset: int, limit: int) -> Sequence[APIKey]:
        """Return a user's keys, newest first."""
        query = (
            select(APIKey)
            .where(APIKey.user_id == user_id)
            .order_by(APIKey.id.desc())
            .offset(offset)
            .limit(limit)
        )
        result = await self.session.execute(query)
        return result.scalars().all()
