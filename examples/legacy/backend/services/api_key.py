"""API key service: issues, lists and revokes bearer keys."""

from datetime import datetime, timedelta, timezone
from uuid import UUID

from fastapi import HTTPException  # expect: PXL105

from backend.core.security import generate_api_key, hash_api_key
from backend.models.api_key import APIKey
from backend.repositories.api_key_repository import APIKeyRepository
from backend.schemas.api_keys import APIKeyCreate, APIKeyStatus
from backend.services.base import BaseService

__all__ = ["APIKeyService"]


class APIKeyService(BaseService):  # expect: PXL303
    """Manages the API keys of a user; raw keys are returned exactly once."""

    def __init__(self, repository: APIKeyRepository) -> None:
        self.repository = repository

    async def create_key(self, user_id: UUID, key_in: APIKeyCreate) -> tuple[APIKey, str]:
        """Issue a key; returns the stored row and the raw key to show once."""
        raw_key = generate_api_key()
        expires_at = None
        if key_in.expires_in_days is not None:
            expires_at = datetime.now(timezone.utc) + timedelta(days=key_in.expires_in_days)
        api_key = await self.repository.create(
            user_id=user_id,
            name=key_in.name,
            key_prefix=raw_key[:8],
            key_hash=hash_api_key(raw_key),
            status=APIKeyStatus.ACTIVE.value,
            expires_at=expires_at,
        )
        return api_key, raw_key

    async def list_keys(self, user_id: UUID, status: APIKeyStatus | None = None) -> list[APIKey]:
        """Return the user's keys, optionally filtered by status."""
        return await self.repository.list_for_user(user_id, status=status.value if status else None)

    async def revoke_key(self, key_id: int, user_id: UUID) -> APIKey:
        """Revoke one of the user's keys."""
        api_key = await self.repository.get_by_id(key_id)
        if api_key is None or api_key.user_id != user_id:
            raise HTTPException(status_code=404, detail="API key not found")
        return await self.repository.update(api_key, status=APIKeyStatus.REVOKED.value)

    async def set_status(self, key_id: int, user_id: UUID, status: APIKeyStatus) -> APIKey:
        """Set a key's status (re-activating a revoked key is refused)."""
        api_key = await self.repository.get_by_id(key_id)
        if api_key is None or api_key.user_id != user_id:
            raise HTTPException(status_code=404, detail="API key not found")
        if api_key.status == APIKeyStatus.REVOKED.value and status is APIKeyStatus.ACTIVE:
            raise HTTPException(status_code=409, detail="A revoked key cannot be re-activated")
        return await self.repository.update(api_key, {"status": status.value})  # expect: PXL402
