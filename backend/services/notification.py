"""Notification service."""

from backend.core.exceptions import NotFoundError
from backend.core.pagination import Page
from backend.models.notification import Notification
from backend.repositories.notification import NotificationRepository
from backend.services.base import BaseService

__all__ = ["NotificationService"]


class NotificationService(BaseService):
    """Lists, reads and deletes the calling user's notifications."""

    def __init__(self, notification_repo: NotificationRepository) -> None:
        """Keep the notification repository."""
        super().__init__()
        self.notification_repo = notification_repo

    async def list_notifications(
        self, user_id: int, *, unread_only: bool, offset: int, limit: int
    ) -> Page[Notification]:
        """Return one page of the user's notifications, newest first, and how many match."""
        notifications = await self.notification_repo.list_for_user(
            user_id, unread_only=unread_only, offset=offset, limit=limit
        )
        filters: dict[str, int | bool] = {"user_id": user_id}
        if unread_only:
            filters["is_read"] = False
        return Page(items=notifications, total=await self.notification_repo.count(**filters))

    async def get_notification(self, user_id: int, notification_id: int) -> Notification:
        """Return one of the user's notifications."""
        notification = await self.notification_repo.get_by_id(notification_id)
        if notification is None or notification.user_id != user_id:
            raise NotFoundError("Notification", notification_id)
        return notification

    async def mark_read(self, user_id: int, notification_id: int) -> Notification:
        """Mark one notification read."""
        notification = await self.get_notification(user_id, notification_id)
        return await self.notification_repo.update(notification, is_read=True)

    async def mark_all_read(self, user_id: int) -> int:
        """Mark every notification of the user read; return how many changed."""
        return await self.notification_repo.mark_all_read(user_id)

    async def delete_notification(self, user_id: int, notification_id: int) -> None:
        """Delete one of the user's notifications."""
        notification = await self.get_notification(user_id, notification_id)
        await self.notification_repo.delete(notification)
