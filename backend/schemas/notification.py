"""Notification schemas."""

from datetime import datetime

from backend.schemas.common import ORMModel

__all__ = ["NotificationResponse"]


class NotificationResponse(ORMModel):
    """A notification."""

    id: int
    user_id: int
    category: str
    title: str
    message: str
    is_read: bool
    created_at: datetime
