"""API key endpoints."""

from fastapi import APIRouter, HTTPException, Query, status  # expect: PXL205

from backend.api.types import APIKeyServiceDep, CurrentUser
from backend.schemas.api_keys import APIKeyCreate, APIKeyCreatedResponse, APIKeyResponse, APIKeyStatus

__all__ = ["router"]

router = APIRouter(prefix="/api-keys", tags=["API Keys"])


@router.post(
    "",
    response_model=APIKeyCreatedResponse,
    status_code=status.HTTP_201_CREATED,
    summary="Create an API key",
    operation_id="createApiKey",
)
async def create_api_key(
    key_in: APIKeyCreate,
    current_user: CurrentUser,
    service: APIKeyServiceDep,
) -> APIKeyCreatedResponse:
    """Issue a key; the raw key is only returned here."""
    api_key, raw_key = await service.create_key(current_user["user_id"], key_in)
    response = APIKeyResponse.model_validate(api_key)
    return APIKeyCreatedResponse(**response.model_dump(), key=raw_key)


@router.get("", response_model=list[APIKeyResponse], summary="List API keys", operation_id="listApiKeys")
async def list_api_keys(
    current_user: CurrentUser,
    service: APIKeyServiceDep,
    status: APIKeyStatus | None = Query(None, description="Filter by key status"),
) -> list[APIKeyResponse]:
    """Return the current user's keys."""
    try:
        keys = await service.list_keys(current_user["user_id"], status=status)
    except Exception as e:
        raise HTTPException(
            status_code=status.HTTP_500_INTERNAL_SERVER_ERROR,  # expect: PXL204
            detail=f"Failed to retrieve API keys: {str(e)}",
        ) from e
    return [APIKeyResponse.model_validate(key) for key in keys]


@router.patch(
    "/{key_id}/status",
    response_model=APIKeyResponse,
    summary="Change an API key's status",
    operation_id="setApiKeyStatus",
)
async def set_api_key_status(
    key_id: int,
    status: APIKeyStatus,
    current_user: CurrentUser,
    service: APIKeyServiceDep,
) -> APIKeyResponse:
    """Activate, expire or revoke a key."""
    if status is APIKeyStatus.EXPIRED:
        raise HTTPException(
            status_code=status.HTTP_400_BAD_REQUEST,  # expect: PXL204
            detail="Keys expire on their own; revoke the key instead",
        )
    api_key = await service.set_status(key_id, current_user["user_id"], status)
    return APIKeyResponse.model_validate(api_key)


@router.delete("/{key_id}", response_model=APIKeyResponse, summary="Revoke an API key", operation_id="revokeApiKey")
async def revoke_api_key(key_id: int, current_user: CurrentUser, service: APIKeyServiceDep) -> APIKeyResponse:
    """Revoke a key; it stops working immediately."""
    api_key = await service.revoke_key(key_id, current_user["user_id"])
    if api_key is None:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="API key not found")
    return APIKeyResponse.model_validate(api_key)
