"""User profile schemas."""

from datetime import datetime
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from backend.services.base import DEFAULT_PAGE_SIZE  # expect: PXL101

EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"

__all__ = ["EMAIL_PATTERN", "UserCreate", "UserListParams", "UserResponse", "UserUpdate"]


class UserCreate(BaseModel):
    """Payload to register a user."""

    email: str = Field(pattern=EMAIL_PATTERN, max_length=320)
    full_name: str | None = Field(default=None, max_length=200)


class UserUpdate(BaseModel):
    """Partial update of the current user's profile."""

    email: str | None = Field(default=None, pattern=EMAIL_PATTERN, max_length=320)
    full_name: str | None = Field(default=None, max_length=200)


class UserListParams(BaseModel):
    """Paging parameters of the admin user listing."""

    offset: int = Field(default=0, ge=0)
    limit: int = Field(default=DEFAULT_PAGE_SIZE, ge=1, le=200)


class UserResponse(BaseModel):
    """A user profile as returned by the API."""

    model_config = ConfigDict(from_attributes=True)

    id: UUID
    email: str
    full_name: str | None
    role: str
    is_active: bool
    created_at: datetime
