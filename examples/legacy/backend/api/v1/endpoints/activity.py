"""Activity timeline endpoints."""  # expect: PXL604

from datetime import datetime

from fastapi import APIRouter, Query

from backend.api.types import ActivityLogServiceDep, CurrentUser
from backend.schemas.activity import ActivityTimelineEntry

router = APIRouter(prefix="/activity", tags=["Activity"])


@router.get(
    "",
    response_model=list[ActivityTimelineEntry],
    summary="Activity timeline",
    operation_id="getActivityTimeline",
)
async def get_activity_timeline(
    current_user: CurrentUser,
    service: ActivityLogServiceDep,
    limit: int = Query(50, ge=1, le=200),
) -> list[ActivityTimelineEntry]:
    """Return the current user's recent actions, newest first."""
    timeline = await service.get_timeline(current_user["user_id"], limit=limit)
    return [ActivityTimelineEntry(**item) for item in timeline]


@router.get(
    "/last",
    response_model=datetime | None,
    summary="Time of the last action",
    operation_id="getLastActivity",
)
async def get_last_activity(current_user: CurrentUser, service: ActivityLogServiceDep) -> datetime | None:
    """Return when the current user last did something (legacy: the service method was renamed)."""
    return await service.get_last_activity(current_user["user_id"])  # expect: PXL403
