"""Activity log repository."""

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from backend.models.activity_log import ActivityLog
from backend.repositories.base import BaseRepository

__all__ = ["ActivityLogRepository"]


class ActivityLogRepository(BaseRepository[ActivityLog]):
    """Data access for the activity log."""

    def __init__(self, session: AsyncSession) -> None:
        """Bind the repository to a session."""
        super().__init__(session, ActivityLog)

    async def list_for_user(
        self, user_id: int, *, resource_type: str | None, offset: int, limit: int
    ) -> Sequence[ActivityLog]:
        """Return a user's activity, newest first."""
        query = select(ActivityLog).where(ActivityLog.user_id == user_id)
        if resource_type is not None:
            query = query.where(ActivityLog.resource_type == resource_type)
        query = query.order_by(ActivityLog.id.desc()).offset(offset).limit(limit)
        result = await self.session.execute(query)
        return result.scalars().all()

    async def delete_before(self, cutoff: datetime) -> int:
        """Delete entries created before ``cutoff``; return how many."""
        result = await self.session.execute(
            delete(ActivityLog).where(ActivityLog.created_at <= cutoff)
        )
        await self.session.commit()
        return int(getattr(result, "rowcount", 0) or 0)
