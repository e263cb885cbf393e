"""Activity log service: reading a user's audit trail."""

from backend.core.exceptions import NotFoundError
from backend.core.pagination import Page
from backend.models.activity_log import ActivityLog
from backend.repositories.activity_log import ActivityLogRepository
from backend.services.base import BaseService

__all__ = ["ActivityService"]


class ActivityService(BaseService):
    """Lists and reads activity log entries of the calling user."""

    def __init__(self, activity_repo: ActivityLogRepository) -> None:
        """Keep the activity log repository."""
        super().__init__()
        self.activity_repo = activity_repo

    async def list_activity(
        self, user_id: int, *, resource_type: str | None, offset: int, limit: int
    ) -> Page[ActivityLog]:
        """Return one page of the user's activity, newest first, and how many entries match."""
        entries = await self.activity_repo.list_for_user(
            user_id, resource_type=resource_type, offset=offset, limit=limit
        )
        filters: dict[str, int | str] = {"user_id": user_id}
        if resource_type is not None:
            filters["resource_type"] = resource_type
        return Page(items=entries, total=await self.activity_repo.count(**filters))

    async def get_entry(self, user_id: int, entry_id: int) -> ActivityLog:
        """Return one of the user's entries; another user's entry is reported as missing."""
        entry = await self.activity_repo.get_by_id(entry_id)
        if entry is None or entry.user_id != user_id:
            raise NotFoundError("Activity log entry", entry_id)
        return entry
