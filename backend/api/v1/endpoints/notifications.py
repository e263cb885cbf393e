"""Notification endpoints.

Endpoints:
    GET    /notifications                        - list the caller's notifications
    POST   /notifications/read-all               - mark all of them read
    GET    /notifications/{notification_id}      - one notification
    POST   /notifications/{notification_id}/read - mark one read
    DELETE /notifications/{notification_id}      - delete one
"""

from typing import Annotated

from fastapi import APIRouter, Query, Response
from fastapi import status as http_status

from backend.api.types import CurrentUser, IdPath, NotificationServiceDep, Offset
from backend.core.pagination import LIST_RESPONSES, TOTAL_COUNT_HEADER
from backend.schemas.common import CountResponse
from backend.schemas.notification import NotificationResponse

__all__ = ["router"]

router = APIRouter(prefix="/notifications", tags=["Notifications"])


@router.get(
    "",
    summary="List my notifications",
    responses=LIST_RESPONSES,
    operation_id="listNotifications",
)
async def list_notifications(
    current_user: CurrentUser,
    service: NotificationServiceDep,
    response: Response,
    unread_only: bool = False,
    offset: Offset = 0,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> list[NotificationResponse]:
    """Return the caller's notifications, newest first."""
    page = await service.list_notifications(
        current_user.id, unread_only=unread_only, offset=offset, limit=limit
    )
    response.headers[TOTAL_COUNT_HEADER] = str(page.total)
    return [NotificationResponse.model_validate(item) for item in page.items]


@router.post(
    "/read-all",
    status_code=http_status.HTTP_200_OK,
    summary="Mark all my notifications read",
    operation_id="markAllNotificationsRead",
)
async def mark_all_notifications_read(
    current_user: CurrentUser, service: NotificationServiceDep
) -> CountResponse:
    """Mark every notification of the caller read and say how many changed."""
    return CountResponse(count=await service.mark_all_read(current_user.id))


@router.get(
    "/{notification_id}",
    summary="Get a notification",
    operation_id="getNotification",
)
async def get_notification(
    notification_id: IdPath, current_user: CurrentUser, service: NotificationServiceDep
) -> NotificationResponse:
    """Return one of the caller's notifications."""
    notification = await service.get_notification(current_user.id, notification_id)
    return NotificationResponse.model_validate(notification)


@router.post(
    "/{notification_id}/read",
    status_code=http_status.HTTP_200_OK,
    summary="Mark a notification read",
    operation_id="markNotificationRead",
)
async def mark_notification_read(
    notification_id: IdPath, current_user: CurrentUser, service: NotificationServiceDep
) -> NotificationResponse:
    """Mark one of the caller's notifications read."""
    notification = await service.mark_read(current_user.id, notification_id)
    return NotificationResponse.model_validate(notification)


@router.delete(
    "/{notification_id}",
    status_code=http_status.HTTP_204_NO_CONTENT,
    summary="Delete a notification",
    operation_id="deleteNotification",
)
async def delete_notification(
    notification_id: IdPath, current_user: CurrentUser, service: NotificationServiceDep
) -> None:
    """Delete one of the caller's notifications."""
    await service.delete_notification(current_user.id, notification_id)
