"""User repository."""

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from backend.models.user import User
from backend.repositories.base import BaseRepository

__all__ = ["UserRepository"]


class UserRepository(BaseRepository[User]):
    """Data access for users."""

    def __init__(self, session: AsyncSession) -> None:
        """Bind the repository to a session."""
        super().__init__(session, User)

    async def get_by_email(self, email: str) -> User | None:
        """Return the user with this e-mail (case-insensitive), or ``None``."""
        result = await self.session.execute(select(User).where(User.email == email.lower()))
        return result.scalar_one_or_none()
