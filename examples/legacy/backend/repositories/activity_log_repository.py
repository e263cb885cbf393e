"""Repository of activity log entries."""  # expect: PXL604

from uuid import UUID

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from backend.models.activity_log import ActivityLog
from backend.repositories.base import BaseRepository


class ActivityLogRepository(BaseRepository[ActivityLog]):
    """Data access for :class:`ActivityLog` (append-only)."""

    def __init__(self, session: AsyncSession) -> None:
        super().__init__(session, ActivityLog)

    async def list_for_user(self, user_id: UUID, limit: int = 50) -> list[ActivityLog]:
        """Return the user's most recent entries, newest first."""
        query = (
            select(ActivityLog)
            .where(ActivityLog.user_id == user_id)
            .order_by(ActivityLog.created_at.desc())
            .limit(limit)
        )
        result = await self.session.execute(query)
        return list(result.scalars().all())

    async def get_latest(self, user_id: UUID) -> ActivityLog | None:
        """Return the user's most recent entry."""
        entries = await self.list_for_user(user_id, limit=1)
        return entries[0] if entries else None
