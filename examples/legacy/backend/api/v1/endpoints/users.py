"""User profile endpoints."""

from fastapi import APIRouter, Query
from fastapi import status as http_status

from backend.api.types import AdminUser, CurrentUser, UserServiceDep
from backend.api.v1.response_models import get_common_responses
from backend.schemas.user import UserCreate, UserResponse, UserUpdate

__all__ = ["router"]

router = APIRouter(prefix="/users", tags=["Users"], responses=get_common_responses(401, 500))


@router.post(
    "",
    response_model=UserResponse,
    status_code=http_status.HTTP_201_CREATED,
    summary="Register a user",
    operation_id="createUser",
)
async def create_user(user_in: UserCreate, service: UserServiceDep) -> UserResponse:
    """Register a new user profile."""
    user = await service.create_user(user_in)
    return UserResponse.model_validate(user)


@router.get("/me", response_model=UserResponse, summary="Get the current user")
async def read_current_user(  # expect: PXL201
    current_user: CurrentUser,
    service: UserServiceDep,
) -> UserResponse:
    """Return the profile of the authenticated user."""
    user = await service.get_user(current_user["user_id"])
    return UserResponse.model_validate(user)


@router.patch("/me", response_model=UserResponse, summary="Update the current user", operation_id="updateCurrentUser")
async def update_current_user(
    user_in: UserUpdate,
    current_user: CurrentUser,
    service: UserServiceDep,
) -> UserResponse:
    """Update e-mail and/or full name of the authenticated user."""
    user = await service.update_user(current_user["user_id"], email=user_in.email, full_name=user_in.full_name)
    return UserResponse.model_validate(user)


@router.get("", response_model=list[UserResponse], summary="List users (admin)", operation_id="listUsers")
async def list_users(
    admin: AdminUser,
    service: UserServiceDep,
    offset: int = Query(0, ge=0),
    limit: int = Query(50, ge=1, le=200),
) -> list[UserResponse]:
    """Return a page of all users; admin only."""
    users = await service.list_users(offset=offset, limit=limit)
    return [UserResponse.model_validate(user) for user in users]
