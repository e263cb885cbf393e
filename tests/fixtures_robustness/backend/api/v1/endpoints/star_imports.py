"""Star imports everywhere: names come from modules the linter must open to know them."""

from fastapi import *  # noqa: F403
from fastapi import status as http_status

from backend.api.types import *  # noqa: F403
from backend.schemas.odd import *  # noqa: F403

__all__ = ["router"]

router = APIRouter()  # noqa: F405


@router.get("/stars", response_model=OddResponse, summary="Stars", operation_id="stars")  # noqa: F405
async def stars(current_user: CurrentUser, service: CircularServiceDep) -> OddResponse:  # noqa: F405
    """Every name here came through a star import."""
    await service.touch(current_user["id"])
    return OddResponse(value=http_status.HTTP_200_OK)  # noqa: F405
