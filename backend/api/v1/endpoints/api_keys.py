"""API key endpoints.

Endpoints:
    POST /api-keys                 - issue a key (the secret is shown only in this response)
    GET  /api-keys                 - list the caller's keys
    GET  /api-keys/{key_id}        - one key
    POST /api-keys/{key_id}/revoke - revoke a key
"""

from typing import Annotated

from fastapi import APIRouter, Query, Response
from fastapi import status as http_status

from backend.api.types import APIKeyServiceDep, CurrentUser, IdPath, Offset
from backend.core.pagination import LIST_RESPONSES, TOTAL_COUNT_HEADER
from backend.schemas.api_key import APIKeyCreate, APIKeyCreated, APIKeyResponse

__all__ = ["router"]

router = APIRouter(prefix="/api-keys", tags=["API keys"])


@router.post(
    "",
    status_code=http_status.HTTP_201_CREATED,
    summary="Create an API key",
    operation_id="createApiKey",
)
async def create_api_key(
    key_in: APIKeyCreate, current_user: CurrentUser, service: APIKeyServiceDep
) -> APIKeyCreated:
    """Issue a new key for the caller."""
    issued = await service.create_key(current_user.id, key_in)
    listed = APIKeyResponse.model_validate(issued.record)
    return APIKeyCreated(**listed.model_dump(), key=issued.raw_key)


@router.get(
    "",
    summary="List my API keys",
    responses=LIST_RESPONSES,
    operation_id="listApiKeys",
)
async def list_api_keys(
    current_user: CurrentUser,
    service: APIKeyServiceDep,
    response: Response,
    offset: Offset = 0,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> list[APIKeyResponse]:
    """Return the caller's keys, newest first."""
    page = await service.list_keys(current_user.id, offset=offset, limit=limit)
    response.headers[TOTAL_COUNT_HEADER] = str(page.total)
    return [APIKeyResponse.model_validate(key) for key in page.items]


@router.get(
    "/{key_id}",
    summary="Get an API key",
    operation_id="getApiKey",
)
async def get_api_key(
    key_id: IdPath, current_user: CurrentUser, service: APIKeyServiceDep
) -> APIKeyResponse:
    """Return one of the caller's keys."""
    return APIKeyResponse.model_validate(await service.get_key(current_user.id, key_id))


@router.post(
    "/{key_id}/revoke",
    status_code=http_status.HTTP_200_OK,
    summary="Revoke an API key",
    operation_id="revokeApiKey",
)
async def revoke_api_key(
    key_id: IdPath, current_user: CurrentUser, service: APIKeyServiceDep
) -> APIKeyResponse:
    """Revoke one of the caller's keys; it stops authenticating at once."""
    return APIKeyResponse.model_validate(await service.revoke_key(current_user.id, key_id))
