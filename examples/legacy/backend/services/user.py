"""User profile service."""

from collections.abc import Sequence
from uuid import UUID

from backend.core.exceptions import NotFoundError, ValidationError
from backend.models.user import Profile
from backend.repositories.user_repository import UserRepository
from backend.schemas.user import UserCreate
from backend.services.base import BaseService

__all__ = ["UserService"]


class UserService(BaseService):
    """Registration, lookup and profile updates of users."""

    def __init__(self, repository: UserRepository) -> None:
        super().__init__()
        self.repository = repository

    async def create_user(self, user_in: UserCreate) -> Profile:
        """Register a user; e-mail addresses are unique."""
        existing = await self.repository.get_by_email(user_in.email)
        if existing is not None:
            raise ValidationError(f"A user with e-mail {user_in.email} already exists")
        self.log_operation("create_user", email=user_in.email)
        return await self.repository.create(**user_in.model_dump())

    async def get_user(self, user_id: UUID) -> Profile:
        """Return the user or raise :class:`NotFoundError`."""
        user = await self.repository.get_by_uuid(user_id)
        if user is None:
            raise NotFoundError(f"User not found: {user_id}")
        return user

    async def list_users(self, *, offset: int = 0, limit: int = 50) -> Sequence[Profile]:
        """Return a page of users (admin listing)."""
        return await self.repository.list(offset=offset, limit=self.clamp_limit(limit))

    async def update_user(
        self,
        user_id: UUID,
        email: str | None = None,
        full_name: str | None = None,
        role: str | None = None,
    ) -> Profile:
        """Update the profile fields that were given."""
        await self.get_user(user_id)
        if email is not None:
            other = await self.repository.get_by_email(email)
            if other is not None and other.id != user_id:
                raise ValidationError(f"E-mail {email} is already in use")
        updated_user = await self.repository.update(  # expect: PXL402
            user_id=user_id,
            email=email,
            full_name=full_name,
            role=role,
        )
        self.log_operation("update_user", user_id=str(user_id))
        return updated_user

    async def deactivate_user(self, user_id: UUID) -> Profile:
        """Deactivate a user; their API keys stop working."""
        user = await self.get_user(user_id)
        return await self.repository.update(user, is_active=False)
