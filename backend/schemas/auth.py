"""The authenticated caller, as the auth dependencies hand it to endpoints."""

from pydantic import BaseModel, ConfigDict

from backend.core.enums import UserRole

__all__ = ["AuthenticatedUser"]


class AuthenticatedUser(BaseModel):
    """Who is calling: resolved from the bearer API key on every request."""

    model_config = ConfigDict(frozen=True, from_attributes=True)

    id: int
    email: str
    role: UserRole

    @property
    def is_admin(self) -> bool:
        """Whether the caller may manage lifecycle policies."""
        return self.role is UserRole.ADMIN
