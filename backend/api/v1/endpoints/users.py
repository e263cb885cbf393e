"""User registration and profile endpoints.

Endpoints:
    POST  /users     - register; returns the new profile and its first API key (once)
    GET   /users/me  - the caller's profile
    PATCH /users/me  - update the caller's profile
"""

from fastapi import APIRouter
from fastapi import status as http_status

from backend.api.types import CurrentUser, UserServiceDep
from backend.schemas.user import UserCreate, UserRegistered, UserResponse, UserUpdate

__all__ = ["router"]

router = APIRouter(prefix="/users", tags=["Users"])


@router.post(
    "",
    status_code=http_status.HTTP_201_CREATED,
    summary="Register a user",
    description="Create a user and return its profile and first API key. The key is shown "
    "only in this response. The first user ever registered becomes an admin.",
    operation_id="registerUser",
)
async def register_user(user_in: UserCreate, service: UserServiceDep) -> UserRegistered:
    """Register a new user (no authentication required)."""
    registration = await service.register(user_in)
    return UserRegistered(
        user=UserResponse.model_validate(registration.user),
        api_key=registration.raw_key,
        api_key_id=registration.api_key.id,
    )


@router.get(
    "/me",
    summary="Get my profile",
    operation_id="getMyProfile",
)
async def get_my_profile(current_user: CurrentUser, service: UserServiceDep) -> UserResponse:
    """Return the caller's profile."""
    return UserResponse.model_validate(await service.get_profile(current_user.id))


@router.patch(
    "/me",
    summary="Update my profile",
    operation_id="updateMyProfile",
)
async def update_my_profile(
    user_in: UserUpdate, current_user: CurrentUser, service: UserServiceDep
) -> UserResponse:
    """Change the given fields of the caller's profile."""
    return UserResponse.model_validate(await service.update_profile(current_user.id, user_in))
