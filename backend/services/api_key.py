"""API key service: issuing, listing, revoking keys, and authenticating bearer tokens."""

from dataclasses import dataclass

from backend.core.clock import utcnow
from backend.core.enums import APIKeyStatus
from backend.core.exceptions import AuthenticationError, InvalidOperationError, NotFoundError
from backend.core.pagination import Page
from backend.core.security import generate_api_key, hash_api_key, key_display_prefix
from backend.models.api_key import APIKey
from backend.repositories.activity_log import ActivityLogRepository
from backend.repositories.api_key import APIKeyRepository
from backend.repositories.user import UserRepository
from backend.schemas.api_key import APIKeyCreate
from backend.schemas.auth import AuthenticatedUser
from backend.services.base import BaseService

__all__ = ["APIKeyService", "IssuedKey"]


@dataclass(frozen=True, slots=True)
class IssuedKey:
    """A newly stored key record and the secret it was made from (shown once)."""

    record: APIKey
    raw_key: str


class APIKeyService(BaseService):
    """Manages API keys; only their SHA-256 hashes are ever stored."""

    def __init__(
        self,
        api_key_repo: APIKeyRepository,
        user_repo: UserRepository,
        activity_repo: ActivityLogRepository,
    ) -> None:
        """Keep the repositories."""
        super().__init__()
        self.api_key_repo = api_key_repo
        self.user_repo = user_repo
        self.activity_repo = activity_repo

    async def authenticate(self, raw_key: str) -> AuthenticatedUser:
        """Return the user an active key belongs to; raise ``AuthenticationError`` otherwise."""
        record = await self.api_key_repo.get_by_hash(hash_api_key(raw_key))
        if record is None or record.status is not APIKeyStatus.ACTIVE:
            raise AuthenticationError("invalid or revoked API key")
        user = await self.user_repo.get_by_id(record.user_id)
        if user is None or not user.is_active:
            raise AuthenticationError("the key's user is inactive")
        await self.api_key_repo.update(record, last_used_at=utcnow())
        return AuthenticatedUser.model_validate(user)

    async def create_key(self, user_id: int, key_in: APIKeyCreate) -> IssuedKey:
        """Issue a new key for the user."""
        self.log_operation("create_key", user_id=user_id, name=key_in.name)
        raw_key = generate_api_key()
        record = await self.api_key_repo.create(
            user_id=user_id,
            name=key_in.name,
            prefix=key_display_prefix(raw_key),
            key_hash=hash_api_key(raw_key),
        )
        await self.activity_repo.create(
            user_id=user_id,
            action="api_key.created",
            resource_type="api_key",
            resource_id=record.id,
            details={"name": record.name},
        )
        return IssuedKey(record=record, raw_key=raw_key)

    async def list_keys(self, user_id: int, *, offset: int, limit: int) -> Page[APIKey]:
        """Return one page of the user's keys, newest first, and how many they have."""
        keys = await self.api_key_repo.list_for_user(user_id, offset=offset, limit=limit)
        return Page(items=keys, total=await self.api_key_repo.count(user_id=user_id))

    async def get_key(self, user_id: int, key_id: int) -> APIKey:
        """Return one of the user's keys; another user's key is reported as missing."""
        record = await self.api_key_repo.get_by_id(key_id)
        if record is None or record.user_id != user_id:
            raise NotFoundError("API key", key_id)
        return record

    async def revoke_key(self, user_id: int, key_id: int) -> APIKey:
        """Revoke one of the user's keys; it stops authenticating at once."""
        record = await self.get_key(user_id, key_id)
        if record.status is APIKeyStatus.REVOKED:
            raise InvalidOperationError(f"API key {key_id} is already revoked")
        revoked = await self.api_key_repo.update(record, status=APIKeyStatus.REVOKED)
        await self.activity_repo.create(
            user_id=user_id,
            action="api_key.revoked",
            resource_type="api_key",
            resource_id=key_id,
            details={},
        )
        return revoked
