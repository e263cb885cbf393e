"""Notification schemas."""

from datetime import datetime
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["NotificationCreate", "NotificationResponse", "UnreadCount"]


class NotificationCreate(BaseModel):
    """Internal payload used by services to notify a user."""

    user_id: UUID
    title: str = Field(max_length=200)
    message: str
    type: str = "info"


class NotificationResponse(BaseModel):
    """A notification as returned by the API."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    title: str
    message: str
    type: str
    is_read: bool
    created_at: datetime


class UnreadCount(BaseModel):
    """Number of unread notifications."""

    count: int
