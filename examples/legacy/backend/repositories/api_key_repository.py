"""Repository of API keys."""

from datetime import datetime, timezone
from uuid import UUID

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from backend.models.api_key import APIKey
from backend.repositories.base import BaseRepository

__all__ = ["APIKeyRepository"]


class APIKeyRepository(BaseRepository[APIKey]):
    """Data access for :class:`APIKey`."""

    def __init__(self, session: AsyncSession) -> None:
        super().__init__(session, APIKey)

    async def get_active_by_hash(self, key_hash: str) -> APIKey | None:
        """Return the active, unexpired key with this hash."""
        query = select(APIKey).where(APIKey.key_hash == key_hash, APIKey.status == "active")
        result = await self.session.execute(query)
        api_key = result.scalar_one_or_none()
        if api_key is not None and api_key.expires_at is not None:
            if api_key.expires_at < datetime.now(timezone.utc):
                return None
        return api_key

    async def list_for_user(self, user_id: UUID, status: str | None = None) -> list[APIKey]:
        """Return the user's keys, optionally filtered by status."""
        query = select(APIKey).where(APIKey.user_id == user_id)
        if status is not None:
            query = query.where(APIKey.status == status)
        result = await self.session.execute(query.order_by(APIKey.id))
        return list(result.scalars().all())

    async def touch(self, api_key: APIKey) -> None:
        """Record that ``api_key`` was just used."""
        api_key.last_used_at = datetime.now(timezone.utc)
        await self.session.flush()
