"""Repository of user profiles."""

from uuid import UUID

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from backend.models.user import Profile
from backend.repositories.base import BaseRepository

__all__ = ["UserRepository"]


class UserRepository(BaseRepository[Profile]):
    """Data access for :class:`Profile`."""

    def __init__(self, session: AsyncSession) -> None:
        super().__init__(session, Profile)

    async def get_by_email(self, email: str) -> Profile | None:
        """Return the profile registered with ``email`` (case-insensitive)."""
        query = select(Profile).where(Profile.email == email.lower())
        result = await self.session.execute(query)
        return result.scalar_one_or_none()

    async def get_by_uuid(self, user_id: UUID) -> Profile | None:
        """Return the profile with id ``user_id``."""
        return await self.get_by_id(user_id)

    async def list_admins(self) -> list[Profile]:
        """Return every active administrator."""
        query = select(Profile).where(Profile.role == "admin", Profile.is_active.is_(True))
        result = await self.session.execute(query)
        return list(result.scalars().all())
