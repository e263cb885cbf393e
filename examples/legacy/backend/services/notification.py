"""Notification service."""

from uuid import UUID

from backend.core.cache import TTLCache
from backend.core.exceptions import NotFoundError
from backend.models.notification import Notification
from backend.repositories.notification_repository import NotificationRepository
from backend.schemas.notification import NotificationCreate
from backend.services.base import BaseService

__all__ = ["NotificationService"]


class NotificationService(BaseService):
    """Creates notifications and tracks their read state."""

    def __init__(self, repository: NotificationRepository, cache: TTLCache) -> None:
        super().__init__()
        self.repository = repository
        self.cache = cache

    @staticmethod
    def _cache_key(notification_id: int) -> str:
        return f"notification:{notification_id}"

    async def create_notification(self, notification_in: NotificationCreate) -> Notification:
        """Store a new notification for ``notification_in.user_id``."""
        return await self.repository.create(notification_in.model_dump())  # expect: PXL401

    async def notify(self, user_id: UUID, title: str, message: str, type: str = "info") -> Notification:
        """Shortcut used by other services."""
        return await self.repository.create(user_id=user_id, title=title, message=message, type=type)

    async def get_notification(self, notification_id: int, user_id: UUID) -> Notification:
        """Return the user's notification, from the cache when possible."""
        cached = self.cache.get(self._cache_key(notification_id))
        if cached is not None and cached.user_id == user_id:
            return cached
        notification = await self.repository.get(notification_id)  # expect: PXL403
        if notification is None or notification.user_id != user_id:
            raise NotFoundError(f"Notification {notification_id} not found")
        self.cache.set(self._cache_key(notification_id), notification)
        return notification

    async def list_notifications(self, user_id: UUID, *, unread_only: bool = False, limit: int = 50) -> list[Notification]:
        """Return the user's notifications."""
        return await self.repository.list_for_user(user_id, unread_only=unread_only, limit=self.clamp_limit(limit))

    async def mark_as_read(self, notification_id: int, user_id: UUID) -> Notification:
        """Mark one notification read."""
        notification = await self.get_notification(notification_id, user_id)
        self.cache.invalidate(self._cache_key(notification_id))
        return await self.repository.update(notification, is_read=True)

    async def mark_all_read(self, user_id: UUID) -> int:
        """Mark every notification of the user read."""
        self.cache.clear()
        return await self.repository.mark_all_read(user_id)

    async def unread_count(self, user_id: UUID) -> int:
        """Return the number of unread notifications."""
        return await self.repository.count_unread(user_id)
