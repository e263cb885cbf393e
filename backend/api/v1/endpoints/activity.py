"""Activity log endpoints.

Endpoints:
    GET /activity            - the caller's activity, newest first
    GET /activity/{entry_id} - one entry
"""

from typing import Annotated

from fastapi import APIRouter, Query, Response

from backend.api.types import ActivityServiceDep, CurrentUser, IdPath, Offset
from backend.core.pagination import LIST_RESPONSES, TOTAL_COUNT_HEADER
from backend.schemas.activity import ActivityLogResponse

__all__ = ["router"]

router = APIRouter(prefix="/activity", tags=["Activity"])


@router.get(
    "",
    summary="List my activity",
    responses=LIST_RESPONSES,
    operation_id="listActivity",
)
async def list_activity(
    current_user: CurrentUser,
    service: ActivityServiceDep,
    response: Response,
    resource_type: Annotated[str | None, Query(min_length=1, max_length=50)] = None,
    offset: Offset = 0,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> list[ActivityLogResponse]:
    """Return the caller's activity log, optionally of one resource type."""
    page = await service.list_activity(
        current_user.id, resource_type=resource_type, offset=offset, limit=limit
    )
    response.headers[TOTAL_COUNT_HEADER] = str(page.total)
    return [ActivityLogResponse.model_validate(entry) for entry in page.items]


@router.get(
    "/{entry_id}",
    summary="Get an activity log entry",
    operation_id="getActivityEntry",
)
async def get_activity_entry(
    entry_id: IdPath, current_user: CurrentUser, service: ActivityServiceDep
) -> ActivityLogResponse:
    """Return one entry of the caller's activity log."""
    return ActivityLogResponse.model_validate(await service.get_entry(current_user.id, entry_id))
