"""Activity log service: records user actions and renders the timeline."""

from datetime import datetime, timezone
from typing import Any
from uuid import UUID

from backend.models.activity_log import ActivityLog
from backend.repositories.activity_log_repository import ActivityLogRepository
from backend.services.base import BaseService

__all__ = ["ActivityLogService"]


class ActivityLogService(BaseService):
    """Append-only audit trail of user actions."""

    def __init__(self, repository: ActivityLogRepository) -> None:
        super().__init__()
        self.repository = repository

    async def record(
        self,
        user_id: UUID,
        action: str,
        resource_type: str,
        resource_id: str | None = None,
        metadata: dict[str, Any] | None = None,
    ) -> ActivityLog:
        """Append one entry."""
        return await self.repository.create(
            user_id=user_id,
            action=action,
            resource_type=resource_type,
            resource_id=resource_id,
            metadata_=metadata or {},
        )

    async def get_timeline(self, user_id: UUID, limit: int = 50) -> list[dict[str, Any]]:
        """Return the user's recent actions, newest first, ready for the API."""
        entries = await self.repository.list_for_user(user_id, limit=self.clamp_limit(limit))
        timeline: list[dict[str, Any]] = []
        for entry in entries:
            timeline.append(
                {
                    "id": entry.id,
                    "action": entry.action,
                    "resource_type": entry.resource_type,
                    "resource_id": entry.resource_id,
                    "timestamp": entry.created_at().isoformat(),  # expect: PXL502
                }
            )
        return timeline

    async def last_activity_at(self, user_id: UUID) -> datetime | None:
        """Return when the user last did something."""
        latest = await self.repository.get_latest(user_id)
        if latest is None:
            return None
        return latest.created_at

    async def seconds_since_last_activity(self, user_id: UUID) -> float | None:
        """Return how long ago the user last did something, for the idle-account report."""
        latest = await self.repository.get_latest(user_id)
        if latest is None:
            return None
        return (datetime.now(timezone.utc) - latest.created_at()).total_seconds()  # expect: PXL502

    @staticmethod
    def describe(entry: ActivityLog) -> str:
        """One-line human description of an entry, for e-mails."""
        when = entry.created_at()  # expect: PXL502
        return f"{entry.action} on {entry.resource_type} at {when:%Y-%m-%d %H:%M}"
