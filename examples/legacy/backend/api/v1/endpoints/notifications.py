"""Notification endpoints."""

from typing import Any, Dict

from fastapi import APIRouter, Depends, Query
from fastapi import status as http_status

from backend.api.dependencies import get_current_user, get_notification_repository
from backend.api.types import CurrentUser, NotificationServiceDep
from backend.repositories.notification_repository import NotificationRepository  # expect: PXL102
from backend.schemas.notification import NotificationResponse, UnreadCount

__all__ = ["router"]

router = APIRouter(prefix="/notifications", tags=["Notifications"])


@router.get("", response_model=list[NotificationResponse], summary="List notifications", operation_id="listNotifications")
async def list_notifications(
    service: NotificationServiceDep,
    current_user: Dict[str, Any] = Depends(get_current_user),  # expect: PXL207
    unread_only: bool = Query(False),
    limit: int = Query(50, ge=1, le=200),
) -> list[NotificationResponse]:
    """Return the current user's notifications."""
    notifications = await service.list_notifications(current_user["user_id"], unread_only=unread_only, limit=limit)
    return [NotificationResponse.model_validate(item) for item in notifications]


@router.get("/unread-count", response_model=UnreadCount, summary="Count unread notifications", operation_id="countUnread")
async def count_unread_notifications(
    current_user: CurrentUser,
    repository: NotificationRepository = Depends(get_notification_repository),  # expect: PXL206
) -> UnreadCount:
    """Return how many notifications are unread (legacy: talks to the repository)."""
    return UnreadCount(count=await repository.count_unread(current_user["user_id"]))


@router.post(
    "/{notification_id}/read",
    response_model=NotificationResponse,
    status_code=http_status.HTTP_200_OK,
    summary="Mark a notification read",
    operation_id="markNotificationRead",
)
async def mark_notification_read(
    notification_id: int,
    current_user: CurrentUser,
    service: NotificationServiceDep,
) -> NotificationResponse:
    """Mark one notification read."""
    notification = await service.mark_as_read(notification_id, current_user["user_id"])
    return NotificationResponse.model_validate(notification)


@router.post("/read-all", status_code=http_status.HTTP_204_NO_CONTENT, summary="Mark all notifications read")
async def mark_all_notifications_read(  # expect: PXL201
    current_user: CurrentUser,
    service: NotificationServiceDep,
):
    """Mark every notification of the current user read."""
    await service.mark_all_read(current_user["user_id"])
