"""User service: registration (with a first API key) and profiles."""

from collections.abc import Sequence
from dataclasses import dataclass

from backend.core.enums import UserRole
from backend.core.exceptions import ConflictError, NotFoundError
from backend.core.security import generate_api_key, hash_api_key, key_display_prefix
from backend.models.api_key import APIKey
from backend.models.user import User
from backend.repositories.activity_log import ActivityLogRepository
from backend.repositories.api_key import APIKeyRepository
from backend.repositories.user import UserRepository
from backend.schemas.user import UserCreate, UserUpdate
from backend.services.base import BaseService

__all__ = ["Registration", "UserService"]


@dataclass(frozen=True, slots=True)
class Registration:
    """A new user, their first API key record and the key itself (shown once)."""

    user: User
    api_key: APIKey
    raw_key: str


class UserService(BaseService):
    """Registers users and manages their profiles.

    The first user ever registered, and any user whose e-mail is in ``admin_emails``,
    becomes an admin.
    """

    def __init__(
        self,
        user_repo: UserRepository,
        api_key_repo: APIKeyRepository,
        activity_repo: ActivityLogRepository,
        admin_emails: Sequence[str] = (),
    ) -> None:
        """Keep the repositories and the configured admin e-mails."""
        super().__init__()
        self.user_repo = user_repo
        self.api_key_repo = api_key_repo
        self.activity_repo = activity_repo
        self.admin_emails = frozenset(email.lower() for email in admin_emails)

    async def register(self, user_in: UserCreate) -> Registration:
        """Create a user and their first API key."""
        email = user_in.email.lower()
        self.log_operation("register", email=email)
        if await self.user_repo.get_by_email(email) is not None:
            raise ConflictError(f"a user with e-mail {email} already exists")
        is_first_user = await self.user_repo.count() == 0
        role = UserRole.ADMIN if is_first_user or email in self.admin_emails else UserRole.USER
        user = await self.user_repo.create(
            email=email, full_name=user_in.full_name, bio=user_in.bio, role=role
        )
        raw_key = generate_api_key()
        api_key = await self.api_key_repo.create(
            user_id=user.id,
            name="default",
            prefix=key_display_prefix(raw_key),
            key_hash=hash_api_key(raw_key),
        )
        await self.activity_repo.create(
            user_id=user.id,
            action="user.registered",
            resource_type="user",
            resource_id=user.id,
            details={"role": role.value},
        )
        return Registration(user=user, api_key=api_key, raw_key=raw_key)

    async def get_profile(self, user_id: int) -> User:
        """Return the user's profile."""
        user = await self.user_repo.get_by_id(user_id)
        if user is None:
            raise NotFoundError("User", user_id)
        return user

    async def update_profile(self, user_id: int, user_in: UserUpdate) -> User:
        """Change the given profile fields."""
        user = await self.get_profile(user_id)
        updates = user_in.model_dump(exclude_unset=True)
        updated = await self.user_repo.update(user, **updates)
        await self.activity_repo.create(
            user_id=user_id,
            action="user.updated",
            resource_type="user",
            resource_id=user_id,
            details={"fields": sorted(updates)},
        )
        return updated
