"""Repository of notifications."""

from uuid import UUID

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from backend.models.notification import Notification
from backend.repositories.base import BaseRepository

__all__ = ["NotificationRepository"]


class NotificationRepository(BaseRepository[Notification]):
    """Data access for :class:`Notification`."""

    def __init__(self, session: AsyncSession) -> None:
        super().__init__(session, Notification)

    async def list_for_user(self, user_id: UUID, *, unread_only: bool = False, limit: int = 50) -> list[Notification]:
        """Return the user's notifications, newest first."""
        query = select(Notification).where(Notification.user_id == user_id)
        if unread_only:
            query = query.where(Notification.is_read.is_(False))
        result = await self.session.execute(query.order_by(Notification.id.desc()).limit(limit))
        return list(result.scalars().all())

    async def count_unread(self, user_id: UUID) -> int:
        """Return how many notifications of the user are unread."""
        query = select(func.count(Notification.id)).where(
            Notification.user_id == user_id, Notification.is_read.is_(False)
        )
        result = await self.session.execute(query)
        return int(result.scalar_one())

    async def mark_all_read(self, user_id: UUID) -> int:
        """Mark every notification of the user read; return how many changed."""
        statement = (
            update(Notification)
            .where(Notification.user_id == user_id, Notification.is_read.is_(False))
            .values(is_read=True)
        )
        result = await self.session.execute(statement)
        return int(result.rowcount or 0)
