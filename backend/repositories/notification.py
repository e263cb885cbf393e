"""Notification repository."""

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from backend.models.notification import Notification
from backend.repositories.base import BaseRepository

__all__ = ["NotificationRepository"]


class NotificationRepository(BaseRepository[Notification]):
    """Data access for notifications."""

    def __init__(self, session: AsyncSession) -> None:
        """Bind the repository to a session."""
        super().__init__(session, Notification)

    async def list_for_user(
        self, user_id: int, *, unread_only: bool, offset: int, limit: int
    ) -> Sequence[Notification]:
        """Return a user's notifications, newest first."""
        query = select(Notification).where(Notification.user_id == user_id)
        if unread_only:
            query = query.where(Notification.is_read.is_(False))
        query = query.order_by(Notification.id.desc()).offset(offset).limit(limit)
        result = await self.session.execute(query)
        return result.scalars().all()

    async def mark_all_read(self, user_id: int) -> int:
        """Mark every unread notification of a user read; return how many changed."""
        statement = (
            update(Notification)
            .where(Notification.user_id == user_id, Notification.is_read.is_(False))
            .values(is_read=True)
        )
        result = await self.session.execute(statement)
        await self.session.commit()
        return int(getattr(result, "rowcount", 0) or 0)

    async def delete_read_before(self, cutoff: datetime) -> int:
        """Delete read notifications created before ``cutoff``; return how many."""
        statement = delete(Notification).where(
            Notification.is_read.is_(True), Notification.created_at <= cutoff
        )
        result = await self.session.execute(statement)
        await self.session.commit()
        return int(getattr(result, "rowcount", 0) or 0)
