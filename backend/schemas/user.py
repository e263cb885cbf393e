"""User and profile schemas."""

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from backend.core.enums import UserRole
from backend.schemas.common import NonBlankStr, ORMModel

EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"

__all__ = ["EMAIL_PATTERN", "UserCreate", "UserRegistered", "UserResponse", "UserUpdate"]


class UserCreate(BaseModel):
    """Registration request."""

    model_config = ConfigDict(extra="forbid")

    email: str = Field(max_length=320, pattern=EMAIL_PATTERN)
    full_name: NonBlankStr = Field(max_length=200)
    bio: str | None = Field(default=None, max_length=2000)


class UserUpdate(BaseModel):
    """Profile update: only the given fields change."""

    model_config = ConfigDict(extra="forbid")

    full_name: NonBlankStr | None = Field(default=None, max_length=200)
    bio: str | None = Field(default=None, max_length=2000)


class UserResponse(ORMModel):
    """A user's profile."""

    id: int
    email: str
    full_name: str
    bio: str | None
    role: UserRole
    is_active: bool
    created_at: datetime
    updated_at: datetime


class UserRegistered(BaseModel):
    """Registration result: the new profile and its first API key (shown only once)."""

    user: UserResponse
    api_key: str
    api_key_id: int
